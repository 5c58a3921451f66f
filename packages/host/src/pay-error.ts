import type { PayErrorCode } from '@pay/protocol';

/** What `tokenize()` rejects with: a typed `code` and a message safe to show or log. */
export class PayError extends Error {
  readonly code: PayErrorCode;

  constructor(code: PayErrorCode, message: string) {
    super(message);
    this.name = 'PayError';
    this.code = code;
  }
}
