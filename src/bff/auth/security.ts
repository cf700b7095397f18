import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, roleCan } from '../../contract/console-api.ts';
import { matchOperation } from '../../contract/operations.ts';
import { ApiError } from '../errors.ts';
import { CCE_PREFIX } from '../routes/cce.ts';
import type { ConsoleStore, SessionRecord } from '../store/console-store.ts';
import { recordAudit } from './audit.ts';
import { isMutation, policyFor } from './policy.ts';
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

const CAPABILITY_DENIED: Record<string, string> = {
  operate: 'can view but not change resources',
  administer: 'cannot manage console accounts',
  read: 'cannot read this',
};

/**
 * Authentication, CSRF and authorisation for every request, decided before any handler runs (and
 * before the CCE forwarder even matches an operation): no session → 401; a change without this
 * session's CSRF token → 403; a role without the capability → 403, recorded in the audit trail.
 */
export async function registerSecurity(app: FastifyInstance, deps: SecurityDeps): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?', 1)[0]!;
    const policy = policyFor(request.method, path);
    if (policy.kind === 'public') return;
    const sessionId = request.cookies[sessionCookieName(request)];
    const record = sessionId ? await deps.sessions.get(sessionId) : undefined;
    if (!record || !sessionId) throw new ApiError(401, 'BFF.UNAUTHENTICATED', 'Sign in to use the console.');
    request.session = { ...record, id: sessionId };
    if (isMutation(request.method)) {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !sameToken(token, record.csrfToken)) {
        throw new ApiError(403, 'BFF.CSRF', 'This change lacks the session\'s CSRF token. Reload the console and try again.');
      }
    }
    if (!roleCan(record.role, policy.capability)) {
      if (isMutation(request.method)) {
        await recordAudit(deps.store, request, {
          action: auditActionFor(request.method, path),
          summary: { method: request.method, path },
          outcome: 'denied',
          status: 403,
          errorCode: 'BFF.FORBIDDEN',
        });
      }
      throw new ApiError(403, 'BFF.FORBIDDEN', `Your role (${record.role}) ${CAPABILITY_DENIED[policy.capability]}.`);
    }
  });
}

/** The action recorded for a refused request: the CCE operation id when the path names one. */
function auditActionFor(method: string, path: string): string {
  if (path.startsWith('/api/accounts')) return method === 'POST' ? 'console.createAccount' : 'console.updateAccount';
  if (path.startsWith(`${CCE_PREFIX}/`)) {
    const found = matchOperation(method, path.slice(CCE_PREFIX.length));
    if (found.kind === 'match') return found.op.id;
  }
  return `${method} ${path}`;
}

export function requireSession(request: FastifyRequest): RequestSession {
  if (!request.session) throw new ApiError(401, 'BFF.UNAUTHENTICATED', 'Sign in to use the console.');
  return request.session;
}
