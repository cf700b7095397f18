import type { FastifyBaseLogger } from 'fastify';
import type { CloudService, OperationDefinition } from '../../contract/define-operation.ts';
import { normaliseCceError } from '../../contract/errors.ts';
import { UNSIGNED_PAYLOAD, encodeRfc3986, signRequest, type AccessKeyPair } from '../../contract/signing.ts';
import { regionVpcEndpoint } from '../config.ts';
import { ApiError, upstreamCode } from '../errors.ts';
import { IamTokenProvider } from './iam-token-provider.ts';
import { nodeCryptoPrimitives } from './node-crypto.ts';
import type { Clock, Upstream, UpstreamResponse } from './upstream.ts';

export interface CceRequest {
  op: OperationDefinition;
  /** The CCE path, built from the operation's template and validated parameters. */
  path: string;
  /** Decoded query: a string per key, an array for a repeated key. */
  query: Record<string, string | string[]>;
  body?: { bytes: Uint8Array; kind: 'json' | 'multipart'; contentType: string };
}

export interface CceResponse {
  status: number;
  /** Response headers worth passing on: content type, documented extra headers, download names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Upstream `X-Request-Id`, when it sent one. */
  upstreamRequestId: string | undefined;
}

/** Headers of a successful response the browser may see; everything else (cookies, server internals) stays here. */
const PASSED_HEADERS = ['content-type', 'content-disposition'];

function wireQuery(query: CceRequest['query']): string {
  let out = '';
  for (const key of Object.keys(query)) {
    const value = query[key]!;
    const k = encodeRfc3986(key);
    if (typeof value === 'string') out += `${out ? '&' : ''}${k}=${encodeRfc3986(value)}`;
    else for (const v of value) out += `${out ? '&' : ''}${k}=${encodeRfc3986(v)}`;
  }
  return out;
}

/** Where each service's operations go, and what an operator calls it in an error message. */
interface ServiceTarget {
  origin: string;
  host: string;
  name: string;
}

function target(origin: string, name: string): ServiceTarget {
  return { origin, host: new URL(origin).host, name };
}

/**
 * Sends contract operations to CCE (and the network look-ups to the VPC service): signs with AK/SK (`SDK-HMAC-SHA256`, the headers Huawei's SDKs
 * send) or attaches an IAM token, applies the timeout and turns every failure into an {@link ApiError}
 * with a plain message. Upstream internals (stack traces, HTML error pages) never reach the caller.
 */
export class CceClient {
  private readonly targets: Record<CloudService, ServiceTarget>;
  private readonly keys: AccessKeyPair | undefined;
  private readonly tokens: IamTokenProvider | undefined;

  constructor(
    private readonly upstream: Upstream,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {
    this.targets = {
      cce: target(upstream.endpoint, 'The CCE API'),
      vpc: target(upstream.vpcEndpoint ?? regionVpcEndpoint(upstream.region), 'The VPC API'),
    };
    const credentials = upstream.credentials;
    if (credentials.kind === 'aksk') this.keys = { ak: credentials.ak, sk: credentials.sk };
    else this.tokens = new IamTokenProvider({ credentials, projectId: upstream.projectId, transport: upstream.transport, clock, timeoutMs });
  }

  async send(request: CceRequest, log: FastifyBaseLogger): Promise<CceResponse> {
    if (!this.tokens) return this.attempt(request, log, undefined);
    const token = await this.tokens.token();
    try {
      return await this.attempt(request, log, token);
    } catch (error) {
      // A token can be revoked or expire early (password change, clock skew): fetch a new one, once.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      this.tokens.invalidate(token);
      log.info({ op: request.op.id }, 'IAM token rejected upstream; fetching a new one');
      return this.attempt(request, log, await this.tokens.token());
    }
  }

  private async headersFor(request: CceRequest, host: string, token: string | undefined): Promise<Record<string, string>> {
    const { method } = request.op;
    const multipart = request.body?.kind === 'multipart';
    const headers: Record<string, string> = {
      // The SDKs send both on every call; CCE's header tables mark Content-Type mandatory even for GET.
      'X-Project-Id': this.upstream.projectId,
      'Content-Type': multipart ? request.body!.contentType : 'application/json',
    };
    // Multipart uploads are not hashed (up to 12 MB), as the SDK does for file parts.
    if (multipart) headers['X-Sdk-Content-Sha256'] = UNSIGNED_PAYLOAD;
    if (token !== undefined) {
      headers['X-Auth-Token'] = token;
      return headers;
    }
    const signed = await signRequest(
      { method, host, path: request.path, query: request.query, headers, body: multipart ? undefined : request.body?.bytes },
      this.keys!,
      new Date(this.clock.now()),
      nodeCryptoPrimitives,
    );
    // signRequest leaves out a multipart Content-Type (its boundary is not signed); the bytes need it.
    if (multipart) signed['Content-Type'] = request.body!.contentType;
    return signed;
  }

  private async attempt(request: CceRequest, log: FastifyBaseLogger, token: string | undefined): Promise<CceResponse> {
    const search = wireQuery(request.query);
    const service = this.targets[request.op.service ?? 'cce'];
    const url = `${service.origin}${request.path}${search ? `?${search}` : ''}`;
    const headers = await this.headersFor(request, service.host, token);
    const { method } = request.op;
    // Guarded: the hot path should not even build these objects when the level is off.
    const tracing = log.level === 'debug' || log.level === 'trace';
    if (tracing) log.trace({ op: request.op.id, method, url, headers }, 'upstream request');
    const started = tracing ? performance.now() : 0;
    // One timer per call, cleared when the answer is in. (AbortSignal.timeout costs twice the CPU and leaves
    // its timer armed for the whole timeout: at a few thousand calls a second, tens of thousands of them.)
    const controller = new AbortController();
    const signal = controller.signal;
    const timer = setTimeout(() => controller.abort(new DOMException(`upstream call exceeded ${this.timeoutMs} ms`, 'TimeoutError')), this.timeoutMs);
    let response: UpstreamResponse;
    try {
      response = await this.upstream.transport(url, { method, headers, signal, ...(request.body ? { body: request.body.bytes } : {}) });
    } catch (error) {
      const timedOut = signal.aborted;
      log.warn({ op: request.op.id, err: timedOut ? undefined : error }, timedOut ? 'upstream timed out' : 'upstream unreachable');
      if (timedOut) throw new ApiError(504, 'BFF.UPSTREAM_TIMEOUT', `${service.name} did not answer within ${this.timeoutMs} ms.`);
      throw new ApiError(504, 'BFF.UPSTREAM_UNREACHABLE', `${service.name} could not be reached.`);
    } finally {
      clearTimeout(timer);
    }
    const body = response.body;
    const upstreamRequestId = response.header('x-request-id');
    if (tracing) log.debug({ op: request.op.id, status: response.status, upstreamRequestId, ms: Math.round(performance.now() - started) }, 'upstream response');
    if (response.status >= 400) throw upstreamError(response.status, body, upstreamRequestId, log, request.op, service.name);

    const passed: Record<string, string> = {};
    for (const name of PASSED_HEADERS) {
      const value = response.header(name);
      if (value !== undefined) passed[name] = value;
    }
    for (const name of request.op.responseHeaders ?? []) {
      const value = response.header(name.toLowerCase());
      if (value !== undefined) passed[name] = value;
    }
    // The operator's handle on a successful call at Huawei support; the BFF's own id stays in X-Request-Id.
    if (upstreamRequestId !== undefined) passed['x-upstream-request-id'] = upstreamRequestId;
    return { status: response.status, headers: passed, body, upstreamRequestId };
  }
}

function upstreamError(
  status: number,
  body: Buffer,
  upstreamRequestId: string | undefined,
  log: FastifyBaseLogger,
  op: OperationDefinition,
  service: string,
): ApiError {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    // HTML error pages and the like: never shown, only their status is kept
  }
  const cce = normaliseCceError(parsed);
  const requestId = cce?.requestId ?? upstreamRequestId;
  const idOption = requestId ? { requestId } : {};
  log.info({ op: op.id, status, code: cce?.code, upstreamRequestId: requestId }, 'upstream error');
  if (status >= 500) {
    return new ApiError(502, 'BFF.UPSTREAM_ERROR', `${service} failed to process the request (HTTP ${status}). Try again later.`, idOption);
  }
  if (cce) return new ApiError(status, upstreamCode(cce.code), cce.message, idOption);
  return new ApiError(status, 'BFF.UPSTREAM_ERROR', `${service} rejected the request (HTTP ${status}).`, idOption);
}
