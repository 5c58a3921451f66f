import Type, { type Static } from 'typebox';
import { API_ERROR_CODES, API_ERROR_TYPES } from '@pay/protocol/error-codes';

/** The documented error body, for validation of answers, the OpenAPI document and fast serialization. */
export const errorResponse = Type.Object({
  error: Type.Object({
    type: Type.Enum(API_ERROR_TYPES, { type: 'string' }),
    code: Type.Enum(API_ERROR_CODES, { type: 'string' }),
    message: Type.String(),
    param: Type.Optional(Type.String()),
    details: Type.Optional(
      Type.Array(
        Type.Object({
          param: Type.Optional(Type.String()),
          message: Type.Optional(Type.String()),
        }),
      ),
    ),
    request_id: Type.String(),
  }),
});

export type ErrorResponse = Static<typeof errorResponse>;
