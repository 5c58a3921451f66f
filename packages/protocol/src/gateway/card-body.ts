/**
 * The body of `POST /v1/tokens`: the one request that carries a card number and CVC. The frame
 * builds it, the gateway validates it with this schema; both take the type from it.
 */
import Type, { type Static } from 'typebox';
import { CARD_NETWORKS } from '../card-networks.js';

export const CardBodySchema = Type.Object(
  {
    // Digits, spaces and dashes as typed; the gateway checks the digits (12 to 19, Luhn).
    number: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9 -]+$' }),
    exp_month: Type.Integer({ minimum: 1, maximum: 12 }),
    exp_year: Type.Integer({ minimum: 1000, maximum: 9999 }),
    cvc: Type.String({ pattern: '^[0-9]{3,4}$' }),
    cardholder_name: Type.Optional(Type.String({ maxLength: 100 })),
    networks: Type.Optional(
      Type.Object(
        {
          preferred: Type.Enum(CARD_NETWORKS, {
            type: 'string',
            description:
              "The network the shopper chose for a co-badged card; one of the card's available networks.",
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type CardBody = Static<typeof CardBodySchema>;

export const TokenRequestBodySchema = Type.Object(
  { card: CardBodySchema },
  { additionalProperties: false },
);

export type TokenRequestBody = Static<typeof TokenRequestBodySchema>;
