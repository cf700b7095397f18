import { SERVICE_PREFIXES, type BodyOf, type OperationDefinition, type ParamsOf, type QueryOf, type ResponseOf } from '../../../contract/define-operation.ts';
import { apiErrorEnvelopeSchema, normaliseCceError } from '../../../contract/errors.ts';
import { buildPath } from '../../../contract/paths.ts';
import { CSRF_HEADER } from '../../../contract/console-api.ts';
import { ApiError, SPA_ERROR_CODES } from './api-error.ts';

const REQUEST_ID_HEADER = 'X-Request-Id';

interface CallInput<Op extends OperationDefinition> {
  params: ParamsOf<Op>;
  query?: QueryOf<Op>;
  body?: BodyOf<Op>;
  signal?: AbortSignal;
}

/**
 * The URL of an operation call: its service's prefix on the BFF (`/api/cce`, `/api/vpc`), path
 * parameters filled in (one encoded segment each), query appended.
 */
export function operationUrl<Op extends OperationDefinition>(op: Op, params: ParamsOf<Op>, query?: QueryOf<Op>): string {
  const path = SERVICE_PREFIXES[op.service ?? 'cce'] + buildPath(op.path, params as Record<string, string>);
  const search = new URLSearchParams();
  if (query && typeof query === 'object') {
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      // A repeated key (the EIP list's filters) is an array: one `key=value` per item.
      for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) search.append(key, String(item));
    }
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls one contract operation through the BFF. The response is parsed leniently with the
 * operation's schema: a body that does not match is still returned as it came (and reported once per
 * operation in the console), because a newer cloud adding or changing a field must not blank a page.
 * Every failure — network, non-2xx, unreadable body — is thrown as one `ApiError`.
 */
export async function callOperation<Op extends OperationDefinition>(op: Op, input: CallInput<Op>): Promise<ResponseOf<Op>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (op.body?.kind === 'json' && input.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(input.body);
  } else if (op.body?.kind === 'multipart' && input.body instanceof FormData) {
    // The browser writes the multipart boundary into Content-Type itself.
    body = input.body;
  }
  const data = await requestJson(operationUrl(op, input.params, input.query), {
    method: op.method,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  if (op.response === null || data === undefined) return null as ResponseOf<Op>;
  const parsed = op.response.safeParse(data);
  if (parsed.success) return parsed.data as ResponseOf<Op>;
  warnDriftOnce(op.id, parsed.error.issues);
  return data as ResponseOf<Op>;
}

const driftReported = new Set<string>();

function warnDriftOnce(operationId: string, issues: readonly unknown[]) {
  if (driftReported.has(operationId)) return;
  driftReported.add(operationId);
  console.warn(`[api] ${operationId}: the response does not match the contract; showing it as received.`, issues);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token: sent as `X-CSRF-Token` on every change (the BFF refuses changes without it). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header a change carries (none before sign-in). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { [CSRF_HEADER]: csrfToken };
}

/** Called when the BFF answers 401 (no session, or it ended): the app sends the operator to sign in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * Fetches a BFF URL and returns its JSON body (`undefined` for an empty body). Used for contract
 * operations and for the BFF's own routes (`/api/context`), so both fail the same way.
 */
export async function requestJson(url: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (!READ_METHODS.has(method) && csrfToken !== null && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, csrfToken);
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init, headers });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: SPA_ERROR_CODES.network, message: cause instanceof Error ? cause.message : String(cause) }, { cause });
  }
  return readJsonResponse(response, url);
}

/**
 * Reads a BFF answer: its JSON body (`undefined` for an empty one), or the failure as one `ApiError`
 * (a 401 also sends the operator to sign in). Shared by `requestJson` and uploads with progress.
 */
export async function readJsonResponse(response: Response, url: string): Promise<unknown> {
  const headerRequestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const text = await response.text();
  let json: unknown;
  let readable = true;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      readable = false;
    }
  }

  if (!response.ok) {
    const error = errorFromResponse(response, json, headerRequestId);
    if (error.status === 401 && error.code === 'BFF.UNAUTHENTICATED') onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined;
  if (!readable) {
    throw new ApiError({
      status: response.status,
      code: SPA_ERROR_CODES.badResponse,
      message: `Expected JSON from ${url}, got ${response.headers.get('Content-Type') ?? 'no content type'}`,
      requestId: headerRequestId,
    });
  }
  return json;
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function errorFromResponse(response: Response, json: unknown, headerRequestId: string | undefined): ApiError {
  const envelope = apiErrorEnvelopeSchema.safeParse(json);
  if (envelope.success) {
    const { status, code, message, requestId, fields } = envelope.data.error;
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
    return new ApiError({ status, code, message, requestId: requestId || headerRequestId, fields, retryAfterSeconds });
  }
  // Not the BFF's envelope: perhaps a CCE body that reached us another way, else a bare HTTP failure.
  const cce = normaliseCceError(json);
  if (cce) return new ApiError({ status: response.status, code: cce.code, message: cce.message, requestId: cce.requestId ?? headerRequestId });
  return new ApiError({
    status: response.status,
    code: SPA_ERROR_CODES.http,
    message: `${response.status} ${response.statusText}`.trim(),
    requestId: headerRequestId,
  });
}
