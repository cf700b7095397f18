import type { FastifyInstance } from 'fastify';
import { signInBodySchema, type Session } from '../../contract/console-api.ts';
import { toFieldErrors } from '../../contract/errors.ts';
import { recordAudit } from '../auth/audit.ts';
import { requireCapability } from '../auth/route-access.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/security.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { ApiError, badRequest } from '../errors.ts';
import type { ConsoleStore } from '../store/console-store.ts';
import { dummyPasswordHash, verifyPassword } from '../store/passwords.ts';

/** Sign-in throttle: failures counted per account and per client address within one window. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

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
    const accountKey = `account:${username.toLowerCase()}`;
    const addressKey = `address:${request.ip}`;
    const [accountFailures, addressFailures] = await Promise.all([
      store.signInFailures(accountKey, SIGN_IN_WINDOW_MS),
      store.signInFailures(addressKey, SIGN_IN_WINDOW_MS),
    ]);
    if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
      await recordAudit(store, request, { actor: username, actorRole: null, action: 'console.signIn', targetKind: 'account', targetId: username, outcome: 'denied', status: 429, errorCode: 'BFF.TOO_MANY_ATTEMPTS' });
      throw new ApiError(429, 'BFF.TOO_MANY_ATTEMPTS', 'Too many failed sign-ins. Wait 15 minutes and try again.', {
        headers: { 'retry-after': String(SIGN_IN_WINDOW_MS / 1000) },
      });
    }
    const account = await store.findAccount(username);
    // Unknown users cost the same hash as known ones, so timing does not tell which usernames exist.
    const passwordOk = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
    if (!account || !passwordOk || account.disabled) {
      await Promise.all([store.recordSignInFailure(accountKey, SIGN_IN_WINDOW_MS), store.recordSignInFailure(addressKey, SIGN_IN_WINDOW_MS)]);
      const disabled = account !== undefined && passwordOk && account.disabled;
      await recordAudit(store, request, {
        actor: username,
        actorRole: null,
        action: 'console.signIn',
        targetKind: 'account',
        targetId: username,
        outcome: 'failure',
        status: 401,
        errorCode: disabled ? 'BFF.ACCOUNT_DISABLED' : 'BFF.INVALID_CREDENTIALS',
      });
      throw disabled
        ? new ApiError(401, 'BFF.ACCOUNT_DISABLED', 'This account is disabled. Ask an administrator to enable it.')
        : new ApiError(401, 'BFF.INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    await store.clearSignInFailures(accountKey);
    const { sessionId, csrfToken } = await store.createSession(account.username);
    await recordAudit(store, request, { actor: account.username, actorRole: account.role, action: 'console.signIn', targetKind: 'account', targetId: account.username, outcome: 'success', status: 200 });
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
