import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
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
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterMutations } from '../../resources/clusters/cluster-mutations.ts';
import './cluster-delete-messages.ts';
import { DeletionProgress } from './deletion-progress.tsx';
import '../../shared/i18n/shared-messages.ts';

/** The three behaviours the reference documents for each `delete_*` option (`true`/`false` are synonyms). */
const MODES = ['block', 'try', 'skip'] as const;
type Mode = (typeof MODES)[number];

interface DeleteClusterDialogProps {
  cluster: Cluster;
  opened: boolean;
  onClose: () => void;
}

/**
 * Deleting a cluster: each option with its documented default and meaning, and the operator types the
 * cluster's name. Once the cloud accepts, the dialog closes and a notification follows the deletion
 * job until the cluster is gone (`DeletionProgress`).
 */
export default function DeleteClusterDialog({ cluster, opened, onClose }: DeleteClusterDialogProps) {
  const { t } = useI18n();
  const name = cluster.metadata.name ?? '';
  const clusterId = cluster.metadata.uid ?? '';
  const [options, setOptions] = useState<Record<DeleteOptionKey, Mode>>(() => ({ ...DELETE_OPTION_DEFAULTS }) as Record<DeleteOptionKey, Mode>);
  const [lts, setLts] = useState<LtsReclaimPolicy>(DELETE_OPTION_DEFAULTS.lts_reclaim_policy);
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    ...clusterMutations.delete(),
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
    <Modal opened={opened} onClose={onClose} size="lg" title={t('clusterDelete.title', { name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const query: DeleteClusterQuery = { ...options, lts_reclaim_policy: lts };
          remove.mutate({ params: { cluster_id: clusterId }, query });
        }}
      >
        <Stack>
          <Text>{t('clusterDelete.intro', { name })}</Text>
          <Stack gap="sm" role="group" aria-label={t('clusterDelete.optionsLabel')}>
            {DELETE_OPTION_KEYS.map((key) => (
              <Radio.Group
                key={key}
                label={t(`clusterDelete.option.${key}`)}
                description={t('clusterDelete.default', { value: t(`clusterDelete.mode.${DELETE_OPTION_DEFAULTS[key] as Mode}`) })}
                value={options[key]}
                onChange={(value) => setOptions({ ...options, [key]: value as Mode })}
              >
                <Group gap="md" mt={4}>
                  {MODES.map((mode) => (
                    <Radio key={mode} value={mode} label={t(`clusterDelete.mode.${mode}`)} title={t(`clusterDelete.modeMeaning.${mode}`)} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
            <Radio.Group
              label={t('clusterDelete.option.lts_reclaim_policy')}
              description={t('clusterDelete.default', { value: t(`clusterDelete.lts.${DELETE_OPTION_DEFAULTS.lts_reclaim_policy}`) })}
              value={lts}
              onChange={(value) => setLts(value as LtsReclaimPolicy)}
            >
              <Stack gap={6} mt={4}>
                {LTS_RECLAIM_POLICIES.map((policy) => (
                  <Radio key={policy} value={policy} label={t(`clusterDelete.lts.${policy}`)} description={t(`clusterDelete.ltsMeaning.${policy}`)} />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
          <Text size="sm" c="dimmed">
            {t('clusterDelete.modesExplained')}
          </Text>
          <TextInput
            label={t('clusterDelete.typeName', { name })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {remove.isError ? <ErrorPanel title={t('clusterDelete.failed')} error={remove.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={typed !== name} loading={remove.isPending}>
              {t('clusterDelete.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
