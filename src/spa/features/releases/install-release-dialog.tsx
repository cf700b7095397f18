import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { namespaceSchema, releaseNameSchema, type CreateReleaseBody } from '../../../contract/releases.ts';
import { localizeValidationMessage } from '../../shared/forms/validation-messages.ts';
import { chartQueries, chartVersions } from '../../resources/charts/chart-queries.ts';
import { releaseDryRuns, releaseMutations } from '../../resources/releases/release-mutations.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { apiErrorToFieldErrors, type FieldErrors } from '../../shared/forms/field-errors.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import { LazyYamlEditor } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import { checkYamlMapping, toYamlText } from '../../shared/ui/yaml-editor/yaml-text.ts';
import { DryRunResult, type DryRun } from './dry-run-result.tsx';
import { releaseDetailLink } from './release-links.ts';
import './releases-messages.ts';

type Field = 'chart' | 'name' | 'namespace' | 'values';

const firstError = (schema: typeof releaseNameSchema, value: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : localizeValidationMessage(parsed.error.issues[0]!.message);
};

/**
 * Install a chart as a release: chart and version, name and namespace (checked as Helm and Kubernetes
 * names as they are typed), values in the YAML editor starting from the chart's defaults, the options.
 * "Dry run" shows the request and the API's answer before anything is installed.
 */
export function InstallReleaseDialog({ clusterId, clusterName, onClose }: { clusterId: string; clusterName: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const charts = useQuery(chartQueries.list());
  const [chartName, setChartName] = useState<string | null>(null);
  const [chartId, setChartId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [namespace, setNamespace] = useState('default');
  const [description, setDescription] = useState('');
  const [valuesText, setValuesText] = useState('');
  const [noHooks, setNoHooks] = useState(false);
  const [replace, setReplace] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors<Field>>({});
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const defaults = useQuery({ ...chartQueries.values(chartId ?? ''), enabled: chartId !== null });
  const create = useMutation(releaseMutations.create());
  const preview = useMutation(releaseDryRuns.create());

  const names = [...new Set((charts.data ?? []).map((c) => c.name ?? ''))].filter(Boolean).sort();
  const versions = chartVersions(charts.data, chartName ?? undefined);
  const chosen = versions.find((c) => c.id === chartId);

  // The editor starts from the chosen version's defaults (values.yaml), and follows a change of version.
  useEffect(() => {
    if (defaults.data) setValuesText(toYamlText(defaults.data.values ?? {}));
  }, [defaults.data]);

  const values = checkYamlMapping(valuesText);
  const errors: FieldErrors<Field> = {
    ...(chartId ? {} : { chart: t('releases.install.chartRequired') }),
    ...(firstError(releaseNameSchema, name) ? { name: firstError(releaseNameSchema, name) } : {}),
    ...(firstError(namespaceSchema, namespace) ? { namespace: firstError(namespaceSchema, namespace) } : {}),
    ...(values.ok ? {} : { values: t('releases.values.invalid') }),
  };
  const shown = (field: Field) => serverErrors[field] ?? (touched[field] ? errors[field] : undefined);
  const valid = Object.keys(errors).length === 0;

  function body(dry: boolean): CreateReleaseBody | null {
    setTouched({ chart: true, name: true, namespace: true, values: true });
    if (!valid || !chosen || !values.ok) return null;
    const parameters = { ...(dry ? { dry_run: true } : {}), ...(noHooks ? { no_hooks: true } : {}), ...(replace ? { replace: true } : {}) };
    return {
      chart_id: chosen.id ?? '',
      name,
      namespace,
      version: chosen.version ?? '',
      ...(description ? { description } : {}),
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      values: values.value,
    };
  }

  function onRefused(error: unknown) {
    if (error instanceof ApiError)
      setServerErrors(
        apiErrorToFieldErrors<Field>(error, (path) =>
          ['name', 'namespace', 'values'].includes(path.split('.')[0]!) ? (path.split('.')[0] as Field) : path === 'chart_id' ? 'chart' : undefined,
        ),
      );
  }

  function runDry() {
    const request = body(true);
    if (!request) return;
    setServerErrors({});
    preview.mutate(
      { params: { cluster_id: clusterId }, body: request },
      { onSuccess: (answer) => setDryRun({ request, answer }), onError: (error) => setDryRun({ request, error }) },
    );
  }

  function submit() {
    const request = body(false);
    if (!request) return;
    setServerErrors({});
    create.mutate(
      { params: { cluster_id: clusterId }, body: request },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: t('releases.install.started'),
            message: t('releases.install.startedMessage', { name, namespace, cluster: clusterName }),
          });
          onClose();
          void navigate(releaseDetailLink({ clusterId, namespace, name }));
        },
        onError: onRefused,
      },
    );
  }

  const busy = create.isPending || preview.isPending;
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('releases.close') }}
      title={t('releases.install.title', { cluster: clusterName })}
      size="xl"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('releases.install.chart')}
            data={names}
            value={chartName}
            onChange={(value) => {
              setChartName(value);
              const newest = chartVersions(charts.data, value ?? undefined)[0];
              setChartId(newest?.id ?? null);
              setTouched((x) => ({ ...x, chart: true }));
            }}
            searchable
            withAsterisk
            error={shown('chart')}
            disabled={busy}
          />
          <Select
            label={t('releases.install.version')}
            data={versions.map((c) => ({ value: c.id ?? '', label: c.version ?? '' }))}
            value={chartId}
            onChange={setChartId}
            disabled={!chartName || busy}
            allowDeselect={false}
            withAsterisk
          />
          <TextInput
            label={t('releases.install.name')}
            description={t('releases.install.nameHint')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setServerErrors({});
            }}
            onBlur={() => setTouched((x) => ({ ...x, name: true }))}
            error={shown('name')}
            withAsterisk
            disabled={busy}
          />
          <TextInput
            label={t('releases.install.namespace')}
            description={t('releases.install.namespaceHint')}
            value={namespace}
            onChange={(e) => {
              setNamespace(e.currentTarget.value);
              setServerErrors({});
            }}
            onBlur={() => setTouched((x) => ({ ...x, namespace: true }))}
            error={shown('namespace')}
            withAsterisk
            disabled={busy}
          />
        </SimpleGrid>
        <TextInput label={t('releases.install.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} disabled={busy} />
        {chosen ? (
          <Stack gap={4}>
            <LazyYamlEditor
              label={t('releases.install.values')}
              description={t('releases.install.valuesHint', { chart: `${chosen.name ?? ''} ${chosen.version ?? ''}` })}
              value={valuesText}
              onChange={(text) => {
                setValuesText(text);
                setDryRun(null);
              }}
              mapping
              error={serverErrors.values}
              minHeight={200}
              maxHeight={360}
            />
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => defaults.data && setValuesText(toYamlText(defaults.data.values ?? {}))}
                disabled={!defaults.data}
              >
                {t('releases.install.resetValues')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('releases.install.pickChart')}
          </Text>
        )}
        <Group gap="lg">
          <Checkbox
            label={t('releases.option.noHooks')}
            description={t('releases.option.noHooksHint')}
            checked={noHooks}
            onChange={(e) => setNoHooks(e.currentTarget.checked)}
            disabled={busy}
          />
          <Checkbox
            label={t('releases.option.replace')}
            description={t('releases.option.replaceHint')}
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
            disabled={busy}
          />
        </Group>
        {dryRun ? <DryRunResult run={dryRun} /> : null}
        {create.isError && Object.keys(serverErrors).length === 0 ? (
          <Alert color="red" role="alert" title={t('releases.install.failed')}>
            {describeError(create.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('releases.cancel')}
          </Button>
          <Button variant="light" onClick={runDry} loading={preview.isPending} disabled={create.isPending}>
            {t('releases.dryRun.run')}
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={preview.isPending}>
            {t('releases.install.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
