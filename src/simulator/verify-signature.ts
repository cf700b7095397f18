import {
  MAX_CLOCK_SKEW_MS,
  UNSIGNED_PAYLOAD,
  computeSignature,
  parseAuthorization,
  parseSdkDate,
  queryToSignable,
  sha256Hex,
  signaturesEqual,
  type AccessKeyPair,
} from '../contract/signing.ts';

/**
 * What the API gateway checks on an AK/SK request, in its order. Each failure names its reason; the
 * caller turns every one into the same 401 `APIGW.0301` a client would see from the real gateway
 * (which also never says which part of a signature was wrong), and keeps the reason for tests and logs.
 */
export type SignatureFailure =
  | 'missing-authorization'
  | 'malformed-authorization'
  | 'unknown-access-key'
  | 'host-not-signed'
  | 'date-not-signed'
  | 'missing-date'
  | 'malformed-date'
  | 'stale-date'
  | 'content-hash-mismatch'
  | 'signature-mismatch';

export type SignatureVerdict = { ok: true; ak: string } | { ok: false; reason: SignatureFailure };

export interface ReceivedRequest {
  method: string;
  /** Raw path exactly as received (still percent-encoded). */
  path: string;
  /** The raw query string without `?`. */
  search: string;
  /** Header names lower-cased; `host` included. */
  headers: Map<string, string>;
  body: Uint8Array;
}

/**
 * Verifies an `SDK-HMAC-SHA256` signature the way the gateway does: the canonical request is rebuilt
 * from what was received (method, raw path, decoded query, the headers named in SignedHeaders, the
 * body bytes — or the declared `X-Sdk-Content-Sha256` when it is `UNSIGNED-PAYLOAD`) and signed with
 * the SK of the AK the client named.
 */
export async function verifySignature(
  request: ReceivedRequest,
  lookupSecret: (ak: string) => AccessKeyPair | undefined,
  nowMs: number,
): Promise<SignatureVerdict> {
  const header = request.headers.get('authorization');
  if (!header) return { ok: false, reason: 'missing-authorization' };
  const auth = parseAuthorization(header);
  if (!auth) return { ok: false, reason: 'malformed-authorization' };
  const keys = lookupSecret(auth.access);
  if (!keys) return { ok: false, reason: 'unknown-access-key' };
  // Signing `host` binds the signature to this endpoint; signing the date stops replays outside the window.
  if (!auth.signedHeaders.includes('host')) return { ok: false, reason: 'host-not-signed' };
  if (!auth.signedHeaders.includes('x-sdk-date')) return { ok: false, reason: 'date-not-signed' };
  const sdkDate = request.headers.get('x-sdk-date');
  if (!sdkDate) return { ok: false, reason: 'missing-date' };
  const date = parseSdkDate(sdkDate);
  if (!date) return { ok: false, reason: 'malformed-date' };
  if (Math.abs(date.getTime() - nowMs) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'stale-date' };

  // A declared content hash other than UNSIGNED-PAYLOAD must describe the body actually sent, or a
  // client could sign one body and send another.
  const declaredHash = request.headers.get('x-sdk-content-sha256');
  if (declaredHash !== undefined && declaredHash !== UNSIGNED_PAYLOAD && declaredHash !== (await sha256Hex(request.body))) {
    return { ok: false, reason: 'content-hash-mismatch' };
  }

  const expected = await computeSignature(
    {
      method: request.method,
      path: request.path,
      query: queryToSignable(request.search),
      headers: Object.fromEntries(request.headers),
      body: request.body,
      sdkDate,
    },
    keys.sk,
    auth.signedHeaders,
  );
  if (!signaturesEqual(expected.signature, auth.signature)) return { ok: false, reason: 'signature-mismatch' };
  return { ok: true, ak: keys.ak };
}
