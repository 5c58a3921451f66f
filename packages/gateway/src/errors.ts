/** The error body of gateway-api.md ("Error body"): codes and types are the protocol's; one class. */
import {
  apiErrorType,
  type ApiErrorCode,
  type ApiErrorType,
  type DeclineCode,
} from '@pay/protocol/error-codes';
import type { ErrorResponse } from './routes/error.schema.js';

export type ErrorCode = ApiErrorCode;
export type ErrorType = ApiErrorType;
export type { DeclineCode };

const statusOf: Record<ErrorCode, number> = {
  unauthorized: 401,
  merchant_not_active: 403,
  validation_error: 400,
  invalid_json: 400,
  payload_too_large: 413,
  invalid_amount: 400,
  unsupported_currency: 400,
  token_not_found: 404,
  payment_token_expired: 400,
  payment_token_already_used: 400,
  card_declined: 400,
  insufficient_funds: 400,
  expired_card: 400,
  incorrect_cvc: 400,
  authentication_failed: 400,
  not_supported: 400,
  invalid_status: 400,
  idempotency_key_mismatch: 400,
  idempotency_key_in_use: 409,
  rate_limited: 429,
  not_found: 404,
  api_error: 500,
};

export type ErrorBody = ErrorResponse;
/** One validation failure: the schema leaves both optional, the gateway always sends both. */
export type ErrorDetail = Required<NonNullable<ErrorBody['error']['details']>[number]>;

/** A failure the client caused (or may retry); its message is safe to show and never holds card data. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly statusCode: number;
  readonly param: string | undefined;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, param?: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.type = apiErrorType(code);
    this.statusCode = statusOf[code];
    this.param = param;
    this.details = details;
  }

  body(requestId: string): ErrorBody {
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        ...(this.param === undefined ? {} : { param: this.param }),
        ...(this.details === undefined ? {} : { details: this.details }),
        request_id: requestId,
      },
    };
  }
}

export const declineMessages: Record<DeclineCode, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
  incorrect_cvc: 'The card security code is incorrect.',
  authentication_failed: 'The 3-D Secure authentication failed.',
};
