/**
 * Messages between the frames of one group, inside the gateway origin. They go frame to
 * frame (`window.parent.frames`) with targetOrigin = the gateway's own origin; the merchant
 * page can neither read nor forge them. `group` keeps two groups on one page apart.
 */
import type { CardBrand, CardPart, FieldErrorCode } from './fields.js';

export const GROUP_NAMESPACE = 'pay-group';

export interface PartValue {
  part: CardPart;
  value: string;
  error?: FieldErrorCode;
}

export type GroupMessage =
  | { ns: typeof GROUP_NAMESPACE; group: string; type: 'collect'; id: string }
  | { ns: typeof GROUP_NAMESPACE; group: string; type: 'values'; id: string; values: PartValue[] }
  | { ns: typeof GROUP_NAMESPACE; group: string; type: 'brand'; brand: CardBrand | null };

const PARTS = new Set(['number', 'expiry', 'cvc', 'name']);

function isPartValue(value: unknown): value is PartValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.part === 'string' &&
    PARTS.has(v.part) &&
    typeof v.value === 'string' &&
    v.value.length <= 64 &&
    (v.error === undefined || typeof v.error === 'string')
  );
}

export function isGroupMessage(data: unknown, group: string): data is GroupMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.ns !== GROUP_NAMESPACE || m.group !== group) return false;
  switch (m.type) {
    case 'collect':
      return typeof m.id === 'string';
    case 'values':
      return typeof m.id === 'string' && Array.isArray(m.values) && m.values.every(isPartValue);
    case 'brand':
      return m.brand === null || typeof m.brand === 'string';
    default:
      return false;
  }
}
