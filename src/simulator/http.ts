import { CCE_ERROR_CODES, type CceErrorCode } from '../contract/error-codes.ts';

/**
 * Error bodies, decided per the reference (§1.5, §6.1, quirk 3):
 * - CCE itself answers in the shape of §7.2, `{"errorCode": "CCE.01400001", "errorMessage": "…"}`: that
 *   section is the CCE-specific one and lists every code this simulator uses. The message starts with
 *   the documented message and adds what exactly was wrong, as the troubleshooting column expects
 *   ("Modify the request body based on the returned message").
 * - The API gateway (authentication, unknown APIs) and IAM answer in the generic shape of §3.3,
 *   `{"error_code": "APIGW.0301", "error_msg": "…", "request_id": "…"}`, which is what the real gateway
 *   sends for `APIGW.*` codes.
 * Every response carries `X-Request-Id`.
 */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.errorMessage ?? body.error_msg ?? status));
    this.name = 'SimulatorError';
  }
}

/** A CCE error with the documented status and message for `code`, plus an optional detail. */
export function cceError(code: CceErrorCode, detail?: string): SimulatorError {
  const documented = CCE_ERROR_CODES[code];
  const message = detail ? `${documented.message} ${detail}` : documented.message;
  return new SimulatorError(documented.status, { errorCode: code, errorMessage: message });
}

/**
 * API-gateway errors. The digest only says codes starting `APIGW` exist (§1.5); these are the codes and
 * messages Huawei's gateway is known to send:
 * - `APIGW.0101` 404 "The API does not exist or has not been published in the environment."
 * - `APIGW.0301` 401 "Incorrect IAM authentication information: …" (bad/missing signature or token, unknown AK,
 *   stale X-Sdk-Date, expired token — the suffix says which, the code never does)
 * - `APIGW.0201` 413 "Request entity too large." (AK/SK bodies are capped at 12 MB, §1.4)
 */
export type GatewayErrorCode = 'APIGW.0101' | 'APIGW.0301' | 'APIGW.0201';

export function gatewayError(status: 401 | 404 | 413, code: GatewayErrorCode, message: string): SimulatorError {
  return new SimulatorError(status, { error_code: code, error_msg: message });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
  });
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/** Gateway-shaped error bodies carry the request id; CCE-shaped ones get it only as a header. */
export function errorResponse(error: SimulatorError, requestId: string): Response {
  const body = 'error_code' in error.body ? { ...error.body, request_id: requestId } : error.body;
  return jsonResponse(error.status, body);
}
