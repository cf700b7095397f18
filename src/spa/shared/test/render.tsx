import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { createInvalidatingMutationCache } from '../api/mutation-invalidation.ts';
import type { Language } from '../i18n/i18n.ts';
import { I18nProvider } from '../i18n/i18n-provider.tsx';

/**
 * A query client for tests: no retries (a failure shows at once), no cache carried between tests,
 * and the app's `meta.invalidates` refetch after a mutation.
 */
export function createTestQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
    mutationCache: createInvalidatingMutationCache(() => client),
  });
  return client;
}

/** Renders one component with the providers a page needs (theme, language, data, router). */
export function renderWithProviders(ui: ReactElement, { language = 'en', path = '/' }: { language?: Language; path?: string } = {}) {
  const queryClient = createTestQueryClient();
  const user = userEvent.setup();
  const result = render(
    <MantineProvider>
      <I18nProvider language={language}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>,
  );
  return { ...result, user, queryClient };
}
