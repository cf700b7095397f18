import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api-error.ts';
import { createInvalidatingMutationCache } from '../shared/api/mutation-invalidation.ts';

/**
 * Retries only what a retry can fix: network failures and 5xx/502/504. A 4xx (bad input, unknown
 * cluster, foreign project) answers the same every time, so it is shown at once.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false;
  return failureCount < 2;
}

/** The console's client: selective retries, and `meta.invalidates` on mutations (see mutation-invalidation.ts). */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry },
    },
    mutationCache: createInvalidatingMutationCache(() => client),
  });
  return client;
}
