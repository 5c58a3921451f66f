// Types of webkit-driver.mjs for the TypeScript suites that start WebKitWebDriver.
export const MINIBROWSER: string;
export const webkitCapabilities: Record<string, unknown>;
export function startWebKitDriver(): Promise<{
  hostname: string;
  port: number;
  display: string;
  stop(): void;
}>;
