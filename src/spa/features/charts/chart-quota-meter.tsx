import { Card, Group, Progress, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { chartCountQuota } from '../../../contract/charts.ts';
import { chartQueries } from '../../resources/charts/chart-queries.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import './charts-messages.ts';

/** The chart quota as a meter: amber from 80 %, red when full, so an upload is not refused by surprise. */
export function ChartQuotaMeter() {
  const { t } = useI18n();
  const quota = useQuery(chartQueries.quota());
  const counts = quota.data ? chartCountQuota(quota.data) : undefined;
  if (quota.isError)
    return (
      <Text c="red" size="sm">
        {t('charts.quota.loadFailed')}
      </Text>
    );
  if (!counts) return null;
  const percent = counts.quota > 0 ? Math.min(100, (counts.used / counts.quota) * 100) : 100;
  const color = percent >= 100 ? 'red' : percent >= 80 ? 'yellow' : 'blue';
  return (
    <Card withBorder padding="md" maw={420}>
      <Group justify="space-between" mb={6}>
        <Text fw={500}>{t('charts.quota.title')}</Text>
        <Text size="sm">{t('charts.quota.used', { used: counts.used, quota: counts.quota })}</Text>
      </Group>
      <Progress value={percent} color={color} size="lg" aria-label={t('charts.quota.meter', { used: counts.used, quota: counts.quota })} />
      <Text size="sm" c="dimmed" mt={6}>
        {counts.used < counts.quota ? t('charts.quota.remaining', { remaining: counts.quota - counts.used }) : t('charts.quota.full')}
      </Text>
    </Card>
  );
}
