import { Alert, Badge, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.ts';
import { PageHeader } from './page-header.tsx';

export type PlannedPageId = 'addons' | 'upgrades' | 'charts' | 'releases';

/**
 * A navigation target a later release fills in. It says what the page will do and that nothing
 * here acts on the project yet — no sample data and no buttons that do nothing.
 */
export function PlannedPage({ page }: { page: PlannedPageId }) {
  const { t } = useI18n();
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t(`planned.${page}.title`)} />
      <div>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('planned.badge')}
        </Badge>
      </div>
      <Text size="lg">{t(`planned.${page}.description`)}</Text>
      <Alert variant="light" color="blue">
        {t('planned.notice')}
      </Alert>
    </Stack>
  );
}
