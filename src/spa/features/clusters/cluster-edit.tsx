import { Alert, Button, Fieldset, Group, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CLUSTER_DESCRIPTION_MAX_LENGTH, type Cluster } from '../../../contract/clusters.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useRefused } from '../../shared/auth/session.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { useClusterChangeBlockReason } from './cluster-change-block.ts';
import {
  apiErrorToEditErrors,
  buildUpdateRequest,
  clusterEditInitialValues,
  hasChanges,
  validateClusterEdit,
  type ClusterEditForm,
} from './cluster-edit-form.ts';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import './cluster-detail-messages.ts';
import { networkSuggestions } from './create-cluster-request.ts';

/**
 * The edit tab: alias, description and ENI subnets, the fields `UpdateAutopilotCluster` takes.
 * Validated by the contract's update schema before sending; only what changed is sent. While the
 * cluster is not Available the form stays visible but disabled, with the reason above it.
 */
export function ClusterEdit({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const blocked = useClusterChangeBlockReason(cluster);
  // A viewer reads the values; the fields take no typing that could never be saved.
  const readOnly = useRefused('operate');
  const clusterId = cluster.metadata.uid ?? '';
  const name = cluster.metadata.name ?? clusterId;
  // Re-initialise when the saved cluster comes back different (after a save, or someone else's change).
  const initial = useMemo(() => clusterEditInitialValues(cluster), [cluster]);
  const form = useForm<ClusterEditForm>({
    mode: 'controlled',
    initialValues: initial,
    validate: validateClusterEdit(initial, { noSubnets: t('clusterEdit.noSubnets') }),
  });
  const siblings = useQuery({ ...clusterQueries.list(), enabled: !blocked });
  const subnetSuggestions = networkSuggestions(siblings.data?.items ?? [], cluster.spec?.hostNetwork?.vpc ?? '').eniSubnets;

  const save = useMutation({
    ...clusterMutations.update(),
    onSuccess: (updated) => {
      const values = updated ? clusterEditInitialValues(updated) : form.getValues();
      form.setInitialValues(values);
      form.setValues(values);
      notifications.show({ color: 'green', title: t('clusterEdit.saved'), message: t('clusterEdit.savedMessage', { name }) });
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(apiErrorToEditErrors(error));
    },
  });
  const body = buildUpdateRequest(form.getInitialValues(), form.values);
  const changed = hasChanges(body);
  const fieldErrors = save.error instanceof ApiError ? apiErrorToEditErrors(save.error) : {};

  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate({ params: { cluster_id: clusterId }, body: buildUpdateRequest(form.getInitialValues(), values) }))}
      onReset={(event) => {
        event.preventDefault();
        form.reset();
        save.reset();
      }}
      aria-label={t('clusterEdit.title', { name })}
    >
      <Stack gap="md" maw={720}>
        <Text size="sm" c="dimmed">
          {t('clusterEdit.intro')}
        </Text>
        {blocked ? (
          <Alert color="gray" variant="light" title={t('clusterEdit.disabledTitle')}>
            {blocked}
          </Alert>
        ) : null}
        <Fieldset legend={t('clusterEdit.legend')} disabled={Boolean(blocked)} variant="unstyled">
          <Stack gap="sm">
            <TextInput
              label={t('clusterDetail.field.alias')}
              description={t('clusterEdit.aliasRule')}
              autoComplete="off"
              readOnly={readOnly}
              {...form.getInputProps('alias')}
            />
            <Textarea
              label={t('clusterDetail.field.description')}
              description={t('clusterEdit.descriptionRule', { count: form.values.description.length, max: CLUSTER_DESCRIPTION_MAX_LENGTH })}
              rows={3}
              readOnly={readOnly}
              {...form.getInputProps('description')}
            />
            <TagsInput
              label={t('clusterDetail.field.eniSubnets')}
              description={t('clusterEdit.subnetsRule')}
              data={subnetSuggestions}
              splitChars={[',', ' ']}
              clearable={!readOnly}
              readOnly={readOnly}
              {...form.getInputProps('eniSubnets')}
            />
          </Stack>
        </Fieldset>
        {save.isError && Object.keys(fieldErrors).length === 0 ? <ErrorPanel title={t('clusterEdit.failed')} error={save.error} /> : null}
        <Group>
          <PermissionGate capability="operate">
            {({ controlProps }) => (
              <Button type="submit" disabled={Boolean(blocked) || !changed} loading={save.isPending} {...controlProps}>
                {t('clusterEdit.save')}
              </Button>
            )}
          </PermissionGate>
          <Button type="reset" variant="default" disabled={!changed || save.isPending}>
            {t('clusterEdit.undo')}
          </Button>
          {!changed && !blocked ? (
            <Text size="sm" c="dimmed">
              {t('clusterEdit.noChanges')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
