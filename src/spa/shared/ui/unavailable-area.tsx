import { Alert, Badge, Stack, Text } from '@mantine/core';
import '../i18n/shared-messages.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { PageHeader } from './page-header.tsx';

/**
 * An area of the console this version does not include: it says what the area is for and, plainly,
 * that nothing here reads or changes the project. No sample data and no buttons that do nothing.
 */
export function UnavailableArea({ title, description }: { title: string; description: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={title} />
      <div>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('unavailable.badge')}
        </Badge>
      </div>
      <Text size="lg">{description}</Text>
      <Alert variant="light" color="blue">
        {t('unavailable.notice')}
      </Alert>
    </Stack>
  );
}
