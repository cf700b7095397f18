import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { roleCan, sessionSchema, type Capability, type Session } from '../../../contract/console-api.ts';
import { requestJson, setCsrfToken } from '../api/api-client.ts';
import { ApiError, SPA_ERROR_CODES } from '../api/api-error.ts';
import { clearFormDrafts } from '../forms/form-draft.ts';

export const SESSION_QUERY_KEY = ['session'] as const;

/** The signed-in session, or null when signed out (the BFF answered 401). */
async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const data = await requestJson('/api/session', { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
    return acceptSession(data);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

let signedOutHere = false;

/** Validates a session answer and arms the API client with its CSRF token. */
export function acceptSession(data: unknown): Session {
  const parsed = sessionSchema.safeParse(data);
  if (!parsed.success) throw new ApiError({ status: 200, code: SPA_ERROR_CODES.badResponse, message: 'Unexpected /api/session answer.' });
  setCsrfToken(parsed.data.csrfToken);
  signedOutHere = false;
  return parsed.data;
}

/**
 * After "Sign out" in this browser: forgets the token and everything loaded under the session. The
 * shell then shows the sign-in page plainly — no "your session ended", no way back to the old page.
 */
export function forgetSession(queryClient: QueryClient): void {
  signedOutHere = true;
  setCsrfToken(null);
  clearFormDrafts();
  // The session query stays (now null) so the shell watching it re-renders; everything else goes.
  queryClient.setQueryData(SESSION_QUERY_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  queryClient.getMutationCache().clear();
}

/** Whether the session ended by the operator's own sign-out (rather than a timeout or a 401). */
export function wasSignedOutHere(): boolean {
  return signedOutHere;
}

export const sessionQueries = {
  current: () =>
    queryOptions({
      queryKey: SESSION_QUERY_KEY,
      queryFn: ({ signal }) => fetchSession(signal),
      staleTime: 5 * 60_000,
      retry: false,
    }),
};

/** `undefined` while loading, `null` when signed out. */
export function useSession(): Session | null | undefined {
  return useQuery(sessionQueries.current()).data;
}

/** Whether the signed-in role may do this (the BFF enforces it; the UI shows it up front). */
export function useCan(capability: Capability): boolean {
  return roleCan(useSession()?.role, capability);
}

/**
 * Whether the signed-in role is known to be refused this: false while the session loads, so a page
 * does not flash its read-only form before the role is known.
 */
export function useRefused(capability: Capability): boolean {
  const session = useSession();
  return Boolean(session) && !roleCan(session?.role, capability);
}
