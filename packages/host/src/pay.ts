/**
 * The script-tag SDK the gateway serves, `dist/pay.js`
 * (`<script type="module" src="https://gateway/sdk/v1/pay.js">`): defines the card-field
 * elements on load and exports what the package exports.
 */
import { define } from './index.js';

export * from './index.js';

// Loading the SDK twice (two script tags, a bundle and the CDN copy) must not throw.
define();
