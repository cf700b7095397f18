import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import { pino, type DestinationStream } from 'pino';
import type { ApiErrorEnvelope, FieldError } from '../contract/errors.ts';
import type { BffConfig, LogLevel } from './config.ts';
import { recordAudit } from './auth/audit.ts';
import { auditSummary, auditTarget, nameIn, needsNameLookup } from './auth/audit-summary.ts';
import { showCluster } from '../contract/clusters.ts';
import { buildPath } from '../contract/paths.ts';
import type { DemoAccount } from './auth/bootstrap.ts';
import { accessOf, isMutation, nonCanonical, pathOf, nonCanonicalError, requireDeclaredAccess } from './auth/route-access.ts';
import { registerSecurity } from './auth/security.ts';
import { SessionCache } from './auth/session-cache.ts';
import { ApiError } from './errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { accountRoutes } from './routes/accounts.ts';
import { auditRoutes } from './routes/audit.ts';
import { sessionRoutes } from './routes/session.ts';
import { simulatorControlRoutes } from './routes/simulator-control.ts';
import type { ConsoleStore } from './store/console-store.ts';
import { cceRoutes, parseJsonQuietly } from './routes/cce.ts';
import { metaRoutes } from './routes/meta.ts';
import { registerSpa } from './routes/spa.ts';
import { CceClient } from './upstream/cce-client.ts';
import { systemClock, type Clock, type Upstream } from './upstream/upstream.ts';

export interface BuildAppOptions {
  config: BffConfig;
  upstream: Upstream;
  /** Accounts, sessions and the audit trail. */
  store: ConsoleStore;
  /** Demo accounts the sign-in page may list (simulator mode only). */
  demoAccounts?: readonly DemoAccount[];
  /** Where logs go; default stdout at `config.logLevel`. Tests capture them to check redaction. */
  logger?: { stream: DestinationStream; level?: LogLevel };
  /** Clock for signatures (`X-Sdk-Date`) and IAM token expiry; tests share the simulator's fake clock. */
  clock?: Clock;
}

/** Header names whose values are secrets; redacted wherever a logged object carries headers. */
const SECRET_HEADERS = ['authorization', 'x-auth-token', 'cookie', 'set-cookie', 'x-csrf-token', 'x-subject-token', 'x-security-token'];
const HEADER_CONTAINERS = ['req.headers', 'res.headers', 'headers', 'request.headers', 'response.headers'];
const SECRET_FIELDS = ['password', 'sk', 'secret', 'token'];

function titleCase(header: string): string {
  return header.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** pino redact paths: secret headers in either spelling, and any field named like a secret up to three levels deep. */
export const REDACT_PATHS: readonly string[] = [
  ...HEADER_CONTAINERS.flatMap((container) => SECRET_HEADERS.flatMap((h) => [`${container}["${h}"]`, `${container}["${titleCase(h)}"]`])),
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
];

/** Longest a log line waits in the stdout buffer when traffic is too light to fill it. */
const LOG_FLUSH_MS = 1000;

interface Logging {
  logger: FastifyBaseLogger;
  /** The access log: {@link AccessLog}'s lines, of fixed scalar fields only (see there). */
  access: pino.Logger;
  close(): void;
}

function createLogger(config: BffConfig, options: BuildAppOptions['logger']): Logging {
  const settings = {
    level: options?.level ?? config.logLevel,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
  };
  // The same stream, level and bindings, without redaction: the access line carries no field it could apply to.
  const withAccess = (logger: pino.Logger) => ({ logger, access: logger.child({}, { redact: [] }) });
  if (options) return { ...withAccess(pino(settings, options.stream)), close() {} };
  // stdout in 4 KB writes instead of one write per line (a system call per request under load), flushed at
  // least every second; pino flushes it synchronously when the process exits.
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const flushNow = () => {
    try {
      stdout.flush();
    } catch {
      // Already ended (the process is exiting, and pino flushed it then).
    }
  };
  const flush = setInterval(flushNow, LOG_FLUSH_MS);
  flush.unref();
  return {
    ...withAccess(pino(settings, stdout)),
    close() {
      clearInterval(flush);
      flushNow();
    },
  };
}

/**
 * One access-log line per request, when it is answered, instead of Fastify's two ("incoming request",
 * "request completed"); it carries what both did (Fastify's serializers: req → method, url, host,
 * remoteAddress, remotePort; res → statusCode) and the request's id. The line is built here from those
 * scalar fields only — no header, no body, no field named like a secret — so redaction cannot change
 * it and it is written without: pino's redaction clones and walks every logged value against every
 * path (≈ 100 µs a line under load, the largest single cost of a forwarded call). A line with an error
 * goes through the redacting request logger.
 */
class AccessLog extends LogController {
  constructor(private readonly access: pino.Logger) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      reply.log.error({ req: request, res: reply, responseTime: reply.elapsedTime, err: error }, 'request errored');
      return;
    }
    if (!this.access.isLevelEnabled('info')) return;
    this.access.info(accessLine(request, reply), 'request completed');
  }
}

/** The access line's fields: scalars only (see {@link AccessLog}). */
function accessLine(request: FastifyRequest, reply: FastifyReply) {
  return {
    reqId: request.id,
    req: { method: request.method, url: request.url, host: request.host, remoteAddress: request.ip, remotePort: request.socket.remotePort },
    res: { statusCode: reply.statusCode },
    responseTime: reply.elapsedTime,
  };
}

const API_PREFIX = '/api/';

function envelope(status: number, code: string, message: string, requestId: string, fields?: FieldError[]): ApiErrorEnvelope {
  return { error: { status, code, message, requestId, ...(fields && fields.length > 0 ? { fields } : {}) } };
}

/** helmet's Content-Security-Policy, also written by hand on answers sent before any hook runs. */
const CSP_DIRECTIVES: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine injects inline style attributes and <style> tags at runtime.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
};

/** The security headers of answers that no hook sees (framework and client errors); helmet sets these, and more, on all others. */
export const BARE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';'),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * Errors Node's HTTP parser raises before a request exists (malformed request line, conflicting
 * Content-Length and Transfer-Encoding, a body not received within the request timeout): answered on
 * the socket in the envelope with the security headers, then the connection is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = timeout ? 408 : tooLarge ? 431 : 400;
  const message = timeout
    ? 'The request was not received in time.'
    : tooLarge
      ? 'The request headers are too large.'
      : `The request is malformed (${error.code ?? 'parse error'}).`;
  const body = JSON.stringify(envelope(status, timeout ? 'BFF.REQUEST_TIMEOUT' : 'BFF.BAD_REQUEST', message, randomUUID()));
  const headers = Object.entries({
    ...BARE_SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
}

/** Caps open connections in all and per client address (socket address: behind a proxy, the proxy's). */
function capConnections(server: { on(event: 'connection', listener: (socket: Socket) => void): unknown }, max: number, maxPerAddress: number): void {
  let open = 0;
  const perAddress = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const mine = perAddress.get(address) ?? 0;
    if (open >= max || mine >= maxPerAddress) {
      socket.destroy();
      return;
    }
    open++;
    perAddress.set(address, mine + 1);
    socket.once('close', () => {
      open--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
}

/** Host names a request may name (DNS rebinding): loopback names, the listening host, the public URL's host. */
function allowedHostnames(config: BffConfig): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
  const listening = config.host.toLowerCase();
  if (listening !== '0.0.0.0' && listening !== '::') hosts.add(listening.includes(':') ? `[${listening}]` : listening);
  if (config.console.publicUrl) hosts.add(new URL(config.console.publicUrl).hostname.toLowerCase());
  return hosts;
}

/** Fastify's own 4xx errors (body limits, media types, malformed JSON headers) in the envelope's terms. */
function fromFastifyError(error: FastifyError): ApiError {
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError(413, 'BFF.PAYLOAD_TOO_LARGE', 'The request body is too large (JSON ≤ 1 MB, chart packages ≤ 12 MB).');
  if (status === 415) return new ApiError(415, 'BFF.UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported content type.');
  if (status >= 400 && status < 500) return new ApiError(status, 'BFF.BAD_REQUEST', error.message);
  return new ApiError(500, 'BFF.INTERNAL', 'The console server failed to process the request.');
}

/**
 * Builds the BFF (no listen): security headers, the one error handler, `/api/health`,
 * `/api/context`, the `/api/cce/*` and `/api/vpc/*` forwarder and the SPA. Everything the app talks to comes in
 * through `upstream`, so tests run it against a spy or the in-process simulator.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, upstream } = options;
  const clock = options.clock ?? systemClock;
  const logging = createLogger(config, options.logger);
  const app = Fastify({
    loggerInstance: logging.logger,
    trustProxy: config.console.trustProxy,
    // The BFF's own id on every request; an incoming X-Request-Id is not trusted (it would let a caller forge log correlation).
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    logController: new AccessLog(logging.access),
    // A body must arrive within the request timeout (a stalled upload is cut off with 408); checked at a quarter of it.
    requestTimeout: config.console.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(config.console.requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(config.console.requestTimeoutMs / 4))),
    },
    clientErrorHandler: answerClientError,
    // Fastify's own URL/header errors (before any hook runs) in the envelope too, with the security headers.
    frameworkErrors: (error, request, rawReply) => {
      // The reply's generic parameters here are not the app's; it is the same object at run time.
      const reply = rawReply as unknown as FastifyReply;
      void reply
        .code(400)
        .headers(BARE_SECURITY_HEADERS)
        .header('x-request-id', request.id)
        .send(envelope(400, 'BFF.BAD_REQUEST', `The request is malformed (${error.code}).`, request.id));
    },
  });
  capConnections(app.server, config.console.maxConnections, config.console.maxConnectionsPerAddress);

  // Every route declares who may call it (config.access); one without a declaration stops the start-up.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of routes) requireDeclaredAccess(route);
  });

  // Registered first so that its headers are on every answer, errors raised by later hooks included.
  await registerSecurityHeaders(app, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onClose', async () => logging.close());

  // The one canonicalisation step, before anything else reads the URL: the router has matched, and
  // every later decision (access, CSRF, rate limit, audit, the forwarded operation) is taken on that
  // route. Then the Host header (DNS rebinding): only the configured names.
  const hostnames = allowedHostnames(config);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const problem = nonCanonical(request.url, request.is404 ? undefined : request.routeOptions.url);
    if (problem) throw nonCanonicalError(problem);
    if (!hostnames.has(request.hostname.toLowerCase())) {
      throw new ApiError(
        421,
        'BFF.HOST_NOT_ALLOWED',
        'This console does not answer for that host name; open it at its configured address (CONSOLE_PUBLIC_URL).',
      );
    }
  });

  const { store } = options;
  const sessions = new SessionCache(store, { idleMs: config.console.sessionIdleMs, absoluteMs: config.console.sessionAbsoluteMs }, () => clock.now());
  if (config.console.rateLimitPerMinute > 0) {
    await app.register(fastifyRateLimit, {
      max: config.console.rateLimitPerMinute,
      timeWindow: 60_000,
      // On the matched route (static files and the SPA's pages are not limited); the not-found handler applies it too.
      allowList: (request) => !(request.routeOptions.url ?? '').startsWith(API_PREFIX),
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'BFF.RATE_LIMITED', `Too many requests from this address; try again in ${context.after}.`, {
          headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        }),
    });
  }
  // JSON only where JSON is expected: Fastify would otherwise also accept text/plain bodies.
  app.removeContentTypeParser('text/plain');
  const trustedOrigins = new Set(config.console.publicUrl ? [new URL(config.console.publicUrl).origin] : []);
  await registerSecurity(app, { store, sessions, sessionAbsoluteMs: config.console.sessionAbsoluteMs, trustedOrigins });
  const sweep = setInterval(() => {
    store
      .deleteExpiredSessions({ idleMs: config.console.sessionIdleMs, absoluteMs: config.console.sessionAbsoluteMs })
      .catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed'));
  }, 3_600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  /**
   * A change a signed-in user attempted and the BFF refused (CSRF, cross-site, role, media type, bad
   * request, 405, 413, foreign project, self-lockout…) is recorded once, under the route's action, unless
   * the handler recorded the outcome itself. Sign-in first (401) and rate limits (429) are not.
   */
  async function auditRefusedChange(request: FastifyRequest, error: ApiError): Promise<void> {
    if (
      !request.session ||
      request.audited ||
      !isMutation(request.method) ||
      error.status < 400 ||
      error.status >= 500 ||
      error.status === 401 ||
      error.status === 429
    )
      return;
    const config = request.is404 ? undefined : request.routeOptions.config;
    const action = config?.operation?.id ?? config?.auditAction ?? `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
    try {
      await recordAudit(store, request, {
        action,
        summary: { method: request.method, route: request.routeOptions.url ?? null, ...(accessOf(request) !== 'public' ? {} : { public: true }) },
        outcome: 'denied',
        status: error.status,
        errorCode: error.code,
      });
    } catch (auditError) {
      request.log.error({ err: auditError }, 'could not record a refused change in the audit trail');
    }
  }

  app.setErrorHandler(async (error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = error instanceof ApiError ? error : fromFastifyError(error);
    if (apiError.status >= 500 && !(error instanceof ApiError)) request.log.error({ err: error }, 'request failed');
    for (const [name, value] of Object.entries(apiError.options.headers ?? {})) reply.header(name, value);
    await auditRefusedChange(request, apiError);
    const requestId = apiError.options.requestId ?? request.id;
    return reply.code(apiError.status).send(envelope(apiError.status, apiError.code, apiError.message, requestId, apiError.options.fields));
  });

  const client = new CceClient(upstream, config.timeoutMs, clock);
  /** A cluster's name for the audit trail when neither the request nor the answer gave it, asked of the cloud; null when that fails. */
  async function clusterName(request: FastifyRequest, projectId: string, clusterId: string): Promise<string | null> {
    try {
      const shown = await client.send(
        { op: showCluster, path: buildPath(showCluster.path, { project_id: projectId, cluster_id: clusterId }), query: {} },
        request.log,
      );
      return shown.status === 200 ? nameIn(parseJsonQuietly(shown.body)) : null;
    } catch {
      return null;
    }
  }
  await app.register(metaRoutes, { upstream, demoAccounts: options.demoAccounts ?? [] });
  await app.register(sessionRoutes, { store, sessions, sessionAbsoluteMs: config.console.sessionAbsoluteMs });
  await app.register(accountRoutes, { store, sessions });
  await app.register(auditRoutes, { store });
  // Simulator mode only: in cloud mode the routes do not exist (404 like any unknown API route).
  if (upstream.simulator?.control) await app.register(simulatorControlRoutes, { store, control: upstream.simulator.control });
  await app.register(cceRoutes, {
    client,
    projectId: upstream.projectId,
    onMutation: async (request, outcome) => {
      const { op, params, query } = outcome.call;
      const target = auditTarget(op, params, outcome.responseBody, outcome.requestBody);
      // Only for a call the cloud saw: one the BFF refused before signing sends nothing upstream, not even this.
      if (outcome.forwarded && needsNameLookup(target)) target.name = await clusterName(request, params.project_id ?? upstream.projectId, target.id);
      await recordAudit(store, request, {
        action: op.id,
        targetKind: target.kind,
        targetId: target.id,
        targetName: target.name,
        summary: auditSummary(op, params, query, outcome.requestBody, outcome.multipartBytes !== undefined ? { bytes: outcome.multipartBytes } : undefined),
        outcome: outcome.error ? 'failure' : 'success',
        status: outcome.status,
        errorCode: outcome.error?.code ?? null,
        upstreamRequestId: outcome.error?.requestId ?? null,
      });
    },
  });
  const spaFallback = await registerSpa(app, { staticDir: config.staticDir });

  // 404s under /api count against the rate limit like any API call.
  const notFoundOptions = config.console.rateLimitPerMinute > 0 ? { preHandler: app.rateLimit() } : {};
  app.setNotFoundHandler(notFoundOptions, (request, reply) => {
    const path = pathOf(request.url);
    if (path.startsWith(API_PREFIX) || path === '/api') {
      return reply.code(404).send(envelope(404, 'BFF.NOT_FOUND', 'No such API route.', request.id));
    }
    if (spaFallback(request, reply)) return reply;
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  return app;
}
