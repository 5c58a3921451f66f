/**
 * The database could not be reached (down, restarting, connection lost). The error handler
 * answers 503 with the documented `api_error` body; the transaction was rolled back or never
 * began, so nothing is half-written and the client may retry.
 */
export class StorageUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The database is unavailable', options);
    this.name = 'StorageUnavailableError';
  }
}
