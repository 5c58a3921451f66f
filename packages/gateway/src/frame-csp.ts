/**
 * The Content-Security-Policy of the card-field frames (/frame/v1/*). No inline script, no
 * eval, connections only to the gateway itself. Deliberately no `frame-ancestors`: merchants
 * embed these frames on any origin.
 */
export const frameCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' https:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
