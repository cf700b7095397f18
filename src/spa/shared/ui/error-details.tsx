import { ActionIcon, Code, CopyButton, Group, Text } from '@mantine/core';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { Tooltip } from './tooltip.tsx';
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
          <CopyButton value={error.requestId}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('error.requestIdCopied') : t('error.copyRequestId')}>
                <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('error.copyRequestId')}>
                  <CopyIcon />
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
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

function CopyIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </svg>
  );
}
