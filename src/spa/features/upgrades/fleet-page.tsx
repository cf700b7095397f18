import { Anchor, Badge, Group, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Cluster } from '../../../contract/clusters.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { upgradePathQueries } from '../../resources/upgrade-paths/upgrade-path-queries.ts';
import { upgradeTargets } from '../../resources/upgrade-paths/upgrade-targets.ts';
import { upgradeQueries } from '../../resources/upgrades/upgrade-queries.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { STATUS_TONE_COLORS, type StatusTone } from '../../shared/ui/status-badge.tsx';
import { clustersPerVersion, fleetRows, readinessCounts, type Readiness } from './fleet-view.ts';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

const FleetCharts = lazy(async () => ({ default: (await import('./fleet-charts.tsx')).FleetCharts }));

const PAGE_SIZE = 25;
const READINESS_TONE: Record<Readiness, StatusTone> = {
  failed: 'failed',
  blocked: 'failed',
  inProgress: 'moving',
  available: 'moving',
  upToDate: 'ok',
  unknown: 'idle',
};

/** What needs attention, from the list alone (no per-cluster reads): moving first, then upgradable, oldest version first. */
function listReadiness(cluster: Cluster, targets: readonly string[]): Readiness {
  if (cluster.status?.phase === 'Upgrading') return 'inProgress';
  return targets.length > 0 ? 'available' : 'upToDate';
}

function useRelativeTime() {
  const { language } = useI18n();
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return (date: Date, now: Date) => {
    const minutes = Math.round((date.getTime() - now.getTime()) / 60_000);
    if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
    const hours = Math.round(minutes / 60);
    if (Math.abs(hours) < 48) return format.format(hours, 'hour');
    return format.format(Math.round(hours / 24), 'day');
  };
}

/**
 * The Upgrades page: every cluster with its version, targets, open workflow and step, last pre-check
 * and last backup, sorted by what needs attention, and two charts (loaded on demand). The list reads
 * details for one page of clusters at a time, so a 2,000-cluster fleet costs one page of reads.
 */
export function FleetPage() {
  const { t } = useI18n();
  const relative = useRelativeTime();
  const clusters = useQuery(clusterQueries.list());
  const paths = useQuery(upgradePathQueries.all());
  const [page, setPage] = useState(1);
  const now = new Date();
  const all = (clusters.data?.items ?? []).map((cluster) => {
    const targets = upgradeTargets(cluster, paths.data?.upgradePaths);
    return { cluster, readiness: listReadiness(cluster, targets) };
  });
  const order: Record<Readiness, number> = { failed: 0, blocked: 1, inProgress: 2, available: 3, unknown: 4, upToDate: 5 };
  all.sort((a, b) => order[a.readiness] - order[b.readiness] || (a.cluster.spec?.version ?? '').localeCompare(b.cluster.spec?.version ?? ''));
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const ids = shown.map((s) => s.cluster.metadata.uid ?? '');
  const infos = useQueries({ queries: ids.map((id) => upgradeQueries.info(id)) });
  const workflows = useQueries({ queries: ids.map((id) => upgradeQueries.workflows(id)) });
  const prechecks = useQueries({ queries: ids.map((id) => upgradeQueries.prechecks(id)) });
  const snapshots = useQueries({ queries: ids.map((id) => upgradeQueries.snapshots(id)) });
  const rows = fleetRows(
    shown.map((s, i) => ({
      cluster: s.cluster,
      info: infos[i]?.data,
      workflows: workflows[i]?.data?.items,
      prechecks: prechecks[i]?.data?.items,
      snapshots: snapshots[i]?.data,
    })),
    now,
  );
  const detailed = new Map(rows.map((r) => [r.id, r.readiness]));
  const chartRows = all.map((a) => ({ version: a.cluster.spec?.version ?? '', readiness: detailed.get(a.cluster.metadata.uid ?? '') ?? a.readiness }));

  if (clusters.isError) return <ErrorPanel title={t('upgrade.fleet.loadFailed')} error={clusters.error} onRetry={() => void clusters.refetch()} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('upgrade.fleet.title')} description={t('upgrade.fleet.description')} />
      {clusters.data && (
        <Suspense fallback={<Skeleton height={260} />}>
          <FleetCharts versions={clustersPerVersion(chartRows)} readiness={readinessCounts(chartRows)} />
        </Suspense>
      )}
      <Table striped withTableBorder aria-label={t('upgrade.fleet.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('upgrade.fleet.cluster')}</Table.Th>
            <Table.Th>{t('upgrade.fleet.version')}</Table.Th>
            <Table.Th>{t('upgrade.fleet.targets')}</Table.Th>
            <Table.Th>{t('upgrade.fleet.workflow')}</Table.Th>
            <Table.Th>{t('upgrade.fleet.precheck')}</Table.Th>
            <Table.Th>{t('upgrade.fleet.backup')}</Table.Th>
            <Table.Th>{t('upgrade.fleet.readiness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Anchor component={Link} to={`/upgrades/${row.id}`}>
                  {row.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{row.patch ?? row.version}</Table.Td>
              <Table.Td>{row.targets.join(', ') || t('upgrade.fleet.none')}</Table.Td>
              <Table.Td>{row.step ? t(`upgrade.step.${row.step}`) : t('upgrade.fleet.none')}</Table.Td>
              <Table.Td>
                {row.lastPrecheck
                  ? t('upgrade.fleet.ago', {
                      verdict: t(`upgrade.fleet.verdict.${row.lastPrecheck.verdict}`),
                      time: row.lastPrecheck.at ? relative(row.lastPrecheck.at, now) : '',
                    })
                  : t('upgrade.fleet.none')}
              </Table.Td>
              <Table.Td>{row.lastBackupAt ? relative(row.lastBackupAt, now) : t('upgrade.fleet.none')}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_TONE_COLORS[READINESS_TONE[row.readiness]]} style={{ textTransform: 'none' }}>
                  {t(`upgrade.fleet.readiness.${row.readiness}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {all.length > PAGE_SIZE && (
        <Group justify="center">
          <Pagination total={Math.ceil(all.length / PAGE_SIZE)} value={page} onChange={setPage} />
        </Group>
      )}
      {clusters.data && all.length === 0 && <Text c="dimmed">{t('upgrade.history.empty')}</Text>}
    </Stack>
  );
}
