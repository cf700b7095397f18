import { Alert, Anchor, Badge, Button, Group, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { chartArchiveFileName, downloadChart, type Chart } from '../../../contract/charts.ts';
import { chartMutations } from '../../resources/charts/chart-mutations.ts';
import { chartQueries } from '../../resources/charts/chart-queries.ts';
import { operationUrl } from '../../shared/api/api-client.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { Timestamp } from '../../shared/ui/timestamp.tsx';
import { LazyYamlEditor } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import { toYamlText } from '../../shared/ui/yaml-editor/yaml-text.ts';
import { ChartPackageDialog } from './chart-package-dialog.tsx';
import { useChartUsage, type ChartUse } from './chart-usage.ts';
import './charts-messages.ts';

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

function releaseLink(use: ChartUse): string {
  return `/releases/${encodeURIComponent(use.clusterId)}/${encodeURIComponent(use.release.namespace ?? '')}/${encodeURIComponent(use.release.name ?? '')}`;
}

function DeleteChartDialog({ chart, uses, complete, onClose }: { chart: Chart; uses: ChartUse[]; complete: boolean; onClose: () => void }) {
  const { t, tn } = useI18n();
  const navigate = useNavigate();
  const remove = useMutation(chartMutations.delete());
  const name = `${chart.name ?? ''} ${chart.version ?? ''}`;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('charts.close') }} title={t('charts.delete.title', { name })}>
      <Stack gap="md">
        <Text>{t('charts.delete.body', { name })}</Text>
        {uses.length > 0 ? (
          <Alert color="yellow" role="alert" title={tn('charts.delete.inUse', uses.length)}>
            <List size="sm">
              {uses.map((use) => (
                <List.Item key={`${use.clusterId}/${use.release.namespace}/${use.release.name}`}>
                  {t('charts.delete.use', { release: use.release.name ?? '', namespace: use.release.namespace ?? '', cluster: use.clusterName })}
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {t('charts.delete.inUseHint')}
            </Text>
          </Alert>
        ) : !complete ? (
          <Text size="sm" c="dimmed">
            {t('charts.delete.usageUnknown')}
          </Text>
        ) : null}
        {remove.isError ? (
          <Alert color="red" role="alert" title={t('charts.delete.failed')}>
            {describeError(remove.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={remove.isPending}>
            {t('charts.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { params: { chart_id: chart.id ?? '' } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', title: t('charts.delete.done'), message: t('charts.delete.doneMessage', { name }) });
                    void navigate('/charts');
                  },
                },
              )
            }
          >
            {t('charts.delete.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ChartDetailPage() {
  const { t, tn } = useI18n();
  const { chartId = '' } = useParams();
  const chart = useQuery(chartQueries.detail(chartId));
  const values = useQuery(chartQueries.values(chartId));
  const usage = useChartUsage();
  const [updating, update] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  if (chart.isError) return <ErrorPanel title={t('charts.detail.loadFailed')} error={chart.error} onRetry={() => void chart.refetch()} />;
  if (!chart.data) return <PageLoader />;
  const c = chart.data;
  const uses = usage.usesOf(c);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/charts" size="sm">
        {t('charts.detail.back')}
      </Anchor>
      <PageHeader
        title={t('charts.detail.title', { name: c.name ?? '', version: c.version ?? '' })}
        description={c.description || undefined}
        actions={
          <>
            <Button component="a" variant="default" href={operationUrl(downloadChart, { chart_id: c.id ?? chartId })} download={chartArchiveFileName(c)}>
              {t('charts.detail.download')}
            </Button>
            <PermissionGate capability="operate">
              {({ disabled }) => (
                <Button variant="default" disabled={disabled} onClick={update.open}>
                  {t('charts.update.open')}
                </Button>
              )}
            </PermissionGate>
            <PermissionGate capability="operate">
              {({ disabled }) => (
                <Button color="red" variant="light" disabled={disabled} onClick={del.open}>
                  {t('charts.delete.open')}
                </Button>
              )}
            </PermissionGate>
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Field label={t('charts.column.version')}>{c.version ?? '—'}</Field>
        <Field label={t('charts.column.visibility')}>
          <Badge variant="light" color={c.public ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
            {c.public ? t('charts.public') : t('charts.private')}
          </Badge>
        </Field>
        <Field label={t('charts.detail.package')}>{c.chart_url || '—'}</Field>
        <Field label={t('charts.detail.created')}>{c.create_at ? <Timestamp value={c.create_at} /> : '—'}</Field>
        <Field label={t('charts.column.updated')}>{c.update_at ? <Timestamp value={c.update_at} /> : '—'}</Field>
        <Field label={t('charts.detail.icon')}>{c.icon_url || '—'}</Field>
        <Field label={t('charts.detail.instruction')}>{c.instruction || '—'}</Field>
        <Field label={t('charts.detail.id')}>{c.id}</Field>
        <Field label={t('charts.column.usedBy')}>
          {uses.length === 0 ? (
            usage.complete ? (
              t('charts.detail.unused')
            ) : (
              '…'
            )
          ) : (
            <Stack gap={2}>
              <span>{tn('charts.usedBy', uses.length)}</span>
              {uses.map((use) => (
                <Anchor key={releaseLink(use)} component={Link} to={releaseLink(use)} size="sm">
                  {t('charts.delete.use', { release: use.release.name ?? '', namespace: use.release.namespace ?? '', cluster: use.clusterName })}
                </Anchor>
              ))}
            </Stack>
          )}
        </Field>
      </SimpleGrid>
      {values.isError ? (
        <ErrorPanel title={t('charts.detail.valuesFailed')} error={values.error} onRetry={() => void values.refetch()} />
      ) : values.data ? (
        <LazyYamlEditor
          label={t('charts.detail.values')}
          description={t('charts.detail.valuesHint')}
          value={toYamlText(values.data.values ?? {})}
          readOnly
          maxHeight={560}
        />
      ) : (
        <PageLoader />
      )}
      {updating ? <ChartPackageDialog chart={c} onClose={update.close} /> : null}
      {deleting ? <DeleteChartDialog chart={c} uses={uses} complete={usage.complete} onClose={del.close} /> : null}
    </Stack>
  );
}
