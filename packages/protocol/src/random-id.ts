/** A random id from getRandomValues (randomUUID needs a secure context; merchant pages may lack one). */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
