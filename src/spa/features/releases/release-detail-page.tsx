import { Alert, Anchor, Button, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isFailedReleaseStatus, isTransitionalReleaseStatus, sortReleaseHistory } from '../../../contract/releases.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { releaseQueries, type ReleaseRef } from '../../resources/releases/release-queries.ts';
import { ReleaseStatusBadge, describeReleaseStatus } from '../../resources/releases/release-status.tsx';
import { valuesAsYaml } from '../../resources/releases/release-values.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { Timestamp } from '../../shared/ui/timestamp.tsx';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { LazyYamlEditor } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import { DeleteReleaseDialog } from './delete-release-dialog.tsx';
import { releasesOfCluster } from './release-links.ts';
import { RevisionCompare } from './revision-compare.tsx';
import { RollbackReleaseDialog } from './rollback-release-dialog.tsx';
import { UpgradeReleaseDialog } from './upgrade-release-dialog.tsx';
import './releases-messages.ts';

type Dialog = { kind: 'upgrade' } | { kind: 'rollback'; revision?: number } | { kind: 'delete' } | null;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

/**
 * One release: its status (pending ones refresh until they settle), values and every revision; upgrade,
 * roll back and delete. A release stuck failed, unknown or pending stays manageable: rollback and delete
 * are offered in every state but deleting; only an upgrade waits for a pending one to settle.
 */
export function ReleaseDetailPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const ref: ReleaseRef = { clusterId: params.clusterId ?? '', namespace: params.namespace ?? '', name: params.name ?? '' };
  const release = useQuery(releaseQueries.detail(ref));
  const history = useQuery(releaseQueries.history(ref));
  const cluster = useQuery(clusterQueries.detail(ref.clusterId));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState<string | null>('values');
  const clusterName = cluster.data?.metadata?.name ?? ref.clusterId;

  const back = (
    <Anchor component={Link} to={releasesOfCluster(ref.clusterId)} size="sm">
      {t('releases.detail.back', { cluster: clusterName })}
    </Anchor>
  );
  if (release.isError) {
    return (
      <Stack gap="md">
        {back}
        <ErrorPanel title={t('releases.detail.loadFailed', { name: ref.name })} error={release.error} onRetry={() => void release.refetch()} />
      </Stack>
    );
  }
  if (!release.data) return <PageLoader />;
  const r = release.data;
  const status = describeReleaseStatus(t, r);
  const pending = isTransitionalReleaseStatus(r.status) && r.status !== 'DELETING';
  const deleting = r.status === 'DELETING';
  const troubled = isFailedReleaseStatus(r.status) || pending;
  const revisions = sortReleaseHistory(history.data ?? []);

  const action = (label: string, onClick: () => void, blockedReason?: string, color?: string) => (
    <PermissionGate capability="operate">
      {({ disabled }) =>
        blockedReason && !disabled ? (
          <Tooltip label={blockedReason}>
            <span tabIndex={0} style={{ display: 'inline-block' }}>
              <Button variant="default" disabled>
                {label}
              </Button>
            </span>
          </Tooltip>
        ) : (
          <Button variant={color ? 'light' : 'default'} color={color} disabled={disabled} onClick={onClick}>
            {label}
          </Button>
        )
      }
    </PermissionGate>
  );

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('releases.detail.title', { name: ref.name })}
        description={t('releases.detail.subtitle', { chart: `${r.chart_name ?? ''} ${r.chart_version ?? ''}`, namespace: ref.namespace, cluster: clusterName })}
        actions={
          <>
            {action(
              t('releases.upgrade.open'),
              () => setDialog({ kind: 'upgrade' }),
              deleting ? t('releases.blocked.deleting') : pending ? t('releases.blocked.pending') : undefined,
            )}
            {action(t('releases.rollback.open'), () => setDialog({ kind: 'rollback' }), deleting ? t('releases.blocked.deleting') : undefined)}
            {action(t('releases.delete.open'), () => setDialog({ kind: 'delete' }), deleting ? t('releases.blocked.deleting') : undefined, 'red')}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Field label={t('releases.column.status')}>
          <ReleaseStatusBadge release={r} />
        </Field>
        <Field label={t('releases.column.revision')}>{r.version ?? '—'}</Field>
        <Field label={t('releases.column.chart')}>{`${r.chart_name ?? ''} ${r.chart_version ?? ''}`}</Field>
        <Field label={t('releases.column.updated')}>{r.update_at ? <Timestamp value={r.update_at} /> : '—'}</Field>
      </SimpleGrid>
      {r.status_description ? <Text size="sm">{t('releaseStatus.description', { description: r.status_description })}</Text> : null}
      {troubled ? (
        <Alert color={pending ? 'blue' : 'red'} title={status.label}>
          {status.meaning} {status.todo}
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="values">{t('releases.detail.values')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('releases.detail.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="values" pt="md">
          <LazyYamlEditor
            label={t('releases.detail.valuesLabel', { revision: r.version ?? '?' })}
            description={t('releases.detail.valuesHint')}
            value={valuesAsYaml(r.values).text}
            readOnly
            maxHeight={520}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          {history.isError ? (
            <ErrorPanel title={t('releases.history.loadFailed')} error={history.error} onRetry={() => void history.refetch()} />
          ) : !history.data ? (
            <PageLoader />
          ) : (
            <Stack gap="lg">
              <Table aria-label={t('releases.history.tableLabel', { name: ref.name })} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('releases.column.revision')}</Table.Th>
                    <Table.Th>{t('releases.column.status')}</Table.Th>
                    <Table.Th>{t('releases.column.chart')}</Table.Th>
                    <Table.Th>{t('releases.history.time')}</Table.Th>
                    <Table.Th>{t('releases.history.description')}</Table.Th>
                    <Table.Th>{t('releases.history.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {revisions.map((rev) => (
                    <Table.Tr key={rev.version}>
                      <Table.Td>{rev.version}</Table.Td>
                      <Table.Td>
                        <ReleaseStatusBadge release={rev} />
                      </Table.Td>
                      <Table.Td>{`${rev.chart_name ?? ''} ${rev.chart_version ?? ''}`}</Table.Td>
                      <Table.Td>{rev.update_at ? <Timestamp value={rev.update_at} /> : '—'}</Table.Td>
                      <Table.Td>{rev.status_description || '—'}</Table.Td>
                      <Table.Td>
                        {rev.version !== r.version && !deleting ? (
                          <PermissionGate capability="operate">
                            {({ disabled }) => (
                              <Button size="xs" variant="subtle" disabled={disabled} onClick={() => setDialog({ kind: 'rollback', revision: rev.version })}>
                                {t('releases.rollback.toRevision', { revision: rev.version ?? '?' })}
                              </Button>
                            )}
                          </PermissionGate>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {revisions.length > 1 ? (
                <RevisionCompare history={revisions} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('releases.history.single')}
                </Text>
              )}
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
      {dialog?.kind === 'upgrade' ? <UpgradeReleaseDialog release={r} refOf={ref} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'rollback' ? <RollbackReleaseDialog release={r} refOf={ref} initialRevision={dialog.revision} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? (
        <DeleteReleaseDialog
          refOf={ref}
          clusterName={clusterName}
          onClose={() => setDialog(null)}
          onDeleted={() => void navigate(releasesOfCluster(ref.clusterId))}
        />
      ) : null}
    </Stack>
  );
}
