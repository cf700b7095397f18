import { randomUUID } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type DestinationStream } from 'pino';
import type { ApiErrorEnvelope, FieldError } from '../contract/errors.ts';
import type { BffConfig, LogLevel } from './config.ts';
import { recordAudit } from './auth/audit.ts';
import { auditSummary, auditTarget } from './auth/audit-summary.ts';
import type { DemoAccount } from './auth/bootstrap.ts';
import { registerSecurity } from './auth/security.ts';
import { SessionCache } from './auth/session-cache.ts';
import { ApiError } from './errors.ts';
import { accountRoutes } from './routes/accounts.ts';
import { auditRoutes } from './routes/audit.ts';
import { sessionRoutes } from './routes/session.ts';
import { simulatorControlRoutes } from './routes/simulator-control.ts';
import type { ConsoleStore } from './store/console-store.ts';
import { CCE_PREFIX, cceRoutes } from './routes/cce.ts';
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

function createLogger(config: BffConfig, options: BuildAppOptions['logger']): FastifyBaseLogger {
  const settings = {
    level: options?.level ?? config.logLevel,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
  };
  return options ? pino(settings, options.stream) : pino(settings);
}

const API_PREFIX = '/api/';

function envelope(status: number, code: string, message: string, requestId: string, fields?: FieldError[]): ApiErrorEnvelope {
  return { error: { status, code, message, requestId, ...(fields && fields.length > 0 ? { fields } : {}) } };
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
 * `/api/context`, the `/api/cce/*` forwarder and the SPA. Everything the app talks to comes in
 * through `upstream`, so tests run it against a spy or the in-process simulator.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, upstream } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    loggerInstance: createLogger(config, options.logger),
    trustProxy: config.console.trustProxy,
    // The BFF's own id on every request; an incoming X-Request-Id is not trusted (it would let a caller forge log correlation).
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    // Fastify's own URL/header errors in the envelope too.
    frameworkErrors: (error, request, rawReply) => {
      // The reply's generic parameters here are not the app's; it is the same object at run time.
      const reply = rawReply as unknown as FastifyReply;
      void reply
        .code(400)
        .header('x-request-id', request.id)
        .send(envelope(400, 'BFF.BAD_REQUEST', `The request is malformed (${error.code}).`, request.id));
    },
  });

  // Registered first so that its headers are on every answer, errors raised by later hooks included.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects inline style attributes and <style> tags at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const method = request.method;
    if (method === 'GET' || method === 'HEAD') return;
    // Until sessions and CSRF tokens arrive, a mutation must come from this origin: a browser sends
    // Origin on cross-origin POST/PUT/DELETE and Sec-Fetch-Site on everything it sends.
    const origin = request.headers.origin;
    if (request.headers['sec-fetch-site'] === 'cross-site' || (origin !== undefined && origin !== `${request.protocol}://${request.host}`)) {
      throw new ApiError(403, 'BFF.CROSS_SITE_REQUEST', 'Changes can only be made from the console itself.');
    }
  });

  const { store } = options;
  const sessions = new SessionCache(store, { idleMs: config.console.sessionIdleMs, absoluteMs: config.console.sessionAbsoluteMs }, () => clock.now());
  if (config.console.rateLimitPerMinute > 0) {
    await app.register(fastifyRateLimit, {
      max: config.console.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: (request) => !request.url.startsWith(API_PREFIX),
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'BFF.RATE_LIMITED', `Too many requests from this address; try again in ${context.after}.`, { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
    });
  }
  // JSON only where JSON is expected: Fastify would otherwise also accept text/plain bodies.
  app.removeContentTypeParser('text/plain');
  await registerSecurity(app, { store, sessions, sessionAbsoluteMs: config.console.sessionAbsoluteMs });
  const sweep = setInterval(() => {
    store.deleteExpiredSessions({ idleMs: config.console.sessionIdleMs, absoluteMs: config.console.sessionAbsoluteMs }).catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed'));
  }, 3_600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = error instanceof ApiError ? error : fromFastifyError(error);
    if (apiError.status >= 500 && !(error instanceof ApiError)) request.log.error({ err: error }, 'request failed');
    for (const [name, value] of Object.entries(apiError.options.headers ?? {})) reply.header(name, value);
    const requestId = apiError.options.requestId ?? request.id;
    return reply.code(apiError.status).send(envelope(apiError.status, apiError.code, apiError.message, requestId, apiError.options.fields));
  });

  const client = new CceClient(upstream, config.timeoutMs, clock);
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
      await recordAudit(store, request, {
        action: op.id,
        targetKind: target.kind,
        targetId: target.id,
        summary: auditSummary(op, params, query, outcome.requestBody, outcome.multipartBytes !== undefined ? { bytes: outcome.multipartBytes } : undefined),
        outcome: outcome.error ? 'failure' : 'success',
        status: outcome.status,
        errorCode: outcome.error?.code ?? null,
        upstreamRequestId: outcome.error?.requestId ?? null,
      });
    },
  });
  const spaFallback = await registerSpa(app, { staticDir: config.staticDir });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    if (path.startsWith(API_PREFIX) || path === '/api' || path === CCE_PREFIX) {
      return reply.code(404).send(envelope(404, 'BFF.NOT_FOUND', 'No such API route.', request.id));
    }
    if (spaFallback(request, reply)) return reply;
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  return app;
}
