import { checkExpiry } from '@pay/protocol/gateway';
import { digitsOf, type PartRules } from './part-rules.js';

const SEPARATOR = /[/\-.\s]+/;

/** Month and year digits as typed: "1230", "12/30", "12/2030", "4/30" and autofill's "12/2029". */
export function splitExpiry(raw: string): { month: string; year: string } {
  const trimmed = raw.trim();
  const separated = SEPARATOR.exec(trimmed);
  let month: string;
  let rest: string;
  if (separated && separated.index > 0) {
    month = digitsOf(trimmed.slice(0, separated.index)).slice(0, 2);
    rest = digitsOf(trimmed.slice(separated.index));
    if (month.length === 1) month = `0${month}`;
  } else {
    const digits = digitsOf(trimmed);
    // A first digit above 1 can only be a one-digit month.
    const monthLength = digits[0] !== undefined && digits[0] > '1' ? 1 : 2;
    month = digits.slice(0, monthLength);
    rest = digits.slice(monthLength);
    if (monthLength === 1 && month) month = `0${month}`;
  }
  // A year that starts with 20 may be typed in full; otherwise two digits.
  const year = rest.startsWith('20') && rest.length > 2 ? rest.slice(0, 4) : rest.slice(0, 2);
  return { month, year };
}

export function formatExpiry(raw: string): string {
  const { month, year } = splitExpiry(raw);
  if (month.length < 2 && !year) return month;
  return `${month} / ${year}`;
}

/** The four-digit year and month the gateway wants, or null when incomplete. */
export function expiryValue(value: string): { exp_month: number; exp_year: number } | null {
  const { month, year } = splitExpiry(value);
  if (month.length !== 2 || (year.length !== 2 && year.length !== 4)) return null;
  return {
    exp_month: Number(month),
    exp_year: year.length === 2 ? 2000 + Number(year) : Number(year),
  };
}

export const expiryRules: PartRules = {
  part: 'expiry',
  significant: /\d/,
  format: formatExpiry,
  assess(value, { now }) {
    const { month, year } = splitExpiry(value);
    if (!month) return { empty: true, complete: false, error: 'incomplete_expiry', eager: false };
    const monthNumber = Number(month);
    if (month.length === 2 && (monthNumber < 1 || monthNumber > 12)) {
      return { empty: false, complete: false, error: 'invalid_expiry', eager: true };
    }
    const parsed = expiryValue(value);
    if (!parsed) {
      return { empty: false, complete: false, error: 'incomplete_expiry', eager: false };
    }
    // The gateway's rule, on the customer's own calendar (the gateway's is UTC).
    const check = checkExpiry(parsed, { year: now.getFullYear(), month: now.getMonth() + 1 });
    if (check === 'valid') return { empty: false, complete: true, eager: false };
    if (check === 'expired') {
      return { empty: false, complete: false, error: 'expired_card', eager: year.length === 4 };
    }
    return { empty: false, complete: false, error: 'invalid_expiry', eager: true };
  },
};
