import type { ShopConfig } from '../config.js';
import { html, type Markup } from '../html.js';
import type { Framework } from '../orders.js';
import { SHOP_LANGUAGES, type ShopLanguage } from '../shop-language.js';

export interface PageOptions {
  title: string;
  body: Markup;
  /** Loads the gateway's SDK (the card fields' custom elements). */
  sdk?: boolean;
  /** Loads the shop's own checkout script; the no-script checkout leaves it out. */
  script?: boolean;
  /** Loads a framework checkout's bundle instead (the SDK is bundled into it). */
  app?: Framework;
}

/** The request's side of the page: the shopper's language, and where the switch comes back to. */
export interface PageContext {
  language: ShopLanguage;
  path: string;
}

const ENGLISH_CONTEXT: PageContext = { language: SHOP_LANGUAGES[0], path: '/' };

export function layout(
  config: ShopConfig,
  page: PageOptions,
  { language, path }: PageContext = ENGLISH_CONTEXT,
): string {
  return html`<!doctype html>
    <html lang="${language.code}" dir="${language.dir}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · Paper &amp; Pine</title>
        <meta name="pay-gateway" content="${config.gatewayUrl}" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/shop.css" />
        ${
          page.sdk
            ? html`<script type="module" src="${config.gatewayUrl}/sdk/v1/pay.js"></script>`
            : ''
        }
        ${page.script ? html`<script type="module" src="/assets/checkout.js"></script>` : ''}
        ${page.app ? html`<script type="module" src="/assets/${page.app}-checkout.js"></script>` : ''}
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="/"
            ><img src="/static/favicon.svg" alt="" width="28" height="28" /> Paper &amp; Pine</a
          >
          <nav aria-label="Main">
            <a href="/">Shop</a>
            <a href="/orders">Orders</a>
          </nav>
          <nav aria-label="Language" class="languages">
            ${SHOP_LANGUAGES.map(
              (l) =>
                html`<a
                  href="/language/${l.code}?back=${encodeURIComponent(path)}"
                  hreflang="${l.code}"
                  lang="${l.code}"
                  dir="${l.dir}"
                  ${l.code === language.code ? html`aria-current="true"` : ''}
                  >${l.name}</a
                >`,
            )}
          </nav>
        </header>
        <main>${page.body}</main>
        <footer class="site-footer">
          A sandbox shop: no real money moves. Card details go straight to the payment gateway and
          never reach this shop.
        </footer>
      </body>
    </html>`.text;
}
