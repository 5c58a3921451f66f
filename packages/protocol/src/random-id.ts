/** A random id from getRandomValues (randomUUID needs a secure context; merchant pages may lack one). */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

const RANDOM_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** An id as randomId() makes them, or as a page may set a group's: 8 to 64 URL-safe characters. */
export function isRandomId(value: unknown): value is string {
  return typeof value === 'string' && RANDOM_ID.test(value);
}
