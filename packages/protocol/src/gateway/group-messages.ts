/**
 * Messages between the frames of one group, inside the gateway origin. They go frame to
 * frame (`window.parent.frames`) with targetOrigin = the gateway's own origin; the merchant
 * page can neither read nor forge them. `group` keeps two groups on one page apart; `key` is
 * the sender's publishable key ('' before the host configured it): values and fill consent
 * are taken only from a frame with the same key, since a script on the page can copy a group
 * id into a group of its own, but values taken under a key never go out under another.
 */
import { isCardBrand, type CardBrand } from '../card-brands.js';
import { isCardPart, type CardPart } from '../card-parts.js';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../error-codes.js';

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
 * change, so tokenizing reads them locally; `seq` is the sender's values version (how many times
 * its values changed), which orders a tokenize after the host's earlier calls to that frame.
 * `collect`/`values`: the fallback round trip for a value not pushed yet (or not that recent):
 * an answer is the sibling's values as they are when it answers.
 * `reveal`: show every error, as on submit.
 *
 * `fill-query`/`fill-answer`: a frame whose value changed without a keystroke (browser autofill
 * started in another frame) asks whether the customer is in this group: only a frame that has
 * focus, can be seen and holds the same key answers. Browsers fill every card field of the
 * gateway origin, other groups' frames included.
 */
export type GroupMessage = { ns: typeof GROUP_NAMESPACE; group: string; key: string } & (
  | { type: 'lead' }
  | { type: 'join'; parts: CardPart[] }
  | { type: 'push'; values: PartValue[]; seq: number }
  | { type: 'reveal' }
  | { type: 'collect'; id: string }
  | { type: 'values'; id: string; values: PartValue[] }
  | { type: 'brand'; brand: CardBrand | null }
  | { type: 'fill-query'; id: string }
  | { type: 'fill-answer'; id: string }
);

function isPartValues(values: unknown): values is PartValue[] {
  return Array.isArray(values) && values.length <= 4 && values.every(isPartValue);
}

function isPartValue(value: unknown): value is PartValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isCardPart(v.part) &&
    typeof v.value === 'string' &&
    v.value.length <= 64 &&
    (v.error === undefined || (FIELD_ERROR_CODES as readonly unknown[]).includes(v.error))
  );
}

function isSeq(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isGroupMessage(data: unknown, group: string): data is GroupMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.ns !== GROUP_NAMESPACE || m.group !== group || typeof m.key !== 'string') return false;
  switch (m.type) {
    case 'lead':
    case 'reveal':
      return true;
    case 'join':
      return Array.isArray(m.parts) && m.parts.length <= 4 && m.parts.every(isCardPart);
    case 'push':
      return isPartValues(m.values) && isSeq(m.seq);
    case 'collect':
    case 'fill-query':
    case 'fill-answer':
      return typeof m.id === 'string';
    case 'values':
      return typeof m.id === 'string' && isPartValues(m.values);
    case 'brand':
      return m.brand === null || isCardBrand(m.brand);
    default:
      return false;
  }
}
