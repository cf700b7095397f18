import { Alert, Code, SimpleGrid, Stack, Text } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import './releases-messages.ts';

export interface DryRun {
  request: unknown;
  answer?: unknown;
  error?: unknown;
}

/** What a dry run sent and what the API answered, side by side; nothing was installed or changed. */
export function DryRunResult({ run }: { run: DryRun }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" role="region" aria-label={t('releases.dryRun.result')}>
      <Text fw={600}>{t('releases.dryRun.result')}</Text>
      <Text size="sm" c="dimmed">
        {t('releases.dryRun.nothingChanged')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('releases.dryRun.request')}
          </Text>
          <Code block tabIndex={0} aria-label={t('releases.dryRun.request')} style={{ maxHeight: 260, overflow: 'auto' }}>
            {JSON.stringify(run.request, null, 2)}
          </Code>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('releases.dryRun.answer')}
          </Text>
          {run.error !== undefined ? (
            <Alert color="red" role="alert" title={t('releases.dryRun.refused')}>
              {describeError(run.error, t)}
            </Alert>
          ) : (
            <Code block tabIndex={0} aria-label={t('releases.dryRun.answer')} style={{ maxHeight: 260, overflow: 'auto' }}>
              {JSON.stringify(run.answer, null, 2)}
            </Code>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
