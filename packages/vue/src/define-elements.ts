import { define } from '@pay/host';

/**
 * Registers the `<pay-*>` tags in the browser; does nothing on the server. Called in each
 * component's setup, before its element is first created: Vue then creates an element that is
 * already upgraded, and a server-rendered one upgrades in place before hydration reaches it.
 * (Under Node `@pay/host` is an inert copy anyway; the check keeps server rendering from even
 * trying, whatever copy a bundler picked.)
 */
export function defineElements(): void {
  if (typeof window !== 'undefined') define();
}
