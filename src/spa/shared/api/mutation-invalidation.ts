import { MutationCache, type QueryClient, type QueryKey } from '@tanstack/react-query';

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
 * the screen shows the new state. Shared by the app's client and the test client, so component
 * tests see the same refetch the console does.
 */
export function createInvalidatingMutationCache(client: () => QueryClient): MutationCache {
  return new MutationCache({
    onSuccess: async (_data, _variables, _context, mutation) => {
      const keys = mutation.meta?.invalidates ?? [];
      await Promise.all(keys.map((queryKey) => client().invalidateQueries({ queryKey })));
    },
  });
}
