import type { Plugin } from 'esbuild';

/** penpal's source with every `log?.(...)` call cut out. */
export declare function withoutLogs(source: string): string;
export declare const penpalWithoutLogs: Plugin;
