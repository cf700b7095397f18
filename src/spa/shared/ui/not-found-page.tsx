import { Button, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n-context.ts';
import { PageHeader } from './page-header.tsx';
import './not-found-messages.ts';
import '../i18n/shared-messages.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <Stack gap="md" align="flex-start">
      <PageHeader title={t('notFound.title')} description={t('notFound.description', { path: pathname })} />
      <Button component={Link} to="/clusters">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
