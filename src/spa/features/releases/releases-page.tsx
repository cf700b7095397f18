import { Anchor, Button, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { releaseQueries } from '../../resources/releases/release-queries.ts';
import { ReleaseStatusBadge } from '../../resources/releases/release-status.tsx';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { TableSkeleton } from '../../shared/ui/table-skeleton.tsx';
import { Timestamp } from '../../shared/ui/timestamp.tsx';
import { InstallReleaseDialog } from './install-release-dialog.tsx';
import { releaseDetailLink, releasesOfCluster } from './release-links.ts';
import './releases-messages.ts';

const ALL = '';

/** The releases of one cluster (chosen here), filterable by namespace and chart; pending ones refresh until they settle. */
export function ReleasesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { clusterId = '' } = useParams();
  const clusters = useQuery(clusterQueries.list());
  const releases = useQuery({ ...releaseQueries.list(clusterId), enabled: clusterId !== '' });
  const [namespace, setNamespace] = useState(ALL);
  const [chart, setChart] = useState(ALL);
  const [installing, install] = useDisclosure(false);
  const clusterOptions = (clusters.data?.items ?? []).map((c) => ({ value: c.metadata?.uid ?? '', label: c.metadata?.name ?? c.metadata?.uid ?? '' }));
  const clusterName = clusterOptions.find((o) => o.value === clusterId)?.label ?? clusterId;
  const all = releases.data ?? [];
  const namespaces = [...new Set(all.map((r) => r.namespace ?? ''))].filter(Boolean).sort();
  const chartNames = [...new Set(all.map((r) => r.chart_name ?? ''))].filter(Boolean).sort();
  const shown = all.filter((r) => (namespace === ALL || r.namespace === namespace) && (chart === ALL || r.chart_name === chart));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('releases.title')}
        description={t('releases.description')}
        actions={
          clusterId ? (
            <PermissionGate capability="operate">
              {({ disabled }) => (
                <Button disabled={disabled} onClick={install.open}>
                  {t('releases.install.open')}
                </Button>
              )}
            </PermissionGate>
          ) : null
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('releases.cluster')}
          placeholder={t('releases.clusterPlaceholder')}
          data={clusterOptions}
          value={clusterId || null}
          onChange={(value) => {
            setNamespace(ALL);
            setChart(ALL);
            if (value) void navigate(releasesOfCluster(value));
          }}
          searchable
          w={260}
          error={clusters.isError ? t('releases.clustersFailed') : undefined}
        />
        {clusterId ? (
          <>
            <Select
              label={t('releases.filter.namespace')}
              data={[{ value: ALL, label: t('releases.filter.all') }, ...namespaces.map((n) => ({ value: n, label: n }))]}
              value={namespace}
              onChange={(v) => setNamespace(v ?? ALL)}
              w={200}
              allowDeselect={false}
            />
            <Select
              label={t('releases.filter.chart')}
              data={[{ value: ALL, label: t('releases.filter.all') }, ...chartNames.map((n) => ({ value: n, label: n }))]}
              value={chart}
              onChange={(v) => setChart(v ?? ALL)}
              w={200}
              allowDeselect={false}
            />
          </>
        ) : null}
      </Group>
      {!clusterId ? (
        <Text c="dimmed">{t('releases.chooseCluster')}</Text>
      ) : releases.isError ? (
        <ErrorPanel title={t('releases.loadFailed', { cluster: clusterName })} error={releases.error} onRetry={() => void releases.refetch()} />
      ) : !releases.data ? (
        <TableSkeleton />
      ) : all.length === 0 ? (
        <EmptyState title={t('releases.empty', { cluster: clusterName })} description={t('releases.emptyHint')} />
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('releases.noneMatch')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('releases.tableLabel', { cluster: clusterName })} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('releases.column.name')}</Table.Th>
                <Table.Th>{t('releases.column.namespace')}</Table.Th>
                <Table.Th>{t('releases.column.chart')}</Table.Th>
                <Table.Th>{t('releases.column.revision')}</Table.Th>
                <Table.Th>{t('releases.column.status')}</Table.Th>
                <Table.Th>{t('releases.column.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={`${r.namespace}/${r.name}`}>
                  <Table.Td>
                    <Anchor component={Link} to={releaseDetailLink({ clusterId, namespace: r.namespace ?? '', name: r.name ?? '' })}>
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.namespace}</Table.Td>
                  <Table.Td>{`${r.chart_name ?? ''} ${r.chart_version ?? ''}`}</Table.Td>
                  <Table.Td>{r.version ?? '—'}</Table.Td>
                  <Table.Td>
                    <ReleaseStatusBadge release={r} />
                  </Table.Td>
                  <Table.Td>{r.update_at ? <Timestamp value={r.update_at} /> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {installing && clusterId ? <InstallReleaseDialog clusterId={clusterId} clusterName={clusterName} onClose={install.close} /> : null}
    </Stack>
  );
}
