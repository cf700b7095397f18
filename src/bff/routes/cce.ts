import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SERVICE_PREFIXES, type MultipartBody, type OperationDefinition } from '../../contract/define-operation.ts';
import { toFieldErrors, type FieldError } from '../../contract/errors.ts';
import { networkOperationList } from '../../contract/network.ts';
import { operationList } from '../../contract/operations.ts';
import { buildPath } from '../../contract/paths.ts';
import { queryToSignable } from '../../contract/signing.ts';
import { ApiError, badRequest } from '../errors.ts';
import { strictRequestSchema } from '../strict-schema.ts';
import { MultipartError, multipartBoundary, readMultipart } from '../multipart.ts';
import type { CceClient, CceRequest } from '../upstream/cce-client.ts';

export const CCE_PREFIX = SERVICE_PREFIXES.cce;
/**
 * Everything forwarded: the 50 CCE operations under `/api/cce`, and the VPC service's read-only
 * network look-ups under `/api/vpc` (another endpoint upstream, see CceClient).
 */
const FORWARDED: readonly OperationDefinition[] = [...operationList, ...networkOperationList];
const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
/** JSON bodies: far above any documented request, small enough that a stray upload cannot tie the BFF up. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** AK/SK requests carry at most 12 MB (reference §1.4); chart packages are the only large bodies. */
export const MULTIPART_BODY_LIMIT = 12 * 1024 * 1024;

export interface CceRouteOptions {
  client: CceClient;
  /** The configured project: a `project_id` in a path must equal it. */
  projectId: string;
  /**
   * Called for every mutating call once its outcome is known and before the reply is sent; the reply
   * waits for it, so what the operator sees acknowledged is already on record.
   */
  onMutation?: (request: FastifyRequest, outcome: CallOutcome) => Promise<void>;
}

interface PreparedCall {
  op: OperationDefinition;
  params: Record<string, string>;
  path: string;
  query: Record<string, string | string[]>;
}

/** What a mutating call came to, for the audit trail: the upstream's answer or the error that ended it. */
export interface CallOutcome {
  call: PreparedCall;
  status: number;
  /** Parsed request body (JSON operations) or the multipart size. */
  requestBody: unknown;
  multipartBytes?: number;
  /** Parsed JSON answer on success (a create names the new resource's id in it). */
  responseBody?: unknown;
  error?: { code: string; requestId?: string };
  /** Whether the call reached the cloud (false: the BFF refused it before signing, e.g. a body breaking the contract). */
  forwarded: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    cceCall: PreparedCall | null;
  }
}

function mediaType(request: FastifyRequest): string {
  const value = request.headers['content-type'];
  return value ? value.split(';', 1)[0]!.trim().toLowerCase() : '';
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** Names a multipart operation accepts as text fields (the keys of its `fields` object schema). */
function fieldNames(body: MultipartBody): ReadonlySet<string> {
  return new Set(body.fields instanceof z.ZodObject ? Object.keys(body.fields.shape) : []);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Keys no request body may carry, whatever the schema says (free-form maps included): prototype
 * keys, and two keys of one object that differ only in case — CCE's Go upstream reads JSON keys
 * case-insensitively, so `"Tags"` beside `"tags"` would reach it unchecked.
 */
function badKeys(value: unknown, path: string, out: FieldError[], depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => badKeys(item, `${path}.${i}`, out, depth + 1));
    return;
  }
  const seen = new Map<string, string>();
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) out.push({ path: `${path}.${key}`, message: `"${key}" is not allowed as a key` });
    const folded = key.toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined) out.push({ path: `${path}.${key}`, message: `differs from "${other}" only in case` });
    else seen.set(folded, key);
    badKeys((value as Record<string, unknown>)[key], `${path}.${key}`, out, depth + 1);
  }
}

/**
 * Validates a JSON body against the operation's (strict) schema and returns the bytes to forward:
 * the validated value re-serialised, so what the upstream reads (and what is signed) is exactly what
 * was checked — never duplicate keys, odd spellings or whitespace tricks of the original bytes.
 */
function validateJson(op: OperationDefinition, schema: z.ZodType, raw: unknown): Uint8Array {
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(0);
  let value: unknown;
  if (bytes.byteLength > 0) {
    try {
      value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch {
      throw badRequest(`The body of ${op.id} is not valid JSON.`, [{ path: 'body', message: 'must be valid JSON' }]);
    }
  }
  const keys: FieldError[] = [];
  badKeys(value, 'body', keys);
  if (keys.length > 0) throw badRequest(`The body of ${op.id} has keys that are not allowed: ${keys.map((k) => k.path.slice(5)).join(', ')}.`, keys);
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`The body of ${op.id} is invalid.`, toFieldErrors('body', result.error));
  // The checked value (not the schema's output: no defaults or transforms are added on the way) goes upstream.
  return value === undefined ? bytes : Buffer.from(JSON.stringify(value), 'utf8');
}

function validateMultipart(op: OperationDefinition, body: MultipartBody, raw: unknown, contentType: string, names: ReadonlySet<string>): Buffer {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw badRequest(`The body of ${op.id} has no multipart boundary.`, [{ path: 'body', message: 'multipart boundary is missing' }]);
  let parts;
  try {
    parts = readMultipart(bytes, boundary);
  } catch (error) {
    const message = error instanceof MultipartError ? error.message : 'is not valid multipart/form-data';
    throw badRequest(`The body of ${op.id} is not valid multipart/form-data.`, [{ path: 'body', message }]);
  }
  const fields: FieldError[] = [];
  const values: Record<string, string> = {};
  const seen = new Set<string>();
  for (const part of parts) {
    const file = body.files.find((f) => f.name === part.name);
    if (seen.has(part.name)) fields.push({ path: `body.${part.name}`, message: 'appears more than once' });
    seen.add(part.name);
    if (file) {
      if (part.filename === undefined) fields.push({ path: `body.${part.name}`, message: 'must be a file part' });
    } else if (names.has(part.name)) {
      if (part.filename !== undefined) fields.push({ path: `body.${part.name}`, message: 'must be a text field, not a file' });
      else values[part.name] = part.content.toString('utf8');
    } else {
      fields.push({ path: `body.${part.name}`, message: `is not a part of ${op.id}` });
    }
  }
  for (const file of body.files) if (file.required && !seen.has(file.name)) fields.push({ path: `body.${file.name}`, message: 'file is required' });
  const parsed = body.fields.safeParse(values);
  if (!parsed.success) fields.push(...toFieldErrors('body', parsed.error));
  if (fields.length > 0) throw badRequest(`The body of ${op.id} is invalid.`, fields);
  return bytes;
}

/**
 * Checks successful JSON responses against the operation's (lenient) response schema and logs drift.
 * The upstream JSON is passed on either way. Checks are sampled per operation — at most one every
 * {@link DRIFT_CHECK_INTERVAL_MS} — because parsing a cluster list with zod costs about as much CPU as
 * the rest of the forwarding; drift comes from a new cloud release, so it shows in every response of
 * an operation and a sample finds it. At console traffic (a few calls a second) nearly every
 * response is checked; under load the check stays off the hot path.
 */
export const DRIFT_CHECK_INTERVAL_MS = 1000;

function createDriftCheck(now: () => number = () => performance.now()) {
  const lastChecked = new Map<OperationDefinition, number>();
  return function checkDrift(op: OperationDefinition, body: Buffer, contentType: string | undefined, log: FastifyBaseLogger): void {
    if (!op.response || body.byteLength === 0) return;
    if (contentType !== undefined && !contentType.includes('json')) return;
    const t = now();
    const last = lastChecked.get(op);
    if (last !== undefined && t - last < DRIFT_CHECK_INTERVAL_MS) return;
    lastChecked.set(op, t);
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      log.warn({ op: op.id }, 'upstream response is not valid JSON');
      return;
    }
    const result = op.response.safeParse(value);
    if (!result.success) {
      const issues = result.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      log.warn({ op: op.id, issues }, 'upstream response does not match the contract');
    }
  };
}

/** A JSON body (up to 256 KB) as a value; undefined when empty, larger or not JSON. */
export function parseJsonQuietly(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0 || bytes.byteLength > 256 * 1024) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
}

function jsonOf(request: CceRequest): unknown {
  return request.body?.kind === 'json' ? parseJsonQuietly(request.body.bytes) : undefined;
}

/**
 * `/api/cce/<CCE path>`: forwards exactly the contract's method + path pairs. Everything is checked
 * before a byte is sent upstream — the operation (404/405), the path parameters (no `/`, `..`, escapes
 * or hosts; the configured project only: 403), the query (no unknown keys) and the body — and all of
 * it except the body is checked before the body is even read.
 */
export async function cceRoutes(app: FastifyInstance, options: CceRouteOptions): Promise<void> {
  const { client, projectId } = options;
  const checkDrift = createDriftCheck();
  const queryKeys = new Map<OperationDefinition, ReadonlySet<string>>(FORWARDED.map((op) => [op, new Set(op.query ? Object.keys(op.query.shape) : [])]));
  // Request bodies are checked strictly (unknown keys refused at every level the contract defines an object); built once here.
  const jsonSchemas = new Map<OperationDefinition, z.ZodType>(
    FORWARDED.flatMap((op) => (op.body?.kind === 'json' ? [[op, strictRequestSchema(op.body.schema)] as const] : [])),
  );
  const multipartNames = new Map<OperationDefinition, ReadonlySet<string>>(
    FORWARDED.flatMap((op) => (op.body?.kind === 'multipart' ? [[op, fieldNames(op.body)] as const] : [])),
  );

  app.decorateRequest('cceCall', null);
  // Bodies stay raw here: JSON is validated against the operation's schema and forwarded byte for byte;
  // multipart is checked and forwarded with its original boundary.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT }, (_req, body, done) => done(null, body));

  async function prepare(request: FastifyRequest): Promise<void> {
    // The operation is the one of the route the router matched; its parameters are the router's (decoded) values.
    const op = request.routeOptions.config.operation!;
    const raw = request.url;
    const q = raw.indexOf('?');
    const params = op.params.safeParse(request.params);
    if (!params.success) throw badRequest('A path parameter is invalid.', toFieldErrors('params', params.error));
    const values = params.data as Record<string, string>;
    if (values.project_id !== undefined && values.project_id !== projectId) {
      throw new ApiError(403, 'BFF.FOREIGN_PROJECT', 'The console manages one project; the path names another.', {
        fields: [{ path: 'params.project_id', message: 'must be the configured project' }],
      });
    }

    const query = q === -1 ? {} : queryToSignable(raw.slice(q + 1));
    const allowed = queryKeys.get(op)!;
    const unknown = Object.keys(query).filter((k) => !allowed.has(k));
    if (unknown.length > 0) {
      throw badRequest(
        `Unknown query parameter${unknown.length > 1 ? 's' : ''} for ${op.id}.`,
        unknown.map((k) => ({ path: `query.${k}`, message: 'is not a parameter of this operation' })),
      );
    }
    if (op.query) {
      const result = op.query.safeParse(query);
      if (!result.success) throw badRequest(`The query of ${op.id} is invalid.`, toFieldErrors('query', result.error));
    }

    const type = mediaType(request);
    if (op.body === null) {
      if (hasBody(request)) throw badRequest(`${op.id} takes no request body.`, [{ path: 'body', message: 'must be empty' }]);
    } else if (op.body.kind === 'json') {
      if (hasBody(request) && type !== 'application/json') {
        throw new ApiError(415, 'BFF.UNSUPPORTED_MEDIA_TYPE', `${op.id} takes an application/json body.`);
      }
    } else if (type !== 'multipart/form-data') {
      throw new ApiError(415, 'BFF.UNSUPPORTED_MEDIA_TYPE', `${op.id} takes a multipart/form-data body.`);
    }
    request.cceCall = { op, params: values, path: buildPath(op.path, values), query };
  }

  // One route per operation (so the router's match is the operation forwarded), and per path one
  // route for the other methods, answering 405 with Allow.
  const byUrl = new Map<string, OperationDefinition[]>();
  for (const op of FORWARDED) {
    const url = `${SERVICE_PREFIXES[op.service ?? 'cce']}${op.path.replace(/\{([a-z_]+)\}/g, ':$1')}`;
    byUrl.set(url, [...(byUrl.get(url) ?? []), op]);
  }
  for (const [url, ops] of byUrl) {
    const allowed = ops.map((op) => op.method);
    const others = ALL_METHODS.filter((m) => !(allowed as string[]).includes(m));
    if (others.length > 0) {
      app.route({
        method: others,
        url,
        exposeHeadRoute: false,
        config: { access: { capability: 'read' } },
        handler: async () => {
          throw new ApiError(405, 'BFF.METHOD_NOT_ALLOWED', `This ${ops[0]!.service === 'vpc' ? 'VPC' : 'CCE'} API path accepts ${allowed.join(', ')} only.`, {
            headers: { allow: allowed.join(', ') },
          });
        },
      });
    }
    for (const op of ops) forward(op, url);
  }

  function forward(op: OperationDefinition, url: string): void {
    app.route({
      method: op.method,
      url,
      exposeHeadRoute: false,
      config: { access: { capability: op.method === 'GET' ? 'read' : 'operate' }, operation: op },
      onRequest: prepare,
      handler: async (request, reply) => {
        const call = request.cceCall!;
        const { op } = call;
        const mutation = op.method !== 'GET' && options.onMutation !== undefined;
        const upstreamRequest: CceRequest = { op, path: call.path, query: call.query };
        let forwarded = false;
        try {
          if (op.body?.kind === 'json') {
            upstreamRequest.body = { kind: 'json', contentType: 'application/json', bytes: validateJson(op, jsonSchemas.get(op)!, request.body) };
            if (upstreamRequest.body.bytes.byteLength === 0) delete upstreamRequest.body;
          } else if (op.body?.kind === 'multipart') {
            const contentType = request.headers['content-type']!;
            upstreamRequest.body = {
              kind: 'multipart',
              contentType,
              bytes: validateMultipart(op, op.body, request.body, contentType, multipartNames.get(op)!),
            };
          }
          forwarded = true;
          const result = await client.send(upstreamRequest, request.log);
          checkDrift(op, result.body, result.headers['content-type'], request.log);
          if (mutation) {
            await options.onMutation!(request, {
              call,
              status: result.status,
              requestBody: jsonOf(upstreamRequest),
              ...(upstreamRequest.body?.kind === 'multipart' ? { multipartBytes: upstreamRequest.body.bytes.byteLength } : {}),
              responseBody: parseJsonQuietly(result.body),
              forwarded,
            });
          }
          // Cloud answers (a kubeconfig's keys, cluster details) are for this operator now: no cache, shared or not, keeps them.
          reply.code(result.status).headers(result.headers).header('cache-control', 'no-store');
          return reply.send(result.body.byteLength > 0 ? result.body : undefined);
        } catch (error) {
          if (mutation && error instanceof ApiError) {
            await options.onMutation!(request, {
              call,
              status: error.status,
              requestBody: jsonOf(upstreamRequest),
              error: { code: error.code, ...(error.options.requestId ? { requestId: error.options.requestId } : {}) },
              forwarded,
            });
          }
          throw error;
        }
      },
    });
  }
}
