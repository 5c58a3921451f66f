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

/**
 * `lead`: a frame that may tokenize (number or combined) asks for its siblings' values, at its
 * start and in answer to `join`. `join`: a frame started (or started again) and holds `parts`,
 * empty for now. `push`: a sibling's values, sent to the frames that asked to lead whenever they
 * change, so tokenizing reads them locally. `collect`/`values`: the fallback round trip for a
 * value not pushed yet. `reveal`: show every error, as on submit.
 *
 * `fill-query`/`fill-answer`: a frame whose value changed without a keystroke (browser autofill
 * started in another frame) asks whether the customer is in this group: only a frame that has
 * focus, is visible and holds the same publishable key answers. Browsers fill every card field
 * of the gateway origin, other groups' frames included; a group id can be copied by a script on
 * the page, a key bound to the merchant's account cannot be turned into the attacker's.
 */
export type GroupMessage = { ns: typeof GROUP_NAMESPACE; group: string } & (
  | { type: 'lead' }
  | { type: 'join'; parts: CardPart[] }
  | { type: 'push'; values: PartValue[] }
  | { type: 'reveal' }
  | { type: 'collect'; id: string }
  | { type: 'values'; id: string; values: PartValue[] }
  | { type: 'brand'; brand: CardBrand | null }
  | { type: 'fill-query'; id: string; key: string }
  | { type: 'fill-answer'; id: string }
);

const PARTS = new Set(['number', 'expiry', 'cvc', 'name']);

function isPartValues(values: unknown): values is PartValue[] {
  return Array.isArray(values) && values.length <= 4 && values.every(isPartValue);
}

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
    case 'lead':
    case 'reveal':
      return true;
    case 'join':
      return (
        Array.isArray(m.parts) &&
        m.parts.length <= 4 &&
        m.parts.every((part) => typeof part === 'string' && PARTS.has(part))
      );
    case 'push':
      return isPartValues(m.values);
    case 'collect':
    case 'fill-answer':
      return typeof m.id === 'string';
    case 'fill-query':
      return typeof m.id === 'string' && typeof m.key === 'string';
    case 'values':
      return typeof m.id === 'string' && isPartValues(m.values);
    case 'brand':
      return m.brand === null || typeof m.brand === 'string';
    default:
      return false;
  }
}
