import { Code, Group, Text } from '@mantine/core';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { CopyValueButton } from './copy-value-button.tsx';
import '../i18n/shared-messages.ts';

/** Request id (copyable), error code and HTTP status of an ApiError: what an operator quotes to support. */
export function ErrorDetails({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError)) return null;
  return (
    <Group gap="lg" wrap="wrap">
      {error.requestId ? (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {t('error.requestId')}:
          </Text>
          <Code>{error.requestId}</Code>
          <CopyValueButton value={error.requestId} label={t('error.copyRequestId')} />
        </Group>
      ) : null}
      <Text size="sm">
        <Text span fw={500}>
          {t('error.code')}:
        </Text>{' '}
        <Code>{error.code}</Code>
      </Text>
      {error.status > 0 ? (
        <Text size="sm">
          <Text span fw={500}>
            {t('error.status')}:
          </Text>{' '}
          {error.status}
        </Text>
      ) : null}
    </Group>
  );
}
