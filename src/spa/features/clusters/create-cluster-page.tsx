import { Alert, Anchor, Button, Checkbox, Code, Group, NativeSelect, Stack, Stepper, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { createCluster, CREATABLE_KUBERNETES_VERSIONS } from '../../../contract/clusters.ts';
import { callOperation } from '../../shared/api/api-client.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { contextQueries } from '../../shared/api/console-context.ts';
import { useCan } from '../../shared/auth/session.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { clusterQueries } from './cluster-queries.ts';
import { ClusterStatusBadge } from './cluster-status-badge.tsx';
import {
  buildCreateRequest,
  DEFAULT_SERVICE_CIDR,
  fieldOfApiError,
  INSTALLABLE_ADDONS,
  STEP_FIELDS,
  validateCreateForm,
  type CreateClusterForm,
  type FormErrors,
} from './create-cluster-request.ts';
import { JobProgress } from './job-progress.tsx';

const INITIAL: CreateClusterForm = {
  name: '',
  alias: '',
  description: '',
  version: CREATABLE_KUBERNETES_VERSIONS[0],
  vpc: '',
  subnet: '',
  eniSubnets: '',
  serviceCidr: DEFAULT_SERVICE_CIDR,
  enableSnat: true,
  enableSwr: true,
  enterpriseProjectId: '',
  tags: '',
  addons: ['coredns'],
};

const REVIEW_STEP = STEP_FIELDS.length;

/** The create-cluster wizard: basics → network → options → review (the exact request) → progress. */
export function CreateClusterPage() {
  const { t } = useI18n();
  const context = useQuery(contextQueries.current());
  const projectId = context.data?.projectId ?? '';
  const canOperate = useCan('operate');
  const [form, setForm] = useState<CreateClusterForm>(INITIAL);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FormErrors>({});
  const set = <K extends keyof CreateClusterForm>(key: K, value: CreateClusterForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const request = buildCreateRequest(form);

  const create = useMutation({
    mutationFn: () => callOperation(createCluster, { params: { project_id: projectId }, body: request }),
    meta: { invalidates: [clusterQueries.lists()] },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const field = fieldOfApiError(error);
      if (field) {
        setErrors({ [field]: error.message });
        setStep(STEP_FIELDS.findIndex((fields) => fields.includes(field)));
      }
    },
  });
  const created = create.data;
  const clusterId = created?.metadata.uid ?? '';
  const live = useQuery({ ...clusterQueries.detail({ projectId, clusterId }), enabled: Boolean(clusterId) });

  const firstStepWithError = (found: FormErrors) => STEP_FIELDS.findIndex((fields) => fields.some((f) => found[f]));
  const next = () => {
    const found = validateCreateForm(form);
    const stepErrors = Object.fromEntries(Object.entries(found).filter(([field]) => (STEP_FIELDS[step] ?? []).includes(field as keyof CreateClusterForm)));
    setErrors(step === REVIEW_STEP ? found : stepErrors);
    if (Object.keys(stepErrors).length === 0) setStep((s) => s + 1);
  };
  const submit = () => {
    const found = validateCreateForm(form);
    setErrors(found);
    const bad = firstStepWithError(found);
    if (bad !== -1) {
      setStep(bad);
      return;
    }
    create.mutate();
  };
  const field = (key: keyof CreateClusterForm) => ({ error: errors[key] });
  const fieldOfError = create.error instanceof ApiError ? fieldOfApiError(create.error) : undefined;

  if (created) {
    const phase = live.data?.status?.phase ?? created.status?.phase;
    return (
      <Stack gap="md" maw={760}>
        <PageHeader title={t('clusterCreate.creatingTitle', { name: created.metadata.name ?? form.name })} />
        <Group>
          <ClusterStatusBadge status={live.data?.status ?? created.status} />
          {phase === 'Available' ? <Text>{t('clusterCreate.ready')}</Text> : null}
        </Group>
        {created.status?.jobID ? <JobProgress projectId={projectId} jobId={created.status.jobID} title={t('clusterCreate.jobTitle')} /> : null}
        {live.data?.status?.reason ? <Alert color="red" variant="light">{live.data.status.reason}: {live.data.status.message}</Alert> : null}
        <Group>
          <Anchor component={Link} to={`/clusters/${encodeURIComponent(clusterId)}`}>
            {t('clusterCreate.openCluster')}
          </Anchor>
          <Anchor component={Link} to="/clusters">
            {t('clusterDetail.backToList')}
          </Anchor>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('clusterCreate.title')} description={t('clusterCreate.description')} />
      {!canOperate ? (
        <Alert color="yellow" variant="light">
          {t('roles.cannotOperate', { role: t('roles.viewer') })}
        </Alert>
      ) : null}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('clusterCreate.step.basics')}>
          <Stack gap="sm" mt="md">
            <TextInput label={t('clusterCreate.name')} description={t('clusterCreate.nameRule')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} required {...field('name')} />
            <TextInput label={t('clusterCreate.alias')} description={t('clusterCreate.aliasRule')} value={form.alias} onChange={(e) => set('alias', e.currentTarget.value)} {...field('alias')} />
            <NativeSelect label={t('clusterCreate.version')} data={[...CREATABLE_KUBERNETES_VERSIONS]} value={form.version} onChange={(e) => set('version', e.currentTarget.value)} {...field('version')} />
            <Textarea label={t('clusterDetail.field.description')} description={t('clusterEdit.descriptionRule')} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} autosize minRows={2} {...field('description')} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('clusterCreate.step.network')}>
          <Stack gap="sm" mt="md">
            <TextInput label={t('clusterCreate.vpc')} description={t('clusterCreate.vpcHint')} value={form.vpc} onChange={(e) => set('vpc', e.currentTarget.value)} required {...field('vpc')} />
            <TextInput label={t('clusterCreate.subnet')} description={t('clusterCreate.subnetHint')} value={form.subnet} onChange={(e) => set('subnet', e.currentTarget.value)} required {...field('subnet')} />
            <Textarea label={t('clusterCreate.eniSubnets')} description={t('clusterCreate.eniSubnetsHint')} value={form.eniSubnets} onChange={(e) => set('eniSubnets', e.currentTarget.value)} autosize minRows={2} {...field('eniSubnets')} />
            <TextInput label={t('clusterCreate.serviceCidr')} description={t('clusterCreate.serviceCidrHint')} value={form.serviceCidr} onChange={(e) => set('serviceCidr', e.currentTarget.value)} {...field('serviceCidr')} />
            <Switch label={t('clusterCreate.snat')} description={t('clusterCreate.snatHint')} checked={form.enableSnat} onChange={(e) => set('enableSnat', e.currentTarget.checked)} />
            <Switch label={t('clusterCreate.swr')} description={t('clusterCreate.swrHint')} checked={form.enableSwr} onChange={(e) => set('enableSwr', e.currentTarget.checked)} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('clusterCreate.step.options')}>
          <Stack gap="sm" mt="md">
            <TextInput label={t('clusterDetail.field.enterpriseProject')} description={t('clusterCreate.enterpriseHint')} value={form.enterpriseProjectId} onChange={(e) => set('enterpriseProjectId', e.currentTarget.value)} {...field('enterpriseProjectId')} />
            <Textarea label={t('clusterCreate.tags')} description={t('clusterCreate.tagsHint')} value={form.tags} onChange={(e) => set('tags', e.currentTarget.value)} autosize minRows={2} {...field('tags')} />
            <Checkbox.Group label={t('clusterCreate.addons')} description={t('clusterCreate.addonsHint')} value={form.addons} onChange={(value) => set('addons', value)} {...field('addons')}>
              <Group mt="xs">
                {INSTALLABLE_ADDONS.map((addon) => (
                  <Checkbox key={addon} value={addon} label={addon} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('clusterCreate.step.review')}>
          <Stack gap="sm" mt="md">
            <Text size="sm">{t('clusterCreate.reviewIntro')}</Text>
            <Code block aria-label={t('clusterCreate.requestLabel')}>
              {`POST /autopilot/v3/projects/${projectId}/clusters\n${JSON.stringify(request, null, 2)}`}
            </Code>
            {create.isError && !fieldOfError ? (
              <ErrorPanel title={t('clusterCreate.failed')} error={create.error} />
            ) : null}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
          {t('clusterCreate.back')}
        </Button>
        {step < REVIEW_STEP ? (
          <Button onClick={next}>{t('clusterCreate.next')}</Button>
        ) : (
          <Button onClick={submit} loading={create.isPending} disabled={!canOperate || !projectId}>
            {t('clusters.create')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
