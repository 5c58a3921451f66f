// What a frame document served in English has before anything runs: its strings. Test pages
// are not served documents: the tests that draw the form import this first.
import en from '../src/i18n/catalogs/en.js';
import { useStrings } from '../src/i18n/frame-locale.js';

useStrings('en', en);
