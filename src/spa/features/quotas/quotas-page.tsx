import { Card, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isClusterQuota, type QuotaResource } from '../../../contract/quotas.ts';
import { quotaQueries } from '../../resources/quotas/quota-queries.ts';
import { contextQueries } from '../../shared/api/console-context.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { TableSkeleton } from '../../shared/ui/table-skeleton.tsx';
import './quotas-messages.ts';

/** Used / limit as a meter; amber from 80 %, red when full, so a create is not refused by surprise. */
function QuotaMeter({ quota, label }: { quota: QuotaResource; label: string }) {
  const { t } = useI18n();
  const used = quota.used ?? 0;
  const limit = quota.quotaLimit ?? 0;
  const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : 0;
  const color = percent >= 100 ? 'red' : percent >= 80 ? 'yellow' : 'blue';
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Text fw={500}>{label}</Text>
        <Text size="xl" fw={700}>
          {t('quotas.usedOfLimit', { used, limit })}
        </Text>
        <Progress value={percent} color={color} size="lg" aria-label={t('quotas.meterLabel', { label, used, limit })} />
        <Text size="sm" c="dimmed">
          {limit - used > 0 ? t('quotas.remaining', { remaining: limit - used }) : t('quotas.full')}
        </Text>
      </Stack>
    </Card>
  );
}

/** Where a quota applies: its region, and its availability zone when it has one. */
export function quotaScope(quota: QuotaResource): string {
  return [quota.regionId, quota.availabilityZoneId].filter(Boolean).join(' / ') || '—';
}

export function QuotasPage() {
  const { t } = useI18n();
  const context = useQuery(contextQueries.current());
  const quotas = useQuery(quotaQueries.project());
  const list = quotas.data?.quotas ?? [];
  const cluster = list.filter(isClusterQuota);
  return (
    <Stack gap="md">
      <PageHeader title={t('quotas.title')} description={context.data ? t('quotas.description', { region: context.data.region }) : undefined} />
      {quotas.isError ? (
        <ErrorPanel title={t('quotas.loadFailed')} error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : !quotas.data ? (
        <TableSkeleton columns={[40, 20, 20, 20]} rows={3} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {cluster.map((quota, index) => (
              <QuotaMeter key={`${quota.quotaKey}-${index}`} quota={quota} label={t('quotas.clusterQuota')} />
            ))}
          </SimpleGrid>
          <Table aria-label={t('quotas.tableLabel')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotas.column.key')}</Table.Th>
                <Table.Th>{t('quotas.column.used')}</Table.Th>
                <Table.Th>{t('quotas.column.limit')}</Table.Th>
                <Table.Th>{t('quotas.column.unit')}</Table.Th>
                <Table.Th>{t('quotas.column.scope')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((quota, index) => (
                <Table.Tr key={`${quota.quotaKey}-${index}`}>
                  <Table.Td>{quota.quotaKey ?? '—'}</Table.Td>
                  <Table.Td>{quota.used ?? '—'}</Table.Td>
                  <Table.Td>{quota.quotaLimit ?? '—'}</Table.Td>
                  <Table.Td>{quota.unit ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">{quotaScope(quota)}</Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
