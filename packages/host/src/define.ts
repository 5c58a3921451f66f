/** `import '@pay/host/define'`: registers the `<pay-*>` tags (the package's `define()`). */
import { define } from './index.js';

define();
