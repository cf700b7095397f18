import { Anchor, Badge, Button, EmptyState, Stack, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { chartQueries } from '../../resources/charts/chart-queries.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { TableSkeleton } from '../../shared/ui/table-skeleton.tsx';
import { Timestamp } from '../../shared/ui/timestamp.tsx';
import { ChartQuotaMeter } from './chart-quota-meter.tsx';
import { ChartPackageDialog } from './chart-package-dialog.tsx';
import { useChartUsage } from './chart-usage.ts';
import './charts-messages.ts';

export function ChartsPage() {
  const { t, tn } = useI18n();
  const charts = useQuery(chartQueries.list());
  const usage = useChartUsage();
  const [uploading, upload] = useDisclosure(false);
  const rows = [...(charts.data ?? [])].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || (b.create_at ?? '').localeCompare(a.create_at ?? ''));
  return (
    <Stack gap="md">
      <PageHeader
        title={t('charts.title')}
        description={t('charts.description')}
        actions={
          <PermissionGate capability="operate">
            {({ disabled }) => (
              <Button disabled={disabled} onClick={upload.open}>
                {t('charts.upload.open')}
              </Button>
            )}
          </PermissionGate>
        }
      />
      <ChartQuotaMeter />
      {charts.isError ? (
        <ErrorPanel title={t('charts.loadFailed')} error={charts.error} onRetry={() => void charts.refetch()} />
      ) : !charts.data ? (
        <TableSkeleton />
      ) : rows.length === 0 ? (
        <EmptyState title={t('charts.empty')} description={t('charts.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('charts.tableLabel')} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('charts.column.name')}</Table.Th>
                <Table.Th>{t('charts.column.version')}</Table.Th>
                <Table.Th>{t('charts.column.description')}</Table.Th>
                <Table.Th>{t('charts.column.visibility')}</Table.Th>
                <Table.Th>{t('charts.column.updated')}</Table.Th>
                <Table.Th>{t('charts.column.usedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((chart) => {
                const uses = usage.usesOf(chart).length;
                return (
                  <Table.Tr key={chart.id ?? `${chart.name}@${chart.version}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/charts/${encodeURIComponent(chart.id ?? '')}`}
                        aria-label={t('charts.openChart', { name: chart.name ?? '', version: chart.version ?? '' })}
                      >
                        {chart.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{chart.version}</Table.Td>
                    <Table.Td>{chart.description || '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={chart.public ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
                        {chart.public ? t('charts.public') : t('charts.private')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{chart.update_at ? <Timestamp value={chart.update_at} /> : '—'}</Table.Td>
                    <Table.Td>{usage.complete ? tn('charts.usedBy', uses) : uses > 0 ? tn('charts.usedByAtLeast', uses) : '…'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {uploading ? <ChartPackageDialog onClose={upload.close} /> : null}
    </Stack>
  );
}
