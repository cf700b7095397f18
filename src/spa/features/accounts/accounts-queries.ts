import { queryOptions } from '@tanstack/react-query';
import { accountListSchema, accountSchema, type Account, type CreateAccountBody, type UpdateAccountBody } from '../../../contract/console-api.ts';
import { requestJson } from '../../shared/api/api-client.ts';
import { ApiError, SPA_ERROR_CODES } from '../../shared/api/api-error.ts';

function parse<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } }, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError({ status: 200, code: SPA_ERROR_CODES.badResponse, message: `Unexpected ${what} answer.` });
  return parsed.data;
}

const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

export const accountQueries = {
  list: () =>
    queryOptions({
      queryKey: ['accounts', 'list'] as const,
      queryFn: async ({ signal }) =>
        parse(accountListSchema, await requestJson('/api/accounts', { headers: { Accept: 'application/json' }, signal }), '/api/accounts').items,
    }),
};

export async function createAccount(body: CreateAccountBody): Promise<Account> {
  return parse(accountSchema, await requestJson('/api/accounts', { method: 'POST', headers: json, body: JSON.stringify(body) }), 'POST /api/accounts');
}

/** Lifts the sign-in throttle of an account (someone guessing its password locked the owner out). */
export async function unlockSignIn(username: string): Promise<Account> {
  return parse(
    accountSchema,
    await requestJson(`/api/accounts/${encodeURIComponent(username)}/unlock`, { method: 'POST', headers: { Accept: 'application/json' } }),
    'POST /api/accounts/unlock',
  );
}

export async function updateAccount(username: string, body: UpdateAccountBody): Promise<Account> {
  return parse(
    accountSchema,
    await requestJson(`/api/accounts/${encodeURIComponent(username)}`, { method: 'PATCH', headers: json, body: JSON.stringify(body) }),
    'PATCH /api/accounts',
  );
}
