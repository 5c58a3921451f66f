import { MESSAGE_ERROR_CODES, type PayErrorCode } from '@pay/protocol';
import { t } from '../i18n/frame-locale.js';

const OWN_MESSAGE: readonly string[] = MESSAGE_ERROR_CODES;

/**
 * What the customer reads and the host receives, in the frame's language; no card data in any
 * of them. The code stays the same in every language.
 */
export function errorMessage(code: PayErrorCode): string {
  return t(
    OWN_MESSAGE.includes(code) ? (code as (typeof MESSAGE_ERROR_CODES)[number]) : 'generic_error',
  );
}
