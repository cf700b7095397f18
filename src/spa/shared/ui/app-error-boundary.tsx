import { Anchor, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { ErrorPageContent } from './error-page-content.tsx';
import '../i18n/shared-messages.ts';

function LastResortError({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Container size="md" py="xl">
      <ErrorPageContent error={error} backLink={<Anchor href="/clusters">{t('error.page.back')}</Anchor>} />
    </Container>
  );
}

/**
 * Last-resort boundary around everything below the theme: catches what escapes the page boundary
 * (a provider, the layout, the sign-in page). It links to `/` with a plain anchor because the router
 * itself may be what failed.
 */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error) => <LastResortError error={error} />}>{children}</ErrorBoundary>;
}
