import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { signInBodySchema, type Session } from '../../contract/console-api.ts';
import { toFieldErrors } from '../../contract/errors.ts';
import { recordAudit } from '../auth/audit.ts';
import { requireCapability } from '../auth/route-access.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/security.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { ApiError, badRequest } from '../errors.ts';
import type { ConsoleStore, ThrottleCounter } from '../store/console-store.ts';
import { dummyPasswordHash, verifyPassword } from '../store/passwords.ts';

/**
 * Sign-in throttle (README "Lock-out and unlock"): the guesser is throttled, not the owner. Attempts
 * are counted per account and address (5 per 15 minutes), per address (20 per 15 minutes), and per
 * account from anywhere (10 per minute: a backoff that stays short, so guessing from many addresses
 * is slowed without locking the owner out for long). Counting and checking is one atomic statement.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_ATTEMPTS_PER_ADDRESS = 20;
export const ACCOUNT_BACKOFF_WINDOW_MS = 60_000;
export const MAX_ATTEMPTS_PER_ACCOUNT = 10;

/** Typed usernames never enter the store as text (a password typed into the wrong field would): keys hold a digest. */
function nameDigest(username: string): string {
  return createHash('sha256').update(username.toLowerCase()).digest('base64url').slice(0, 22);
}

function throttleCounters(username: string, address: string, account: string | null): ThrottleCounter[] {
  const name = nameDigest(username);
  return [
    { key: `pair:${name}|${address}`, username: account, windowMs: SIGN_IN_WINDOW_MS, limit: MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS },
    { key: `address:${address}`, username: null, windowMs: SIGN_IN_WINDOW_MS, limit: MAX_ATTEMPTS_PER_ADDRESS },
    { key: `account:${name}`, username: account, windowMs: ACCOUNT_BACKOFF_WINDOW_MS, limit: MAX_ATTEMPTS_PER_ACCOUNT },
  ];
}

export interface SessionRouteOptions {
  store: ConsoleStore;
  sessions: SessionCache;
  sessionAbsoluteMs: number;
}

/** `POST /api/session` signs in, `GET` reads the current session, `DELETE` signs out. */
export async function sessionRoutes(app: FastifyInstance, options: SessionRouteOptions): Promise<void> {
  const { store, sessions } = options;

  app.post('/api/session', { config: { access: 'public', auditAction: 'console.signIn' } }, async (request, reply) => {
    const parsed = signInBodySchema.safeParse(request.body);
    if (!parsed.success) throw badRequest('Enter a username and a password.', toFieldErrors('body', parsed.error));
    const { username, password } = parsed.data;
    const found = await store.findAccount(username);
    // Failed attempts on names that are not accounts are recorded without the text typed (it may be a password).
    const who = found ? { actor: found.username, targetId: found.username, summary: {} } : { actor: null, targetId: null, summary: { unknownUsername: true } };
    const counters = throttleCounters(username, request.ip, found?.username ?? null);
    const claim = await store.claimSignInAttempt(counters);
    if (!claim.allowed) {
      // Only attempts that reach the password check count: a refused one gives its count back everywhere.
      await store.settleSignInAttempt(
        [],
        counters.map((c) => c.key),
      );
      const seconds = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
      await recordAudit(store, request, {
        ...who,
        actorRole: null,
        action: 'console.signIn',
        targetKind: 'account',
        outcome: 'denied',
        status: 429,
        errorCode: 'BFF.TOO_MANY_ATTEMPTS',
      });
      throw new ApiError(
        429,
        'BFF.TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins. Try again in ${seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`}.`,
        {
          headers: { 'retry-after': String(seconds) },
        },
      );
    }
    // Unknown users cost the same hash as known ones, so timing does not tell which usernames exist.
    const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash()));
    if (!found || !passwordOk || found.disabled) {
      // A disabled account answers exactly like a wrong password (the trail tells admins which it was).
      await recordAudit(store, request, {
        ...who,
        ...(found?.disabled && passwordOk ? { summary: { accountDisabled: true } } : {}),
        actorRole: null,
        action: 'console.signIn',
        targetKind: 'account',
        outcome: 'failure',
        status: 401,
        errorCode: 'BFF.INVALID_CREDENTIALS',
      });
      throw new ApiError(401, 'BFF.INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    const account = found;
    await store.settleSignInAttempt([counters[0]!.key], [counters[1]!.key, counters[2]!.key]);
    const { sessionId, csrfToken } = await store.createSession(account.username);
    await recordAudit(store, request, {
      actor: account.username,
      actorRole: account.role,
      action: 'console.signIn',
      targetKind: 'account',
      targetId: account.username,
      outcome: 'success',
      status: 200,
    });
    setSessionCookie(request, reply, sessionId, options.sessionAbsoluteMs);
    reply.header('cache-control', 'no-store');
    const body: Session = { user: account.username, role: account.role, csrfToken };
    return body;
  });

  app.get('/api/session', { config: { access: { capability: 'read' } } }, async (request, reply) => {
    const session = requireCapability(request, 'read');
    reply.header('cache-control', 'no-store');
    const body: Session = { user: session.username, role: session.role, csrfToken: session.csrfToken };
    return body;
  });

  app.delete('/api/session', { config: { access: { capability: 'read' }, auditAction: 'console.signOut' } }, async (request, reply) => {
    const session = requireCapability(request, 'read');
    await store.deleteSession(session.id);
    sessions.forget(session.id);
    await recordAudit(store, request, { action: 'console.signOut', targetKind: 'account', targetId: session.username, outcome: 'success', status: 204 });
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
