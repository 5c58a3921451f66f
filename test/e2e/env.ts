// Fixed addresses and keys of the servers the e2e suite runs against (ports 8811-8819 are the
// demo helper's). Gateway and shop are on different origins, as in `npm start`.
export const GATEWAY_PORT = 8811;
export const SHOP_PORT = 8812;
export const GATEWAY_URL = `http://localhost:${GATEWAY_PORT}`;
export const SHOP_URL = `http://127.0.0.1:${SHOP_PORT}`;
/** A second gateway and shop that one test stops and starts again. */
export const OUTAGE_GATEWAY_PORT = 8813;
export const OUTAGE_SHOP_PORT = 8814;

export const PUBLISHABLE_KEY = 'pk_test_e2e';
export const SECRET_KEY = 'sk_test_e2e';
