import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sortReleaseHistory, type Release } from '../../../contract/releases.ts';
import { chartIdOf, chartQueries } from '../../resources/charts/chart-queries.ts';
import { releaseMutations } from '../../resources/releases/release-mutations.ts';
import { releaseQueries, type ReleaseRef } from '../../resources/releases/release-queries.ts';
import { releaseValuesObject, valuesAsYaml, withoutMaskedValues } from '../../resources/releases/release-values.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { LazyYamlDiff } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import './releases-messages.ts';

/** Roll back to a chosen revision, with the diff of the current values → that revision's values. */
export function RollbackReleaseDialog({
  release,
  refOf,
  initialRevision,
  onClose,
}: {
  release: Release;
  refOf: ReleaseRef;
  initialRevision?: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const history = useQuery(releaseQueries.history(refOf));
  const charts = useQuery(chartQueries.list());
  const revisions = sortReleaseHistory(history.data ?? []).filter((r) => r.version !== release.version);
  const [chosen, setChosen] = useState<string | null>(initialRevision !== undefined ? String(initialRevision) : null);
  const target = revisions.find((r) => String(r.version) === chosen) ?? revisions[0];
  const rollback = useMutation(releaseMutations.update());
  // AMBIG (digest A8): `chart_id` and `values` are mandatory on a rollback but undocumented: the
  // release's current chart (the target's when the current one is gone) and the target's values.
  const chartId =
    chartIdOf(charts.data, release.chart_name, release.chart_version) ??
    chartIdOf(charts.data, target?.chart_name, target?.chart_version) ??
    (charts.data ?? []).find((c) => c.name === release.chart_name)?.id;

  function submit() {
    if (!target?.version || !chartId) return;
    rollback.mutate(
      {
        params: { cluster_id: refOf.clusterId, namespace: refOf.namespace, name: refOf.name },
        body: {
          chart_id: chartId,
          action: 'rollback',
          parameters: { release_version: target.version },
          values: withoutMaskedValues(releaseValuesObject(target)),
        },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: t('releases.rollback.started'),
            message: t('releases.rollback.startedMessage', { name: refOf.name, revision: target.version ?? '?' }),
          });
          onClose();
        },
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('releases.close') }}
      title={t('releases.rollback.title', { name: refOf.name })}
      size="xl"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        {history.isError ? <ErrorPanel title={t('releases.history.loadFailed')} error={history.error} onRetry={() => void history.refetch()} /> : null}
        {history.isSuccess && revisions.length === 0 ? <Text>{t('releases.rollback.nothing')}</Text> : null}
        {revisions.length > 0 ? (
          <Select
            label={t('releases.rollback.revision')}
            data={revisions.map((r) => ({
              value: String(r.version),
              label: t('releases.history.revisionOption', { revision: r.version ?? '?', chart: `${r.chart_name ?? ''} ${r.chart_version ?? ''}` }),
            }))}
            value={target ? String(target.version) : null}
            onChange={setChosen}
            allowDeselect={false}
            w={320}
          />
        ) : null}
        {target ? (
          <>
            <Text size="sm">
              {t('releases.rollback.explain', {
                revision: target.version ?? '?',
                chart: `${target.chart_name ?? ''} ${target.chart_version ?? ''}`,
                next: (release.version ?? 0) + 1,
              })}
            </Text>
            <LazyYamlDiff
              label={t('releases.rollback.diff', { from: release.version ?? '?', to: target.version ?? '?' })}
              before={valuesAsYaml(release.values).text}
              after={valuesAsYaml(target.values).text}
              beforeLabel={t('releases.rollback.current', { revision: release.version ?? '?' })}
              afterLabel={t('releases.history.revision', { revision: target.version ?? '?' })}
            />
          </>
        ) : null}
        {charts.isSuccess && !chartId ? (
          <Alert color="red" role="alert">
            {t('releases.rollback.noChart', { chart: release.chart_name ?? '' })}
          </Alert>
        ) : null}
        {rollback.isError ? (
          <Alert color="red" role="alert" title={t('releases.rollback.failed')}>
            {describeError(rollback.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={rollback.isPending}>
            {t('releases.cancel')}
          </Button>
          <Button onClick={submit} loading={rollback.isPending} disabled={!target || !chartId}>
            {target ? t('releases.rollback.submit', { revision: target.version ?? '?' }) : t('releases.rollback.open')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
