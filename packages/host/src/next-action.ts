import type { NextActionOptions, NextActionPayment, NextActionResult } from './three-d-secure.js';

/**
 * Shows the gateway's 3-D Secure challenge for a `requires_action` payment and resolves with
 * its outcome. The dialog code is a separate chunk served beside pay.js, loaded on first use:
 * a page that only takes card details never downloads it.
 */
export function handleNextAction(
  payment: NextActionPayment,
  options?: NextActionOptions,
): Promise<NextActionResult> {
  return import('./three-d-secure.js').then((chunk) => chunk.handleNextAction(payment, options));
}
