// The frames' documents, the SDK and the API answer with strict headers; the bundles hold no
// eval and no remote code.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type GatewayRun } from '../../lib/gateway-process.js';
import { send } from '../../lib/http-client.js';
import type { Attempts } from '../../lib/results.js';

/** A header's value as one string (joined when repeated), '' when absent. */
export function header(
  res: { headers: Record<string, string | string[] | undefined> },
  name: string,
): string {
  const v = res.headers[name];
  return (Array.isArray(v) ? v.join(', ') : v) ?? '';
}

/**
 * The frame document inlines its app (one round trip): each inline <script> and <style> must be
 * allowed by its own sha256 in the CSP, never by 'unsafe-inline' or a nonce anyone could copy.
 */
function unhashedInline(html: string, directives: Record<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [tag, directive] of [
    ['script', 'script-src'],
    ['style', 'style-src'],
  ] as const) {
    // A JSON data block (the frame's strings) is no script: it never runs, nor needs a hash.
    const blocks = html.matchAll(
      new RegExp(
        `<${tag}(?![^>]*\\b(?:src=|type="application/json"))[^>]*>([\\s\\S]*?)</${tag}>`,
        'gi',
      ),
    );
    for (const [, body] of blocks) {
      const hash = `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`;
      if (!directives[directive]?.includes(hash))
        problems.push(`inline <${tag}> not allowed by its hash`);
    }
  }
  return problems;
}

export async function headersScenario(gw: GatewayRun, result: Attempts): Promise<void> {
  const frameDir = join(ROOT, 'packages/frame/dist');
  const assets = existsSync(join(frameDir, 'assets'))
    ? readdirSync(join(frameDir, 'assets')).map((f) => `/frame/v1/assets/${f}`)
    : [];
  for (const path of ['/frame/v1/en/number.html', '/frame/v1/fr/card.html', ...assets]) {
    const res = await send(gw.url, { method: 'GET', path });
    const csp = header(res, 'content-security-policy');
    const directives: Record<string, string[]> = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    const problems: string[] = [];
    if (res.status !== 200) problems.push(`HTTP ${res.status}`);
    if (!directives['default-src']?.includes("'none'"))
      problems.push(`default-src ${String(directives['default-src'])}`);
    const scripts = directives['script-src'] ?? [];
    if (!scripts.length || scripts.some((s) => s !== "'self'" && !/^'sha256-[\w+/]+=*'$/.test(s)))
      problems.push(`script-src ${scripts.join(' ')}`);
    if (directives['connect-src']?.join(' ') !== "'self'")
      problems.push(`connect-src ${String(directives['connect-src'])}`);
    if (
      (directives['style-src'] ?? []).some((s) => s !== "'self'" && !/^'sha256-[\w+/]+=*'$/.test(s))
    )
      problems.push('style-src allows inline or any origin');
    if (!directives['base-uri']) problems.push('no base-uri');
    if (header(res, 'x-content-type-options') !== 'nosniff')
      problems.push('no X-Content-Type-Options: nosniff');
    if (!header(res, 'referrer-policy')) problems.push('no Referrer-Policy');
    if (header(res, 'access-control-allow-origin') === '*')
      problems.push('frame document is CORS-readable by any origin');
    if (path.endsWith('.js') && !/javascript/.test(header(res, 'content-type')))
      problems.push(`content-type ${header(res, 'content-type')}`);
    if (/\.html$|\/$/.test(path)) problems.push(...unhashedInline(res.text, directives));
    // Attributes only: the inlined app's own code may well spell ` onload=`.
    const markup = res.text.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
    if (/\.html$|\/$/.test(path) && /\son[a-z]+=/i.test(markup))
      problems.push('inline event handler in the frame document');
    result.record(`headers: ${path}`, problems.length ? problems.join('; ') : undefined);
  }
  const sdk = await send(gw.url, { method: 'GET', path: '/sdk/v1/pay.js' });
  const sdkProblems = [
    header(sdk, 'x-content-type-options') === 'nosniff' ? '' : 'no nosniff',
    /javascript/.test(header(sdk, 'content-type'))
      ? ''
      : `content-type ${header(sdk, 'content-type')}`,
    header(sdk, 'cross-origin-resource-policy') === 'cross-origin' ? '' : 'no CORP cross-origin',
  ].filter(Boolean);
  result.record('headers: /sdk/v1/pay.js', sdkProblems.length ? sdkProblems.join('; ') : undefined);
  // Rule 2 (docs/architecture.md), in the shipped bundles: no postMessage with "*" as its target.
  for (const [name, file] of [
    ['SDK', join(ROOT, 'packages/host/dist/pay.js')],
    ...assets
      .filter((a) => a.endsWith('.js'))
      .map((a) => ['frame', join(frameDir, 'assets', a.split('/').pop() ?? '')]),
    // The frame app's entry is inlined in its documents (one per kind and locale, alike).
    ['frame', join(frameDir, 'en/number.html')],
  ] as [string, string][]) {
    const code = readFileSync(file, 'utf8');
    const star =
      /postMessage\([^()]*?,\s*["'`]\*["'`]/.exec(code) ??
      /targetOrigin\s*:\s*["'`]\*["'`]/.exec(code);
    const evals = /\beval\(|new Function\(/.exec(code);
    result.record(
      `bundle: ${name} ${file.split('/').pop()} never posts to "*" and has no eval`,
      star ? `found ${star[0]}` : evals ? `found ${evals[0]}` : undefined,
    );
  }
  // The API and the 3-D Secure assets may never be framed or sniffed.
  const apiRes = await send(gw.url, {
    method: 'GET',
    path: '/v1/payments',
    headers: { authorization: `Bearer ${gw.secretKey}` },
  });
  result.check(
    'headers: the API forbids framing',
    /frame-ancestors 'none'/.test(header(apiRes, 'content-security-policy')) ||
      header(apiRes, 'x-frame-options') === 'DENY',
    'API answers can be framed',
  );
  const preflight = await send(gw.url, {
    method: 'OPTIONS',
    path: '/v1/payments',
    headers: { origin: 'http://[::1]:8443', 'access-control-request-method': 'POST' },
  });
  result.check(
    'headers: secret-key endpoints are not CORS-readable',
    !header(preflight, 'access-control-allow-origin'),
    `ACAO ${header(preflight, 'access-control-allow-origin')}`,
  );
}
