import { Alert, Button, Group, Modal, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { hasMaskedValues, type Release, type UpdateReleaseBody } from '../../../contract/releases.ts';
import { chartIdOf, chartQueries, chartVersions } from '../../resources/charts/chart-queries.ts';
import { releaseDryRuns, releaseMutations } from '../../resources/releases/release-mutations.ts';
import type { ReleaseRef } from '../../resources/releases/release-queries.ts';
import { releaseValuesObject, upgradePreview, valuesAsYaml, withoutMaskedValues } from '../../resources/releases/release-values.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { LazyYamlDiff, LazyYamlEditor } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import { toYamlText } from '../../shared/ui/yaml-editor/yaml-text.ts';
import { DryRunResult, type DryRun } from './dry-run-result.tsx';
import './releases-messages.ts';

type Mode = 'reset' | 'reuse';

/**
 * Upgrade: another version of the chart and/or new values. Three columns — the chosen version's
 * defaults, the values deployed now, the new values — and the diff of deployed → what the release
 * will have, computed by the same rule the service applies to the reset/reuse choice.
 */
export function UpgradeReleaseDialog({ release, refOf, onClose }: { release: Release; refOf: ReleaseRef; onClose: () => void }) {
  const { t } = useI18n();
  const charts = useQuery(chartQueries.list());
  const versions = chartVersions(charts.data, release.chart_name);
  const [chartId, setChartId] = useState<string | null>(chartIdOf(charts.data, release.chart_name, release.chart_version) ?? null);
  const effectiveChartId = chartId ?? chartIdOf(charts.data, release.chart_name, release.chart_version) ?? null;
  const defaults = useQuery({ ...chartQueries.values(effectiveChartId ?? ''), enabled: effectiveChartId !== null });
  const deployed = releaseValuesObject(release);
  const deployedText = valuesAsYaml(release.values).text;
  const [mode, setMode] = useState<Mode>('reset');
  const [newText, setNewText] = useState(deployedText);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const upgrade = useMutation(releaseMutations.update());
  const preview = useMutation(releaseDryRuns.update());
  const masked = hasMaskedValues(deployed);
  const result = upgradePreview(mode === 'reuse' ? withoutMaskedValues(deployed) : deployed, newText, mode === 'reset');
  const target = versions.find((c) => c.id === effectiveChartId);

  function body(dry: boolean): UpdateReleaseBody | null {
    if (!result.ok || !effectiveChartId) return null;
    // Masked secrets are never sent back as the mask: merged, an omitted key keeps the stored secret.
    const values = mode === 'reuse' ? withoutMaskedValues(result.sent) : result.sent;
    return { chart_id: effectiveChartId, action: 'upgrade', parameters: { ...(dry ? { dry_run: true } : {}), reset_values: mode === 'reset' }, values };
  }
  const params = { cluster_id: refOf.clusterId, namespace: refOf.namespace, name: refOf.name };

  function runDry() {
    const request = body(true);
    if (!request) return;
    preview.mutate({ params, body: request }, { onSuccess: (answer) => setDryRun({ request, answer }), onError: (error) => setDryRun({ request, error }) });
  }

  function submit() {
    const request = body(false);
    if (!request) return;
    upgrade.mutate(
      { params, body: request },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: t('releases.upgrade.started'), message: t('releases.upgrade.startedMessage', { name: refOf.name }) });
          onClose();
        },
      },
    );
  }

  const busy = upgrade.isPending || preview.isPending;
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('releases.close') }}
      title={t('releases.upgrade.title', { name: refOf.name })}
      size="100%"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Group align="flex-end" gap="lg">
          <Select
            label={t('releases.upgrade.version')}
            description={t('releases.upgrade.versionHint', { chart: release.chart_name ?? '', current: release.chart_version ?? '' })}
            data={versions.map((c) => ({
              value: c.id ?? '',
              label: c.version === release.chart_version ? t('releases.upgrade.currentVersion', { version: c.version ?? '' }) : (c.version ?? ''),
            }))}
            value={effectiveChartId}
            onChange={(v) => {
              setChartId(v);
              setDryRun(null);
            }}
            allowDeselect={false}
            w={280}
            disabled={busy}
          />
          <Radio.Group
            label={t('releases.upgrade.mode')}
            value={mode}
            onChange={(v) => {
              setMode(v as Mode);
              setDryRun(null);
            }}
          >
            <Stack gap={6} mt={6}>
              <Radio value="reset" label={t('releases.upgrade.mode.reset')} description={t('releases.upgrade.mode.resetHint')} />
              <Radio value="reuse" label={t('releases.upgrade.mode.reuse')} description={t('releases.upgrade.mode.reuseHint')} />
            </Stack>
          </Radio.Group>
        </Group>
        {!effectiveChartId && charts.isSuccess ? (
          <Alert color="red" role="alert">
            {t('releases.upgrade.noChart', { chart: `${release.chart_name ?? ''} ${release.chart_version ?? ''}` })}
          </Alert>
        ) : null}
        {masked ? (
          <Alert color="yellow" title={t('releases.values.maskedTitle')}>
            {mode === 'reuse' ? t('releases.values.maskedReuse') : t('releases.values.maskedReset')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          <LazyYamlEditor
            label={t('releases.upgrade.defaults', { version: target?.version ?? '' })}
            value={defaults.data ? toYamlText(defaults.data.values ?? {}) : ''}
            readOnly
            maxHeight={360}
          />
          <LazyYamlEditor label={t('releases.upgrade.deployed', { revision: release.version ?? '?' })} value={deployedText} readOnly maxHeight={360} />
          <LazyYamlEditor
            label={t('releases.upgrade.new')}
            description={mode === 'reuse' ? t('releases.upgrade.newReuseHint') : t('releases.upgrade.newResetHint')}
            value={newText}
            onChange={(text) => {
              setNewText(text);
              setDryRun(null);
            }}
            mapping
            maxHeight={360}
          />
        </SimpleGrid>
        {result.ok ? (
          <LazyYamlDiff
            label={t('releases.upgrade.diff')}
            before={deployedText}
            after={result.resultText}
            beforeLabel={t('releases.upgrade.deployed', { revision: release.version ?? '?' })}
            afterLabel={t('releases.upgrade.after')}
          />
        ) : (
          <Text c="red" size="sm">
            {t('releases.values.invalid')}
          </Text>
        )}
        {dryRun ? <DryRunResult run={dryRun} /> : null}
        {upgrade.isError ? (
          <Alert color="red" role="alert" title={t('releases.upgrade.failed')}>
            {describeError(upgrade.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('releases.cancel')}
          </Button>
          <Button variant="light" onClick={runDry} loading={preview.isPending} disabled={!result.ok || !effectiveChartId || upgrade.isPending}>
            {t('releases.dryRun.run')}
          </Button>
          <Button onClick={submit} loading={upgrade.isPending} disabled={!result.ok || !effectiveChartId || preview.isPending}>
            {t('releases.upgrade.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
