export * from './three-d-secure.js';
