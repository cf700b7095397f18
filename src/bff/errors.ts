import type { BffErrorCode } from '../contract/bff-error-codes.ts';
import type { FieldError } from '../contract/errors.ts';

export type { BffErrorCode } from '../contract/bff-error-codes.ts';

/** A code the upstream (CCE, the API gateway, IAM) sent, passed through as it came; see {@link upstreamCode}. */
export type UpstreamErrorCode = string & { readonly upstream: unique symbol };

/** Marks a code as the upstream's own, so that only codes of the contract's list are raised by the BFF itself. */
export function upstreamCode(code: string): UpstreamErrorCode {
  return code as UpstreamErrorCode;
}

/**
 * An error that becomes the envelope `{error:{status,code,message,requestId,fields?}}` in the one
 * error handler. `requestId` is the upstream's when the error came from upstream; otherwise the
 * handler fills in the BFF's own.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A {@link BffErrorCode}, or the upstream's own code (`CCE.01400001`, `APIGW.0301`, …). */
    readonly code: BffErrorCode | UpstreamErrorCode,
    message: string,
    readonly options: { requestId?: string; fields?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function badRequest(message: string, fields: FieldError[]): ApiError {
  return new ApiError(400, 'BFF.BAD_REQUEST', message, { fields });
}
