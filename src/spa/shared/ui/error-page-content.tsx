import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorDetails } from './error-details.tsx';
import { describeError } from './error-message.ts';
import { PageHeader } from './page-header.tsx';
import '../i18n/shared-messages.ts';

/**
 * The body of an error page: what happened, the request id when the error is an ApiError, and a way
 * back. `backLink` is the router-aware link when a router is around; the last-resort boundary sits
 * outside the router and passes none, leaving the reload.
 */
export function ErrorPageContent({ error, backLink }: { error: unknown; backLink?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t('error.page.title')} description={t('error.page.intro')} />
      <Text>{describeError(error, t)}</Text>
      <ErrorDetails error={error} />
      <Group gap="sm">
        {backLink}
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('error.page.reload')}
        </Button>
      </Group>
    </Stack>
  );
}
