import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, roleCan } from '../../contract/console-api.ts';
import { ApiError } from '../errors.ts';
import type { ConsoleStore, SessionRecord } from '../store/console-store.ts';
import { accessOf, forbidden, isMutation, requireCapability } from './route-access.ts';
import type { SessionCache } from './session-cache.ts';

export interface RequestSession extends SessionRecord {
  /** The raw session id from the cookie (never logged, never sent back except in Set-Cookie). */
  id: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: RequestSession | null;
  }
}

export interface SecurityDeps {
  store: ConsoleStore;
  sessions: SessionCache;
  sessionAbsoluteMs: number;
}

/**
 * `__Host-` binds the cookie to this exact origin (Secure, Path=/, no Domain) — only possible over
 * TLS; over plain http (the local demo, tests) the cookie is named without the prefix.
 */
export function sessionCookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? '__Host-cce_console_session' : 'cce_console_session';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string, maxAgeMs: number): void {
  reply.setCookie(sessionCookieName(request), sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(request), { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface AccessOptions {
  /** Origins a change may come from besides the request's own (the configured public URL). */
  trustedOrigins: ReadonlySet<string>;
}

/**
 * Authentication, CSRF and authorisation for every request, decided on the route the router matched
 * (its declared `config.access`) before any handler runs: no session → 401; a change from another
 * origin or without this session's CSRF token → 403; a role without the capability → 403. The
 * session is resolved first, so a refused change of a signed-in user is audited (by the error handler).
 */
export async function registerSecurity(app: FastifyInstance, deps: SecurityDeps & AccessOptions): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('session', null);
  app.decorateRequest('audited', false);

  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    const mutation = isMutation(request.method);
    // Public reads (health, static files, pages) need no session; a change resolves it so that a refusal is audited.
    if (access === 'public' && !mutation) return;
    const sessionId = request.cookies[sessionCookieName(request)];
    const record = sessionId ? await deps.sessions.get(sessionId) : undefined;
    if (record && sessionId) request.session = { ...record, id: sessionId };
    if (mutation) {
      // A browser sends Origin on cross-origin POST/PUT/DELETE and Sec-Fetch-Site on everything it sends;
      // the Host this is compared with has been checked against the configured hosts already.
      const origin = request.headers.origin;
      if (
        request.headers['sec-fetch-site'] === 'cross-site' ||
        (origin !== undefined && origin !== `${request.protocol}://${request.host}` && !deps.trustedOrigins.has(origin))
      ) {
        throw new ApiError(403, 'BFF.CROSS_SITE_REQUEST', 'Changes can only be made from the console itself.');
      }
    }
    if (access === 'public') return;
    if (!request.session || !record) throw new ApiError(401, 'BFF.UNAUTHENTICATED', 'Sign in to use the console.');
    if (mutation) {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !sameToken(token, record.csrfToken)) {
        throw new ApiError(403, 'BFF.CSRF', "This change lacks the session's CSRF token. Reload the console and try again.");
      }
    }
    if (!roleCan(record.role, access.capability)) throw forbidden(record.role, access.capability);
  });
}

/** The request's session (any role), or 401: see {@link requireCapability} for a role check. */
export function requireSession(request: FastifyRequest): RequestSession {
  return requireCapability(request, 'read');
}
