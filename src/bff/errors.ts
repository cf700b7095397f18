import type { FieldError } from '../contract/errors.ts';

/**
 * Codes of errors the BFF raises itself (upstream errors keep the upstream's code). The SPA may
 * branch on them, so they are part of the API between the two.
 */
export type BffErrorCode =
  | 'BFF.BAD_REQUEST'
  | 'BFF.CROSS_SITE_REQUEST'
  | 'BFF.FOREIGN_PROJECT'
  | 'BFF.NOT_FOUND'
  | 'BFF.METHOD_NOT_ALLOWED'
  | 'BFF.UNSUPPORTED_MEDIA_TYPE'
  | 'BFF.PAYLOAD_TOO_LARGE'
  | 'BFF.UPSTREAM_ERROR'
  | 'BFF.UPSTREAM_TIMEOUT'
  | 'BFF.UPSTREAM_UNREACHABLE'
  | 'BFF.IAM_TOKEN_FAILED'
  | 'BFF.INTERNAL';

/**
 * An error that becomes the envelope `{error:{status,code,message,requestId,fields?}}` in the one
 * error handler. `requestId` is the upstream's when the error came from upstream; otherwise the
 * handler fills in the BFF's own.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A {@link BffErrorCode}, or the upstream's own code (`CCE.01400001`, `APIGW.0301`, …). */
    readonly code: BffErrorCode | (string & {}),
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
