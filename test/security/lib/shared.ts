// What a family's cases share (a gateway, a browser, page servers) starts with the first case
// that asks for it, so a case run alone (--test-name-pattern) starts only what it uses, and
// the family's `after` hook stops whatever was started.
import { after } from 'node:test';

export interface Shared<T> {
  get(): Promise<T>;
}

/** Call inside a family's describe(): registers the stop in that suite's `after` hook. */
export function shared<T>(start: () => Promise<T>, stop: (value: T) => Promise<void>): Shared<T> {
  let started: Promise<T> | undefined;
  after(async () => {
    if (!started) return;
    const value = await started.catch(() => undefined);
    if (value !== undefined) await stop(value);
  });
  return {
    get: () => (started ??= start()),
  };
}
