/** The error codes and body of gateway-api.md ("Error body"): one union, one class. */
export type ErrorType =
  | 'authentication_error'
  | 'invalid_request_error'
  | 'payment_error'
  | 'rate_limit_error'
  | 'api_error';

export type ErrorCode =
  | 'unauthorized'
  | 'merchant_not_active'
  | 'validation_error'
  | 'invalid_json'
  | 'payload_too_large'
  | 'invalid_amount'
  | 'unsupported_currency'
  | 'token_not_found'
  | 'payment_token_expired'
  | 'payment_token_already_used'
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'authentication_failed'
  | 'not_supported'
  | 'invalid_status'
  | 'idempotency_key_mismatch'
  | 'idempotency_key_in_use'
  | 'rate_limited'
  | 'not_found'
  | 'api_error';

export type DeclineCode = Extract<
  ErrorCode,
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'authentication_failed'
>;

const typeOf: Record<ErrorCode, ErrorType> = {
  unauthorized: 'authentication_error',
  merchant_not_active: 'authentication_error',
  validation_error: 'invalid_request_error',
  invalid_json: 'invalid_request_error',
  payload_too_large: 'invalid_request_error',
  invalid_amount: 'invalid_request_error',
  unsupported_currency: 'invalid_request_error',
  token_not_found: 'invalid_request_error',
  payment_token_expired: 'invalid_request_error',
  payment_token_already_used: 'invalid_request_error',
  card_declined: 'payment_error',
  insufficient_funds: 'payment_error',
  expired_card: 'payment_error',
  incorrect_cvc: 'payment_error',
  authentication_failed: 'payment_error',
  not_supported: 'invalid_request_error',
  invalid_status: 'invalid_request_error',
  idempotency_key_mismatch: 'invalid_request_error',
  idempotency_key_in_use: 'invalid_request_error',
  rate_limited: 'rate_limit_error',
  not_found: 'invalid_request_error',
  api_error: 'api_error',
};

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

export interface ErrorDetail {
  param: string;
  message: string;
}

export interface ErrorBody {
  error: {
    type: ErrorType;
    code: ErrorCode;
    message: string;
    param?: string;
    details?: ErrorDetail[];
    request_id: string;
  };
}

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
    this.type = typeOf[code];
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
