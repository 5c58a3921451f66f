/** A setting that cannot work: main.ts prints its message as one line and exits 1. */
export class ConfigError extends Error {}
