import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorDetails } from './error-details.tsx';
import { describeError } from './error-message.ts';
import '../i18n/shared-messages.ts';

/** A first-load failure shown where the data would have been: what failed, why, the request id, and Retry. */
export function ErrorPanel({ title, error, onRetry, retrying }: { title: ReactNode; error: unknown; onRetry?: () => void; retrying?: boolean }) {
  const { t } = useI18n();
  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap="sm">
        <Text size="sm">{describeError(error, t)}</Text>
        <ErrorDetails error={error} />
        {onRetry ? (
          <div>
            <Button variant="default" size="xs" onClick={onRetry} loading={retrying}>
              {t('error.retry')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}
