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

/** The parts a frame of `kind` draws, in order. */
export function partsOf(kind: FieldKind): CardPart[] {
  return kind === 'card' ? [...CARD_PARTS] : [kind];
}

/**
 * The kinds that may tokenize for their group, first choice first: the combined field, else the
 * number field (it holds the number and its brand). The host asks the first present; the frames
 * of these kinds gather their siblings' values.
 */
export const LEADING_KINDS: readonly FieldKind[] = ['card', 'number'];

/** The field that tokenizes for a group of `fields`, or undefined when none may. */
export function leaderOf<Field extends { kind: FieldKind }>(fields: Field[]): Field | undefined {
  for (const kind of LEADING_KINDS) {
    const leader = fields.find((field) => field.kind === kind);
    if (leader) return leader;
  }
  return undefined;
}
