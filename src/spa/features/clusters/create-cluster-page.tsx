import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Stepper, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CLUSTER_DESCRIPTION_MAX_LENGTH, CREATABLE_KUBERNETES_VERSIONS } from '../../../contract/clusters.ts';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { contextQueries } from '../../shared/api/console-context.ts';
import { useCan, useSession } from '../../shared/auth/session.ts';
import { useFormDraft } from '../../shared/forms/form-draft.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { ClusterCreationProgress } from './cluster-creation-progress.tsx';
import { NetworkStep } from './create-cluster-network-step.tsx';
import { CreateClusterReview } from './create-cluster-review.tsx';
import './clusters-messages.ts';
import './create-cluster-messages.ts';
import './cluster-detail-messages.ts';
import {
  ADDON_FLAVOR,
  apiErrorToFormErrors,
  buildCreateRequest,
  DEFAULT_SERVICE_CIDR,
  errorsOfStep,
  firstStepWithError,
  INSTALLABLE_ADDONS,
  isClusterQuotaError,
  isNameTaken,
  STEP_FIELDS,
  validateCreateForm,
  type CreateClusterForm,
} from './create-cluster-request.ts';
import '../../shared/i18n/shared-messages.ts';

const INITIAL_CREATE_FORM: CreateClusterForm = {
  name: '',
  alias: '',
  description: '',
  version: CREATABLE_KUBERNETES_VERSIONS[0],
  vpc: '',
  subnet: '',
  eniSubnets: [],
  serviceCidr: DEFAULT_SERVICE_CIDR,
  enableSnat: true,
  enableSwr: true,
  enterpriseProjectId: '',
  tags: '',
  addons: ['coredns'],
};

const REVIEW_STEP = STEP_FIELDS.length;

/**
 * The create-cluster wizard: basics (the name checked against the project's clusters) → network
 * (VPC and subnets picked by name and CIDR) → options → review (a summary, the exact request
 * collapsed) → progress.
 * One @mantine/form holds every value for all steps, validated by the contract's own schema
 * (`validateCreateForm` parses the request it would send), so nothing typed is lost when a step or
 * the API refuses: the wizard returns to the step of the field concerned, with the error on it.
 */
export function CreateClusterPage() {
  const session = useSession();
  // The shell shows pages only once signed in; the draft is per operator, so wait for who it is.
  if (!session) return <PageLoader />;
  return <CreateClusterWizard user={session.user} />;
}

function CreateClusterWizard({ user }: { user: string }) {
  const { t } = useI18n();
  const context = useQuery(contextQueries.current());
  // Only for the request preview: the call itself gets the project where every call does.
  const projectId = context.data?.projectId ?? '…';
  const canOperate = useCan('operate');
  // Kept while typing: a session that ends mid-wizard brings the operator back to these values.
  const draft = useFormDraft(`create-cluster:${user}`, INITIAL_CREATE_FORM);
  const [showRestored, setShowRestored] = useState(draft.restored);
  const form = useForm<CreateClusterForm>({
    mode: 'controlled',
    initialValues: draft.initialValues,
    validate: validateCreateForm,
    onValuesChange: (values) => draft.save(values),
  });
  const [step, setStep] = useState(0);
  const wizard = useRef<HTMLDivElement>(null);
  const [focusError, setFocusError] = useState(0);
  const queryClient = useQueryClient();
  const existing = useQuery(clusterQueries.list());
  const request = buildCreateRequest(form.values);

  // After a refusal moves the wizard to another step, put the caret in the first field in error.
  useEffect(() => {
    if (focusError === 0) return;
    wizard.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError, step]);

  const showErrors = (errors: Record<string, string | undefined>) => {
    form.setErrors(errors);
    const bad = firstStepWithError(errors);
    if (bad !== -1) {
      setStep(bad);
      setFocusError((n) => n + 1);
    }
    return bad !== -1;
  };

  const nameTaken = (name: string) => t('clusterCreate.nameTaken', { name: name.trim() });
  const create = useMutation({
    ...clusterMutations.create(),
    onSuccess: () => draft.clear(),
    onError: (error, call) => {
      if (!(error instanceof ApiError)) return;
      const errors = apiErrorToFormErrors(error);
      // Another operator took the name after step 1: said as plainly as the step-1 check says it.
      if (error.code === 'CCE.01409001' && errors.name) errors.name = nameTaken(call.body?.metadata.name ?? '');
      showErrors(errors);
    },
  });
  const fieldErrors = create.error instanceof ApiError ? apiErrorToFormErrors(create.error) : {};
  const formLevelError = create.isError && Object.keys(fieldErrors).length === 0;

  const next = async () => {
    const values = form.getValues();
    const stepErrors = errorsOfStep(validateCreateForm(values), step);
    if (step === 0 && !stepErrors.name) {
      // A duplicate name is found here, not after four steps. The list is usually cached already; if it
      // cannot be read, the create call's own refusal still lands on the name field.
      const clusters = await queryClient.ensureQueryData(clusterQueries.list()).catch(() => null);
      if (clusters && isNameTaken(clusters.items ?? [], values.name)) stepErrors.name = nameTaken(values.name);
    }
    form.setErrors(stepErrors);
    if (Object.keys(stepErrors).length === 0) setStep((s) => s + 1);
    else setFocusError((n) => n + 1);
  };
  const startOver = () => {
    draft.clear();
    form.setValues(INITIAL_CREATE_FORM);
    form.clearErrors();
    create.reset();
    setStep(0);
    setShowRestored(false);
  };
  const submit = () => {
    const values = form.getValues();
    if (showErrors(validateCreateForm(values))) return;
    create.mutate({ params: {}, body: buildCreateRequest(values) });
  };

  if (create.data) return <ClusterCreationProgress created={create.data} />;

  return (
    <Stack gap="md" maw={900} ref={wizard}>
      <PageHeader title={t('clusterCreate.title')} description={t('clusterCreate.description')} />
      {!canOperate ? (
        <Alert color="yellow" variant="light">
          {t('roles.cannotOperate', { role: t('roles.viewer') })}
        </Alert>
      ) : null}
      {showRestored ? (
        <Alert color="blue" variant="light" withCloseButton closeButtonLabel={t('common.dismiss')} onClose={() => setShowRestored(false)}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{t('clusterCreate.draftRestored')}</Text>
            <Button variant="default" size="compact-sm" onClick={startOver}>
              {t('clusterCreate.startOver')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('clusterCreate.step.basics')}>
          <Stack gap="sm" mt="md">
            <TextInput label={t('clusterCreate.name')} description={t('clusterCreate.nameRule')} required autoComplete="off" {...form.getInputProps('name')} />
            <TextInput label={t('clusterCreate.alias')} description={t('clusterCreate.aliasRule')} autoComplete="off" {...form.getInputProps('alias')} />
            <NativeSelect
              label={t('clusterCreate.version')}
              description={t('clusterCreate.versionHint')}
              data={[...CREATABLE_KUBERNETES_VERSIONS]}
              {...form.getInputProps('version')}
            />
            <Textarea
              label={t('clusterDetail.field.description')}
              description={t('clusterEdit.descriptionRule', { count: form.values.description.length, max: CLUSTER_DESCRIPTION_MAX_LENGTH })}
              rows={2}
              {...form.getInputProps('description')}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('clusterCreate.step.network')}>
          <NetworkStep form={form} clusters={existing.data?.items ?? []} />
        </Stepper.Step>
        <Stepper.Step label={t('clusterCreate.step.options')}>
          <Stack gap="sm" mt="md">
            <TextInput
              label={t('clusterDetail.field.enterpriseProject')}
              description={t('clusterCreate.enterpriseHint')}
              autoComplete="off"
              {...form.getInputProps('enterpriseProjectId')}
            />
            <Textarea label={t('clusterCreate.tags')} description={t('clusterCreate.tagsHint')} rows={3} {...form.getInputProps('tags')} />
            <Checkbox.Group label={t('clusterCreate.addons')} description={t('clusterCreate.addonsHint')} {...form.getInputProps('addons')}>
              <Stack gap="xs" mt="xs">
                {INSTALLABLE_ADDONS.map((addon) => (
                  <Checkbox
                    key={addon}
                    value={addon}
                    label={addon}
                    description={t('clusterCreate.addonFlavor', {
                      flavor: ADDON_FLAVOR.name,
                      replicas: ADDON_FLAVOR.replicas,
                      cpu: ADDON_FLAVOR.limitsCpu,
                      memory: ADDON_FLAVOR.limitsMem,
                    })}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('clusterCreate.step.review')}>
          <Stack gap="sm" mt="md">
            <Text size="sm">{t('clusterCreate.reviewIntro')}</Text>
            {step === REVIEW_STEP ? (
              <CreateClusterReview values={form.values} request={request} requestLine={`POST /autopilot/v3/projects/${projectId}/clusters`} />
            ) : null}
            {formLevelError ? (
              <ErrorPanel title={isClusterQuotaError(create.error) ? t('clusterCreate.quotaFailed') : t('clusterCreate.failed')} error={create.error} />
            ) : null}
            {formLevelError && isClusterQuotaError(create.error) ? (
              <Text size="sm">
                {t('clusterCreate.quotaHint')}{' '}
                <Anchor component={Link} to="/quotas">
                  {t('clusterCreate.openQuotas')}
                </Anchor>
              </Text>
            ) : null}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
          {t('clusterCreate.back')}
        </Button>
        {step < REVIEW_STEP ? (
          <Button onClick={() => void next()}>{t('clusterCreate.next')}</Button>
        ) : (
          <Button onClick={submit} loading={create.isPending} disabled={!canOperate}>
            {t('clusters.create')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
