// Where the servers of the field tests are: global-setup.ts starts them on ports the system
// picks and puts their addresses in the environment, which the workers inherit. (While
// Playwright only loads the files to list the tests, before global setup, they are empty.)
/** The merchant pages (host-server.mjs), on 127.0.0.1. */
export const HOST = process.env.FIELDS_HOST_URL ?? '';
/** The real gateway, serving the built frames and SDK, on localhost: another origin. */
export const GATEWAY = process.env.FIELDS_GATEWAY_URL ?? '';
/** A third origin (host-server.mjs again, another port), for the forger frame. */
export const THIRD_ORIGIN = process.env.FIELDS_THIRD_URL ?? '';
