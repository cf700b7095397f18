import { Stack, Table, Text } from '@mantine/core';
import type { Cluster } from '../../../contract/clusters.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ClusterStatusBadge } from './cluster-status-badge.tsx';

/**
 * The cluster list as a table, in the order the API returns it. Search, filters, sorting and
 * virtualisation for large projects come with issue 3; the columns are stable so they can be added.
 */
export function ClustersTable({ clusters, caption }: { clusters: readonly Cluster[]; caption: string }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('clusters.tableLabel')} highlightOnHover verticalSpacing="sm" captionSide="bottom">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('clusters.column.name')}</Table.Th>
            <Table.Th scope="col">{t('clusters.column.status')}</Table.Th>
            <Table.Th scope="col">{t('clusters.column.version')}</Table.Th>
            <Table.Th scope="col">{t('clusters.column.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clusters.map((cluster, index) => (
            <ClusterRow key={cluster.metadata.uid ?? cluster.metadata.name ?? index} cluster={cluster} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ClusterRow({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const { name, alias } = cluster.metadata;
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Text fw={500} size="sm">
            {name ?? cluster.metadata.uid ?? t('clusters.noValue')}
          </Text>
          {alias && alias !== name ? (
            <Text size="xs" c="dimmed">
              {t('clusters.alias', { alias })}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <ClusterStatusBadge status={cluster.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{cluster.spec?.version ?? t('clusters.noValue')}</Text>
      </Table.Td>
      <Table.Td>
        <CreatedAt value={cluster.metadata.creationTimestamp} />
      </Table.Td>
    </Table.Tr>
  );
}

/** Creation time in the operator's language; hovering shows the exact instant in ISO 8601 (UTC). */
function CreatedAt({ value }: { value: string | undefined }) {
  const { t, formatDateTime } = useI18n();
  if (!value) return <Text size="sm" c="dimmed">{t('clusters.noValue')}</Text>;
  const date = parseCceTimestamp(value);
  // A timestamp in a format CCE has not used before is shown as sent rather than hidden.
  if (!date) return <Text size="sm">{value}</Text>;
  const iso = date.toISOString();
  return (
    <Text size="sm" component="time" dateTime={iso} title={iso}>
      {formatDateTime(date)}
    </Text>
  );
}
