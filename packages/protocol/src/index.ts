export * from './three-d-secure.js';
export * from './fields.js';
export * from './rpc.js';
export * from './frame-params.js';
export * from './style-allowlist.js';
export * from './group-messages.js';
export * from './exact-origin-messenger.js';
export * from './random-id.js';
