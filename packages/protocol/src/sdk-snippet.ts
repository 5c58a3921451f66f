/**
 * The ready-to-paste tags that pin one SDK release with Subresource Integrity, and the
 * Content-Security-Policy `script-src` sources they need. One generator for the gateway, which
 * serves it at `/sdk/v<version>/snippet.html`, and for the host build, which writes it into the
 * merchant guide (packages/host/README.md): the guide's example is what the gateway serves.
 * Not part of the SDK: nothing here runs on a merchant page.
 */

/** The script-tag files of a release (integrity.json's `script`), the entry first. */
export interface SnippetRelease {
  version: string;
  /** File name → `sha384-…`, `pay.js` first, then the chunks it loads. */
  script: Readonly<Record<string, string>>;
}

export interface SdkSnippet {
  /** The HTML to paste into the page's `<head>`. */
  html: string;
  /** The `script-src` sources the tags need, for the page's Content-Security-Policy. */
  scriptSrc: string[];
}

/** The script-tag entry of every release. */
export const SDK_ENTRY = 'pay.js';

/** The `id` of the snippet's SDK `<script>`: its error listener finds it by this. */
export const SDK_SCRIPT_ID = 'pay-sdk';

/**
 * Runs when the browser refuses pay.js (a hash that does not match, or no answer): the tags stay
 * undefined, so the page is told. `<html data-pay-sdk="blocked">` for the page's CSS, elements
 * marked `data-pay-unavailable` (hidden until then) shown, and one console line. A classic
 * inline script after the module script: it runs while the page is parsed, before a module
 * script's `error` can fire (module scripts run, or fail, once parsing is done).
 */
export const SDK_BLOCKED_SCRIPT =
  `document.getElementById(${JSON.stringify(SDK_SCRIPT_ID)}).addEventListener("error",function(){` +
  `document.documentElement.setAttribute("data-pay-sdk","blocked");` +
  `document.querySelectorAll("[data-pay-unavailable]").forEach(function(e){e.hidden=false});` +
  `console.error("@pay/host: the browser refused pay.js (integrity or network): the card fields cannot load")})`;

const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The snippet for `release` served from `gatewayOrigin` (e.g. `https://gateway.example`).
 * `sha256` gives the base64 SHA-256 of a text (CSP hashes of the two inline scripts).
 */
export function sdkSnippet(
  release: SnippetRelease,
  gatewayOrigin: string,
  sha256: (text: string) => string,
): SdkSnippet {
  const base = `${gatewayOrigin}/sdk/v${release.version}/`;
  const entryHash = release.script[SDK_ENTRY];
  if (!entryHash) throw new Error(`release ${release.version} has no ${SDK_ENTRY}`);
  // Every script-tag file: import() takes no integrity attribute, the import map gives it.
  const integrity = Object.fromEntries(
    Object.entries(release.script).map(([name, hash]) => [`${base}${name}`, hash]),
  );
  const importMap = `\n${JSON.stringify({ integrity }, null, 2)}\n`;
  const scriptSrc = [
    base,
    `'sha256-${sha256(importMap)}'`,
    `'sha256-${sha256(SDK_BLOCKED_SCRIPT)}'`,
  ];
  const html = [
    `<!-- @pay/host ${release.version}, pinned with Subresource Integrity: paste into <head>. -->`,
    `<!-- Content-Security-Policy: script-src ${scriptSrc.join(' ')} (with your own sources) -->`,
    `<script type="importmap">${importMap}</script>`,
    `<script type="module" id="${SDK_SCRIPT_ID}" src="${attribute(`${base}${SDK_ENTRY}`)}" integrity="${entryHash}" crossorigin="anonymous"></script>`,
    `<script>${SDK_BLOCKED_SCRIPT}</script>`,
    '',
  ].join('\n');
  return { html, scriptSrc };
}
