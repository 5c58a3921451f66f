// The shop's server-side client of the gateway REST API (gateway-api.md). It holds the secret
// key, which never leaves this process.
import type { CaptureMethod, Payment, PaymentStatus } from '@pay/protocol/payment-status';

// The gateway's payment object: one definition with the gateway's answers and @pay/host's type.
export type { Payment, PaymentStatus };

export interface PaymentList {
  data: Payment[];
  has_more: boolean;
}

export interface CreatePayment {
  amount: number;
  currency: string;
  token: string;
  capture_method: CaptureMethod;
  return_url: string;
  external_id: string;
  metadata: Record<string, string>;
}

/** A typed error answer of the gateway (the documented error body). */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** The gateway did not answer (down, refused, timed out): the outcome of the call is unknown. */
export class GatewayUnreachable extends Error {
  readonly code = 'gateway_unreachable';
  constructor() {
    super('The payment gateway did not answer');
    this.name = 'GatewayUnreachable';
  }
}

const TIMEOUT_MS = 15_000;

export class GatewayClient {
  constructor(
    readonly baseUrl: string,
    private readonly secretKey: string,
  ) {}

  createPayment(body: CreatePayment, idempotencyKey: string): Promise<Payment> {
    return this.call('POST', '/v1/payments', body, { 'Idempotency-Key': idempotencyKey });
  }

  getPayment(id: string): Promise<Payment> {
    return this.call('GET', `/v1/payments/${encodeURIComponent(id)}`);
  }

  listPayments(params: { limit?: number; starting_after?: string } = {}): Promise<PaymentList> {
    const query = new URLSearchParams();
    if (params.limit) query.set('limit', String(params.limit));
    if (params.starting_after) query.set('starting_after', params.starting_after);
    const qs = query.size ? `?${query}` : '';
    return this.call('GET', `/v1/payments${qs}`);
  }

  capture(id: string, amount?: number): Promise<Payment> {
    return this.call('POST', `/v1/payments/${encodeURIComponent(id)}/capture`, amountBody(amount));
  }

  void(id: string): Promise<Payment> {
    return this.call('POST', `/v1/payments/${encodeURIComponent(id)}/void`, {});
  }

  refund(id: string, amount?: number): Promise<Payment> {
    return this.call('POST', `/v1/payments/${encodeURIComponent(id)}/refund`, amountBody(amount));
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          Authorization: `Bearer ${this.secretKey}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new GatewayUnreachable();
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw res.status >= 500
        ? new GatewayUnreachable()
        : new GatewayError(res.status, 'api_error', 'Unreadable answer');
    }
    // A declined payment is answered 400 with the payment object itself: it is a result, not a fault.
    if (isPayment(json)) return json as T;
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string } }).error;
      if (res.status >= 500 && !err?.code) throw new GatewayUnreachable();
      throw new GatewayError(res.status, err?.code ?? 'api_error', err?.message ?? res.statusText);
    }
    return json as T;
  }
}

function amountBody(amount: number | undefined): Record<string, number> {
  return amount === undefined ? {} : { amount };
}

function isPayment(json: unknown): json is Payment {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { object?: unknown }).object === 'payment' &&
    typeof (json as { id?: unknown }).id === 'string'
  );
}
