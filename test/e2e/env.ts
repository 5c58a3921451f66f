// Where the servers of the e2e suite are, and the test merchant's keys. global-setup.ts starts
// the gateway and the shop on ports the system picks and puts their addresses in the
// environment, which the workers inherit. (While Playwright only loads the files to list the
// tests, before global setup, they are empty.) Gateway and shop are on different origins,
// localhost and 127.0.0.1, as in `npm start`.
export const GATEWAY_URL = process.env.E2E_GATEWAY_URL ?? '';
export const SHOP_URL = process.env.E2E_SHOP_URL ?? '';

export const PUBLISHABLE_KEY = 'pk_test_e2e';
export const SECRET_KEY = 'sk_test_e2e';
