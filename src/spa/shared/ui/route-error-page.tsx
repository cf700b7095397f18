import { Button } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorPageContent } from './error-page-content.tsx';

/**
 * react-router `errorElement`: a route that failed to load (a chunk missing after a redeploy) or
 * render. Unknown addresses never get here: the catch-all route shows the not-found page.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  return (
    <ErrorPageContent
      error={isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error}
      backLink={
        <Button component={Link} to="/clusters">
          {t('error.page.back')}
        </Button>
      }
    />
  );
}
