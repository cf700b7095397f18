import { MantineProvider, MantineThemeProvider } from '@mantine/core';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../shared/api/api-client.ts';
import { SESSION_QUERY_KEY } from '../shared/auth/session.ts';
import type { Language } from '../shared/i18n/i18n.ts';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import { I18nProvider } from '../shared/i18n/i18n-provider.tsx';
import { AppErrorBoundary } from '../shared/ui/app-error-boundary.tsx';
import { DeferredNotifications } from './deferred-notifications.tsx';
import { createQueryClient } from './query-client.ts';
import { cssVariablesResolver, localizedThemeDefaults, theme } from './theme.ts';

/** Component defaults that speak: every close button of every dialog and notification is named. */
function LocalizedTheme({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const localized = useMemo(() => localizedThemeDefaults(t('common.close')), [t]);
  return (
    <MantineThemeProvider theme={localized} inherit>
      {children}
    </MantineThemeProvider>
  );
}

interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own client (no retries) and a fixed language. */
  queryClient?: QueryClient;
  language?: Language;
}

/**
 * Theme outermost so that even the last-resort error boundary renders styled; i18n next so that it
 * speaks the operator's language; data and notifications inside the boundary.
 */
export function AppProviders({ children, queryClient, language }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  // A 401 from any call means the session ended (timeout, sign-out elsewhere, account disabled):
  // marking it signed out makes the shell send the operator to the sign-in page.
  useEffect(() => {
    setUnauthenticatedHandler(() => client.setQueryData(SESSION_QUERY_KEY, null));
    return () => setUnauthenticatedHandler(null);
  }, [client]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <I18nProvider {...(language ? { language } : {})}>
        <LocalizedTheme>
          <AppErrorBoundary>
            <QueryClientProvider client={client}>
              <DeferredNotifications />
              {children}
            </QueryClientProvider>
          </AppErrorBoundary>
        </LocalizedTheme>
      </I18nProvider>
    </MantineProvider>
  );
}
