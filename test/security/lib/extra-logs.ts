/** Logs other than the gateways' (the merchant server's, the demo shop's), registered by the
 * families that start those servers, for family 6 (secrets at rest) to read. */
export const extraLogs: { name: string; lines: () => string[] }[] = [];
