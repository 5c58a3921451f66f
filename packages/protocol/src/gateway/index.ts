// Gateway-origin only: what frames say to each other and to the gateway, and the card rules
// both enforce. Never imported by code that runs on the merchant page (lint: eslint.config.js).
export * from './card-body.js';
export * from './card-rules.js';
export * from './co-badged-networks.js';
export * from './group-messages.js';
export * from './token-answer.js';
export * from './frame-csp-file.js';
