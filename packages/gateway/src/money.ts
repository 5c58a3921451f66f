import { ApiError } from './errors.js';

/** Currencies the sandbox accepts, with their number of decimals (ISO 4217 minor units). */
const decimalsOf: Record<string, number> = {
  usd: 2,
  eur: 2,
  gbp: 2,
  chf: 2,
  cad: 2,
  aud: 2,
  nzd: 2,
  sek: 2,
  nok: 2,
  dkk: 2,
  pln: 2,
  czk: 2,
  huf: 2,
  ron: 2,
  bgn: 2,
  mxn: 2,
  brl: 2,
  inr: 2,
  sgd: 2,
  hkd: 2,
  zar: 2,
  ils: 2,
  try: 2,
  cny: 2,
  thb: 2,
  myr: 2,
  php: 2,
  aed: 2,
  sar: 2,
  jpy: 0,
  krw: 0,
  vnd: 0,
  clp: 0,
  isk: 0,
  ugx: 0,
  xaf: 0,
  xof: 0,
  pyg: 0,
  rwf: 0,
};

/** The largest amount in minor units: well inside both SQLite integers and exact doubles. */
const MAX_MINOR = 99_999_999_99;

export function currencyDecimals(currency: string): number {
  const decimals = decimalsOf[currency.toLowerCase()];
  if (decimals === undefined) {
    throw new ApiError('unsupported_currency', 'This currency is not supported', 'currency');
  }
  return decimals;
}

/** Turns an API amount (10.5) into minor units (1050), refusing fractions the currency lacks. */
export function toMinor(amount: number, currency: string, param = 'amount'): number {
  const decimals = currencyDecimals(currency);
  const scaled = amount * 10 ** decimals;
  const minor = Math.round(scaled);
  if (Math.abs(scaled - minor) > 1e-6) {
    throw new ApiError(
      'invalid_amount',
      decimals === 0
        ? `${param} must be a whole number in ${currency.toLowerCase()}`
        : `${param} must have at most ${decimals} decimal places`,
      param,
    );
  }
  if (minor <= 0) throw new ApiError('invalid_amount', `${param} must be positive`, param);
  if (minor > MAX_MINOR) throw new ApiError('invalid_amount', `${param} is too large`, param);
  return minor;
}

export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** currencyDecimals(currency);
}
