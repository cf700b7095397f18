import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { ErrorPageContent } from './error-page-content.tsx';
import '../i18n/shared-messages.ts';

function PageError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <ErrorPageContent
      error={error}
      backLink={
        <Button component={Link} to="/clusters">
          {t('error.page.back')}
        </Button>
      }
    />
  );
}

/**
 * Around the page inside the shell: a page that failed to load (a chunk missing after a redeploy) or
 * to render shows what happened with its request id, and the shell's navigation keeps working —
 * going to another address clears the error. Unknown addresses never get here: the catch-all
 * route shows the not-found page.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname} fallback={(error) => <PageError error={error} />}>
      {children}
    </ErrorBoundary>
  );
}
