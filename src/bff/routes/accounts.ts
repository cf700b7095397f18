import type { FastifyInstance } from 'fastify';
import { createAccountBodySchema, updateAccountBodySchema, usernameSchema, type Account } from '../../contract/console-api.ts';
import { toFieldErrors } from '../../contract/errors.ts';
import { recordAudit } from '../auth/audit.ts';
import { requireCapability } from '../auth/route-access.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { ApiError, badRequest } from '../errors.ts';
import type { ConsoleStore } from '../store/console-store.ts';
import { hashPassword, passwordProblem } from '../store/passwords.ts';

/** The admin-only accounts API behind the Accounts page (declared admin-only, and checked again in each handler). */
export async function accountRoutes(app: FastifyInstance, options: { store: ConsoleStore; sessions: SessionCache }): Promise<void> {
  const { store, sessions } = options;

  const administer = { capability: 'administer' } as const;

  app.get('/api/accounts', { config: { access: administer } }, async (request, reply) => {
    requireCapability(request, 'administer');
    reply.header('cache-control', 'no-store');
    return { items: await store.listAccounts() };
  });

  app.post('/api/accounts', { config: { access: administer, auditAction: 'console.createAccount' } }, async (request, reply) => {
    requireCapability(request, 'administer');
    const parsed = createAccountBodySchema.safeParse(request.body);
    if (!parsed.success) throw badRequest('The account is invalid.', toFieldErrors('body', parsed.error));
    const { username, password, role } = parsed.data;
    const problem = passwordProblem(password, username);
    if (problem) throw badRequest('The password is not allowed.', [{ path: 'body.password', message: `Password ${problem}.` }]);
    const created = await store.createAccount({ username, passwordHash: await hashPassword(password), role });
    if (!created) {
      await recordAudit(store, request, {
        action: 'console.createAccount',
        targetKind: 'account',
        targetId: username,
        summary: { role },
        outcome: 'failure',
        status: 409,
        errorCode: 'BFF.ACCOUNT_EXISTS',
      });
      throw new ApiError(409, 'BFF.ACCOUNT_EXISTS', `An account named ${username} already exists.`, {
        fields: [{ path: 'body.username', message: 'This username is taken.' }],
      });
    }
    await recordAudit(store, request, {
      action: 'console.createAccount',
      targetKind: 'account',
      targetId: username,
      summary: { role },
      outcome: 'success',
      status: 201,
    });
    const account = (await store.listAccounts()).find((a) => a.username === username)!;
    return reply.code(201).send(account satisfies Account);
  });

  app.patch<{ Params: { username: string } }>(
    '/api/accounts/:username',
    { config: { access: administer, auditAction: 'console.updateAccount' } },
    async (request) => {
      const session = requireCapability(request, 'administer');
      const name = usernameSchema.safeParse(request.params.username);
      if (!name.success) throw new ApiError(404, 'BFF.NOT_FOUND', 'No such account.');
      const parsed = updateAccountBodySchema.safeParse(request.body);
      if (!parsed.success) throw badRequest('The change is invalid.', toFieldErrors('body', parsed.error));
      const { role, disabled, password } = parsed.data;
      const username = name.data;
      if (username === session.username && (disabled === true || (role !== undefined && role !== 'admin'))) {
        throw new ApiError(400, 'BFF.SELF_LOCKOUT', 'You cannot disable your own account or remove your own admin role; ask another admin.');
      }
      if (password !== undefined) {
        const problem = passwordProblem(password, username);
        if (problem) throw badRequest('The password is not allowed.', [{ path: 'body.password', message: `Password ${problem}.` }]);
      }
      const summary = { ...(role ? { role } : {}), ...(disabled !== undefined ? { disabled } : {}), ...(password ? { passwordReset: true } : {}) };
      const account = await store.updateAccount(username, {
        ...(role ? { role } : {}),
        ...(disabled !== undefined ? { disabled } : {}),
        ...(password ? { passwordHash: await hashPassword(password) } : {}),
      });
      if (!account) {
        await recordAudit(store, request, {
          action: 'console.updateAccount',
          targetKind: 'account',
          targetId: username,
          summary,
          outcome: 'failure',
          status: 404,
          errorCode: 'BFF.NOT_FOUND',
        });
        throw new ApiError(404, 'BFF.NOT_FOUND', 'No such account.');
      }
      // An admin's password reset also lifts any sign-in throttle of the account.
      if (password !== undefined) await store.clearSignInThrottle(username);
      // The store ended the account's sessions (disable, password reset); this replica forgets its cached copies at once.
      sessions.forgetUser(username);
      await recordAudit(store, request, {
        action: 'console.updateAccount',
        targetKind: 'account',
        targetId: username,
        summary,
        outcome: 'success',
        status: 200,
      });
      return account;
    },
  );

  /** Lifts the sign-in throttle of an account (every address), e.g. after the owner was locked out by someone guessing. */
  app.post<{ Params: { username: string } }>(
    '/api/accounts/:username/unlock',
    { config: { access: administer, auditAction: 'console.unlockSignIn' } },
    async (request) => {
      requireCapability(request, 'administer');
      const name = usernameSchema.safeParse(request.params.username);
      const account = name.success ? await store.findAccount(name.data) : undefined;
      if (!name.success || !account) throw new ApiError(404, 'BFF.NOT_FOUND', 'No such account.');
      const wasThrottled = await store.clearSignInThrottle(account.username);
      await recordAudit(store, request, {
        action: 'console.unlockSignIn',
        targetKind: 'account',
        targetId: account.username,
        summary: { wasThrottled },
        outcome: 'success',
        status: 200,
      });
      return (await store.listAccounts()).find((a) => a.username === account.username)!;
    },
  );
}
