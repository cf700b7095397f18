import type { FieldError } from '../../../contract/errors.ts';

/** Codes the SPA itself assigns when there is no envelope to read. The BFF uses `BFF.*`, the cloud `CCE.*`. */
export const SPA_ERROR_CODES = {
  /** fetch rejected: the BFF is unreachable (offline, server down, connection reset). */
  network: 'SPA.NETWORK_ERROR',
  /** The response was not the JSON it should have been. */
  badResponse: 'SPA.BAD_RESPONSE',
  /** A non-2xx answer without the BFF's error envelope (e.g. a proxy in between). */
  http: 'SPA.HTTP_ERROR',
} as const;

interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | undefined;
  fields?: readonly FieldError[] | undefined;
  /** From a `Retry-After` header (429, 503): how long the server asks the caller to wait. */
  retryAfterSeconds?: number | undefined;
}

/**
 * The one error type of the SPA: every failed call, whatever went wrong, arrives as this, with the
 * request id an operator can quote (when the server gave one).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived at all. */
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: readonly FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit, options?: { cause?: unknown }) {
    super(init.message, options);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True for answers the caller cannot fix by retrying (bad input, missing resource, forbidden). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}
