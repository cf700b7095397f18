import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { upgradeQueries } from '../../resources/upgrades/upgrade-queries.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { formatCountdown } from './wizard-format.ts';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

interface Row {
  key: string;
  started: Date | undefined;
  ended: Date | undefined;
  cells: ReactNode[];
}

function HistoryTable({ title, headers, rows }: { title: string; headers: string[]; rows: Row[] }) {
  const { t, formatDateTime } = useI18n();
  const sorted = [...rows].sort((a, b) => (b.started?.getTime() ?? 0) - (a.started?.getTime() ?? 0));
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('upgrade.history.empty')}
        </Text>
      ) : (
        <Table striped withTableBorder aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('upgrade.history.created')}</Table.Th>
              <Table.Th>{t('upgrade.history.ended')}</Table.Th>
              <Table.Th>{t('upgrade.history.duration')}</Table.Th>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.started ? formatDateTime(row.started) : ''}</Table.Td>
                <Table.Td>{row.ended ? formatDateTime(row.ended) : ''}</Table.Td>
                <Table.Td>{row.started && row.ended ? formatCountdown(row.ended.getTime() - row.started.getTime()) : ''}</Table.Td>
                {row.cells.map((cell, i) => (
                  <Table.Td key={i}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Past workflows, upgrade tasks, pre-checks and backups of one cluster, newest first, and who did what (audit trail). */
export function UpgradeHistory({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const workflows = useQuery(upgradeQueries.workflows(clusterId));
  const tasks = useQuery(upgradeQueries.upgradeTasks(clusterId));
  const prechecks = useQuery(upgradeQueries.prechecks(clusterId));
  const snapshots = useQuery(upgradeQueries.snapshots(clusterId));
  const status = (s: string | undefined) => s ?? '—';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/audit?target=${encodeURIComponent(clusterId)}`} size="sm">
        {t('upgrade.history.audit')}
      </Anchor>
      <HistoryTable
        title={t('upgrade.history.workflows')}
        headers={[t('upgrade.history.versions'), t('upgrade.history.status')]}
        rows={(workflows.data?.items ?? []).map((w) => {
          const phase = w.status?.phase ?? 'Init';
          const finished = phase === 'Success' || phase === 'Cancel';
          return {
            key: w.metadata?.uid ?? '',
            started: parseCceTimestamp(w.metadata?.creationTimestamp),
            ended: finished ? parseCceTimestamp(w.metadata?.updateTimestamp) : undefined,
            cells: [`${w.spec?.clusterVersion ?? '?'} → ${w.spec?.targetVersion ?? '?'}`, status(phase)],
          };
        })}
      />
      <HistoryTable
        title={t('upgrade.history.tasks')}
        headers={[t('upgrade.history.versions'), t('upgrade.history.status'), t('upgrade.history.progress')]}
        rows={(tasks.data?.items ?? []).map((task) => ({
          key: task.metadata?.uid ?? '',
          started: parseCceTimestamp(task.metadata?.creationTimestamp),
          ended: parseCceTimestamp(task.status?.completionTime),
          cells: [`${task.spec?.version ?? '?'} → ${task.spec?.targetVersion ?? '?'}`, status(task.status?.phase), `${task.status?.progress ?? '—'} %`],
        }))}
      />
      <HistoryTable
        title={t('upgrade.history.prechecks')}
        headers={[t('upgrade.history.versions'), t('upgrade.history.status'), t('upgrade.history.skipped')]}
        rows={(prechecks.data?.items ?? []).map((p) => ({
          key: p.metadata?.uid ?? '',
          started: parseCceTimestamp(p.metadata?.creationTimestamp),
          ended: p.status?.phase === 'Init' || p.status?.phase === 'Running' ? undefined : parseCceTimestamp(p.metadata?.updateTimestamp),
          cells: [
            `${p.spec?.clusterVersion ?? '?'} → ${p.spec?.targetVersion ?? '?'}`,
            status(p.status?.phase),
            (p.spec?.skippedCheckItemList ?? []).map((s) => s.name).join(', ') || '—',
          ],
        }))}
      />
      <HistoryTable
        title={t('upgrade.history.backups')}
        headers={[t('upgrade.history.status'), t('upgrade.history.progress')]}
        rows={(snapshots.data?.items ?? []).map((s) => ({
          key: s.metadata?.uid ?? '',
          started: parseCceTimestamp(s.metadata?.creationTimestamp),
          ended: parseCceTimestamp(s.status?.completionTime),
          cells: [status(s.status?.phase), `${s.status?.progress ?? '—'} %`],
        }))}
      />
    </Stack>
  );
}
