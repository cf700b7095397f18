import { Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DELETE_OPTION_DEFAULTS,
  DELETE_OPTION_KEYS,
  LTS_RECLAIM_POLICIES,
  type Cluster,
  type DeleteClusterQuery,
  type DeleteOptionKey,
  type LtsReclaimPolicy,
} from '../../../contract/clusters.ts';
import { putRefusalOnFields } from '../../shared/forms/api-refusal.ts';
import { apiErrorToFieldErrors } from '../../shared/forms/field-errors.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import './cluster-delete-messages.ts';
import { DeletionProgress } from './deletion-progress.tsx';
import '../../shared/i18n/shared-messages.ts';

/** The three behaviours the reference documents for each `delete_*` option (`true`/`false` are synonyms). */
const MODES = ['block', 'try', 'skip'] as const;
type Mode = (typeof MODES)[number];

type DeleteForm = Record<DeleteOptionKey, Mode> & { lts_reclaim_policy: LtsReclaimPolicy; confirm: string };
type OptionField = DeleteOptionKey | 'lts_reclaim_policy';

const INITIAL: DeleteForm = { ...(DELETE_OPTION_DEFAULTS as Record<DeleteOptionKey, Mode> & { lts_reclaim_policy: LtsReclaimPolicy }), confirm: '' };

/** A refusal naming one option (`query.delete_obs: …`) goes on that option's group. */
const optionOfPath = (path: string): OptionField | undefined => {
  const field = path.replace(/^query\./, '');
  return field === 'lts_reclaim_policy' || (DELETE_OPTION_KEYS as readonly string[]).includes(field) ? (field as OptionField) : undefined;
};

interface DeleteClusterDialogProps {
  cluster: Cluster;
  opened: boolean;
  onClose: () => void;
}

/**
 * Deleting a cluster: each option with its documented default and meaning, and the operator types the
 * cluster's name. Dense enough that the name field and "Delete cluster" are in view without scrolling
 * on a laptop screen. Once the cloud accepts, the dialog closes and a notification follows the deletion
 * job until the cluster is gone (`DeletionProgress`).
 */
export default function DeleteClusterDialog({ cluster, opened, onClose }: DeleteClusterDialogProps) {
  const { t } = useI18n();
  const name = cluster.metadata.name ?? '';
  const clusterId = cluster.metadata.uid ?? '';
  const form = useForm<DeleteForm>({ mode: 'controlled', initialValues: INITIAL });
  // A refusal about one option goes on it; any other is shown whole above the buttons.
  const [failure, setFailure] = useState<unknown>(null);
  const remove = useMutation({
    ...clusterMutations.delete(),
    onMutate: () => setFailure(null),
    onError: (error) => setFailure(putRefusalOnFields(form, error, (e) => apiErrorToFieldErrors(e, optionOfPath))),
    onSuccess: (accepted) => {
      const id = `delete-cluster-${clusterId}`;
      notifications.show({
        id,
        title: t('clusterDelete.startedTitle', { name }),
        message: <DeletionProgress clusterId={clusterId} name={name} jobId={accepted.status?.jobID} notificationId={id} />,
        autoClose: false,
        withCloseButton: true,
      });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('clusterDelete.title', { name })}>
      <form
        onSubmit={form.onSubmit(({ confirm: _typed, ...query }) =>
          remove.mutate({ params: { cluster_id: clusterId }, query: query satisfies DeleteClusterQuery }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t('clusterDelete.intro', { name })}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" role="group" aria-label={t('clusterDelete.optionsLabel')}>
            {DELETE_OPTION_KEYS.map((key) => (
              <Radio.Group
                key={key}
                label={t(`clusterDelete.option.${key}`)}
                description={t('clusterDelete.default', { value: t(`clusterDelete.mode.${DELETE_OPTION_DEFAULTS[key] as Mode}`) })}
                {...form.getInputProps(key)}
              >
                <Group gap="md" mt={4}>
                  {MODES.map((mode) => (
                    <Radio key={mode} size="xs" value={mode} label={t(`clusterDelete.mode.${mode}`)} title={t(`clusterDelete.modeMeaning.${mode}`)} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
            <Radio.Group
              style={{ gridColumn: '1 / -1' }}
              label={t('clusterDelete.option.lts_reclaim_policy')}
              description={t('clusterDelete.default', { value: t(`clusterDelete.lts.${DELETE_OPTION_DEFAULTS.lts_reclaim_policy}`) })}
              {...form.getInputProps('lts_reclaim_policy')}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt={4}>
                {LTS_RECLAIM_POLICIES.map((policy) => (
                  <Radio key={policy} size="xs" value={policy} label={t(`clusterDelete.lts.${policy}`)} description={t(`clusterDelete.ltsMeaning.${policy}`)} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('clusterDelete.modesExplained')}
          </Text>
          <TextInput label={t('clusterDelete.typeName', { name })} autoComplete="off" data-autofocus {...form.getInputProps('confirm')} />
          {failure ? <ErrorPanel title={t('clusterDelete.failed')} error={failure} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={form.values.confirm !== name} loading={remove.isPending}>
              {t('clusterDelete.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
