import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api-error.ts';

/**
 * Retries only what a retry can fix: network failures and 5xx/502/504. A 4xx (bad input, unknown
 * cluster, foreign project) answers the same every time, so it is shown at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false;
  return failureCount < 2;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Queries a successful mutation makes stale; refetched (and awaited) before the mutation settles. */
      invalidates?: readonly QueryKey[];
    };
  }
}

/**
 * Mutations declare what they invalidate in `meta.invalidates`; this one handler refetches those
 * queries and the mutation stays pending until they are back, so a submit button stays busy until
 * the screen shows the new state.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry },
    },
    mutationCache: new MutationCache({
      onSuccess: async (_data, _variables, _context, mutation) => {
        const keys = mutation.meta?.invalidates ?? [];
        await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
      },
    }),
  });
  return client;
}
