// What the merchant page may see: shapes and names of the host <-> frame protocol and the page's
// events. Rules and messages that stay between gateway-origin code (frame <-> frame,
// frame <-> gateway) are in `@pay/protocol/gateway`; lint keeps page code from importing them.
export * from './three-d-secure.js';
export * from './card-brands.js';
export * from './card-networks.js';
export * from './card-parts.js';
export * from './error-codes.js';
export * from './payment-status.js';
export * from './publishable-key.js';
export * from './fields.js';
export * from './rpc.js';
export * from './frame-params.js';
export * from './field-height.js';
export * from './style-properties.js';
export * from './style-allowlist.js';
export * from './themes.js';
export * from './field-messages.js';
export * from './port-rpc.js';
export * from './random-id.js';
export * from './events.js';
export * from './locales.js';
export * from './element-options.js';
