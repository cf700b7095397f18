import type { z } from 'zod';
import type { OperationDefinition } from '../contract/define-operation.ts';
import { matchOperation, operations } from '../contract/operations.ts';
import { SIMULATOR_DEFAULT_CREDENTIALS, SIMULATOR_PROJECT_ID, SIMULATOR_REGION, DEFAULT_IAM_USER, type IamUserConfig, type SimulatorSeed } from './config.ts';
import type { Handler, HandlerContext } from './handler.ts';
import { handlers } from './handlers.ts';
import type { CceErrorCode } from '../contract/error-codes.ts';
import { SimulatorError, cceError, errorResponse, gatewayError, jsonResponse } from './http.ts';
import { IamTokenService } from './iam.ts';
import { readMultipartBody } from './multipart.ts';
import { createIdGenerator, seededUuidV4 } from './ids.ts';
import { createControl, SimulatorWorld } from './control.ts';
import type { SimulatorControl } from '../contract/simulator-control.ts';
import { KUBERNETES_VERSIONS, SEED_CLUSTER_QUOTA } from './seed.ts';
import { SimulatorStore } from './store.ts';
import { systemClock, type Clock } from './time.ts';
import { queryToSignable } from '../contract/signing.ts';
import { verifySignature, type SignatureFailure } from './verify-signature.ts';

export type { Clock } from './time.ts';

export interface SimulatorOptions {
  /** Default: the system clock. Tests pass a fake one and jump it forward. */
  clock?: Clock;
  /** Id generator for everything the simulator creates at runtime. Default: time-based v1 UUIDs like CCE's. */
  ids?: () => string;
  /** 'demo' (default): 9 clusters in all phases of interest; 'large': 2,000 clusters; 'empty': none. */
  seed?: SimulatorSeed;
  /** Multiplies simulated time; default 1 (a cluster takes ≈ 40–60 s to create). */
  speed?: number;
  /** The one key pair accepted. Default: SIMULATOR_DEFAULT_CREDENTIALS. */
  credentials?: { ak: string; sk: string };
  projectId?: string;
  region?: string;
  /** The IAM user that may obtain tokens. Default: DEFAULT_IAM_USER (see config.ts). */
  iamUser?: IamUserConfig;
  /** Cluster quota limit. Default: the seed's (demo 12, large 2,100, empty 5). */
  clusterQuota?: number;
}

export interface Simulator {
  /** Web-standard handler: the BFF passes it as its upstream `fetch`; the standalone server wraps it. */
  fetch(request: Request): Promise<Response>;
  readonly projectId: string;
  readonly region: string;
  readonly credentials: { ak: string; sk: string };
  /**
   * Reset to a seed, advance the lifecycle clock, arm scenarios. Hosts expose it only where the
   * simulator is the upstream: the BFF in simulator mode (`/api/simulator`), the standalone server
   * to loopback callers (`/_simulator`), tests directly.
   */
  readonly control: SimulatorControl;
  close(): void;
}

/** AK/SK requests may carry at most 12 MB of body (reference §1.4). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** Content types the per-operation header tables allow ("The GET method is not verified"). */
const ALLOWED_CONTENT_TYPES = ['application/json', 'application/x-pem-file'];

const GATEWAY_AUTH_MESSAGES: Record<SignatureFailure | 'token-unknown' | 'token-expired' | 'no-credentials', string> = {
  'no-credentials': 'Incorrect IAM authentication information: Unauthorized',
  'missing-authorization': 'Incorrect IAM authentication information: Unauthorized',
  'malformed-authorization': 'Incorrect IAM authentication information: Authorization header is malformed',
  'unknown-access-key': 'Incorrect IAM authentication information: Get secretKey failed, err: ak not exist',
  'host-not-signed': 'Incorrect IAM authentication information: SignedHeaders must include host',
  'date-not-signed': 'Incorrect IAM authentication information: SignedHeaders must include x-sdk-date',
  'missing-date': 'Incorrect IAM authentication information: x-sdk-date not found',
  'malformed-date': 'Incorrect IAM authentication information: x-sdk-date is malformed',
  'stale-date': 'Incorrect IAM authentication information: x-sdk-date is more than 15 minutes away from the server time',
  'content-hash-mismatch': 'Incorrect IAM authentication information: verify aksk signature fail',
  'signature-mismatch': 'Incorrect IAM authentication information: verify aksk signature fail',
  'token-unknown': 'Incorrect IAM authentication information: decrypt token fail',
  'token-expired': 'Incorrect IAM authentication information: token expires',
};

function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Body fields whose refusal has its own documented code, so a schema rejection of them reads the same
 * as the service's own check would: an unknown `spec.version` is "Version not supported." whether
 * the contract's enum or the simulator's version table catches it.
 */
const FIELD_ERROR_CODES: Record<string, CceErrorCode> = {
  'spec.version': 'CCE.01400015',
  'spec.ipv6enable': 'CCE.01400003',
};

function codeForIssues(error: z.ZodError): CceErrorCode {
  for (const issue of error.issues) {
    const code = FIELD_ERROR_CODES[issue.path.map(String).join('.')];
    if (code) return code;
  }
  return 'CCE.01400001';
}

function firstIssues(error: z.ZodError, part: string): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${[part, ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 'demo';
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const credentials = { ...(options.credentials ?? SIMULATOR_DEFAULT_CREDENTIALS) };
  const projectId = options.projectId ?? SIMULATOR_PROJECT_ID;
  const region = options.region ?? SIMULATOR_REGION;
  const ids = options.ids ?? createIdGenerator(clock);
  const world = new SimulatorWorld(
    clock,
    speed,
    (seedName) =>
      new SimulatorStore({
        projectId,
        region,
        speed,
        // A configured quota holds across resets; otherwise each seed brings its own.
        clusterQuota: options.clusterQuota ?? SEED_CLUSTER_QUOTA[seedName],
        versions: KUBERNETES_VERSIONS,
        ids,
      }),
    seed,
  );
  const control = createControl(world);
  const iamUser = options.iamUser ?? DEFAULT_IAM_USER;
  const iam = new IamTokenService({
    user: iamUser,
    userId: seededUuidV4(`iam-user:${iamUser.name}`).replace(/-/g, ''),
    domainId: seededUuidV4(`iam-domain:${iamUser.domain}`).replace(/-/g, ''),
    projectId,
    region,
  });
  let closed = false;

  async function authenticate(request: Request, url: URL, body: Uint8Array, now: number): Promise<void> {
    const token = request.headers.get('x-auth-token');
    if (token) {
      const check = iam.check(token, now);
      if (!check.ok) throw gatewayError(401, 'APIGW.0301', GATEWAY_AUTH_MESSAGES[check.reason === 'expired' ? 'token-expired' : 'token-unknown']);
      return;
    }
    if (!request.headers.get('authorization')) throw gatewayError(401, 'APIGW.0301', GATEWAY_AUTH_MESSAGES['no-credentials']);
    const headers = new Map<string, string>(request.headers);
    // A Request built by hand may lack `host`; then the URL's host is what the client addressed.
    if (!headers.has('host')) headers.set('host', url.host);
    const verdict = await verifySignature(
      { method: request.method, path: url.pathname, search: url.search.slice(1), headers, body },
      (ak) => (ak === credentials.ak ? credentials : undefined),
      now,
    );
    if (!verdict.ok) throw gatewayError(401, 'APIGW.0301', GATEWAY_AUTH_MESSAGES[verdict.reason]);
  }

  async function readBody(request: Request): Promise<Uint8Array> {
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) throw gatewayError(413, 'APIGW.0201', 'Request entity too large.');
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > MAX_BODY_BYTES) throw gatewayError(413, 'APIGW.0201', 'Request entity too large.');
    return bytes;
  }

  async function issueToken(request: Request, now: number): Promise<Response> {
    const result = iam.issue(new TextDecoder().decode(await readBody(request)), now);
    if (!result.ok) return jsonResponse(result.status, { error_code: result.code, error_msg: result.message });
    return jsonResponse(201, result.body, { 'X-Subject-Token': result.token });
  }

  function parseJsonBody(op: OperationDefinition, request: Request, body: Uint8Array): unknown {
    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ALLOWED_CONTENT_TYPES.includes(contentType)) {
      throw cceError('CCE.01400006', `Use application/json for ${op.id}, not "${contentType || 'none'}".`);
    }
    const text = new TextDecoder().decode(body);
    if (text.trim() === '') throw cceError('CCE.01400001', 'The request body is empty.');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw cceError('CCE.01400001', 'The request body is not valid JSON.');
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // Signatures and tokens are checked against the host clock; lifecycles run on the world's.
    const now = clock.now();
    if (request.method === 'POST' && url.pathname === '/v3/auth/tokens') return issueToken(request, now);

    const match = matchOperation(request.method, url.pathname);
    if (match.kind !== 'match') {
      throw gatewayError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.');
    }
    const op = match.op;
    const body = await readBody(request);
    await authenticate(request, url, body, now);

    const params = op.params.safeParse(match.params);
    if (!params.success) throw cceError('CCE.01404001', `No resource is found at ${url.pathname}.`);
    const projectInPath = (params.data as Record<string, unknown>).project_id;
    const projectHeader = request.headers.get('x-project-id');
    if ((projectInPath !== undefined && projectInPath !== projectId) || (projectHeader !== null && projectHeader !== projectId)) {
      throw cceError('CCE.01403001', `The credentials are not authorized for project ${String(projectInPath ?? projectHeader)}.`);
    }

    // The map is checked per operation at compile time (handlers.ts); here one is picked by name at run time.
    const handler = (handlers as unknown as Record<string, Handler<OperationDefinition> | undefined>)[nameOf(op)];
    if (!handler) throw cceError('CCE.01500001', `No handler for ${op.id}.`);
    const { store } = world;
    const worldNow = world.now();
    store.settle(worldNow);

    let query: unknown;
    if (op.query) {
      // Decoded like the signer decodes them: a string, or an array for a repeated key.
      const parsed = op.query.safeParse(queryToSignable(url.search.slice(1)));
      if (!parsed.success) throw cceError('CCE.01400001', firstIssues(parsed.error, 'query'));
      query = parsed.data;
    }
    let parsedBody: unknown;
    let rawBody: unknown;
    if (op.body?.kind === 'json') {
      rawBody = parseJsonBody(op, request, body);
      const parsed = op.body.schema.safeParse(rawBody);
      if (!parsed.success) throw cceError(codeForIssues(parsed.error), firstIssues(parsed.error, 'body'));
      parsedBody = parsed.data;
    } else if (op.body?.kind === 'multipart') {
      parsedBody = await readMultipartBody({ ...op, body: op.body }, request.headers.get('content-type') ?? '', body);
    }
    const ctx = { op, params: params.data, query, body: parsedBody, rawBody, now: worldNow, store } as HandlerContext<OperationDefinition>;
    return handler(ctx);
  }

  return {
    projectId,
    region,
    credentials: { ...credentials },
    control,
    async fetch(request: Request): Promise<Response> {
      const requestId = newRequestId();
      let response: Response;
      if (closed) {
        response = errorResponse(cceError('CCE.01500001', 'The simulator has been closed.'), requestId);
      } else {
        try {
          response = await handle(request);
        } catch (error) {
          if (error instanceof SimulatorError) response = errorResponse(error, requestId);
          else {
            console.error('simulator: unexpected error', error);
            response = errorResponse(cceError('CCE.01500001'), requestId);
          }
        }
      }
      response.headers.set('X-Request-Id', requestId);
      return response;
    },
    close() {
      closed = true;
    },
  };
}

/** Registry key (`listClusters`) of each operation, to find its handler. */
const nameByOperation = new Map<OperationDefinition, string>(
  Object.entries(operations as Record<string, OperationDefinition>).map(([name, op]) => [op, name]),
);
function nameOf(op: OperationDefinition): string {
  return nameByOperation.get(op) ?? '';
}
