/** The parts a card is made of, in the order errors are reported and focused. */
export const CARD_PARTS = ['number', 'expiry', 'cvc', 'name'] as const;
export type CardPart = (typeof CARD_PARTS)[number];

/** One frame draws one kind: a part, or `card`, all four parts in one frame. */
export const FIELD_KINDS = [...CARD_PARTS, 'card'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export function isCardPart(value: unknown): value is CardPart {
  return typeof value === 'string' && (CARD_PARTS as readonly string[]).includes(value);
}

export function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}
