/**
 * The answer of `POST /v1/tokens` (201): what the gateway keeps visible of the card. The frame
 * hands `card` on to the page as it is (`TokenResult`), so it holds nothing the page may not see.
 */
import Type, { type Static } from 'typebox';
import { CARD_BRANDS } from '../card-brands.js';
import { CARD_NETWORKS } from '../card-networks.js';
import type { TokenResult } from '../fields.js';

export const TokenCardSchema = Type.Object({
  bin: Type.String({
    pattern: '^[0-9]{2,6}$',
    description:
      'The first digits, cut so that 6 digits of the number stay hidden: 6 for numbers ' +
      'of 16 digits or more, 5 for 15, 4 for 14, 3 for 13, 2 for 12.',
  }),
  last4: Type.String({ pattern: '^[0-9]{4}$', description: 'The last 4 digits.' }),
  brand: Type.Enum(CARD_BRANDS, { type: 'string' }),
  exp_month: Type.Integer(),
  exp_year: Type.Integer(),
  networks: Type.Object(
    {
      available: Type.Array(Type.Enum(CARD_NETWORKS, { type: 'string' }), {
        description:
          'The networks the card can be routed through: two for a co-badged card (e.g. ' +
          'cartes_bancaires and visa), the brand alone otherwise, none for an unknown brand.',
      }),
      preferred: Type.Union([Type.Enum(CARD_NETWORKS, { type: 'string' }), Type.Null()], {
        description:
          "The network chosen when tokenizing (by the shopper, or the merchant's preferred-network); " +
          "null when nobody chose: a payment then goes through the card's brand.",
      }),
    },
    { additionalProperties: false },
  ),
});

export type TokenCard = Static<typeof TokenCardSchema>;

export const TokenAnswerSchema = Type.Object({
  id: Type.String(),
  object: Type.Enum(['token'], { type: 'string' }),
  card: TokenCardSchema,
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
});

export type TokenAnswer = Static<typeof TokenAnswerSchema>;

/** `TokenResult['card']` is spelt out for the SDK's published types: it must be this card. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type TokenResultCardIsTheAnswers = Assert<Same<TokenCard, TokenResult['card']>>;
