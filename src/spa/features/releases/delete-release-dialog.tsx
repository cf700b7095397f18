import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { releaseMutations } from '../../resources/releases/release-mutations.ts';
import type { ReleaseRef } from '../../resources/releases/release-queries.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { describeError } from '../../shared/ui/error-message.ts';
import './releases-messages.ts';

/** Delete a release: names the release, its namespace and cluster, and asks for the name to be typed. */
export function DeleteReleaseDialog({
  refOf,
  clusterName,
  onClose,
  onDeleted,
}: {
  refOf: ReleaseRef;
  clusterName: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const remove = useMutation(releaseMutations.delete());
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('releases.close') }}
      title={t('releases.delete.title', { name: refOf.name, namespace: refOf.namespace })}
    >
      <Stack gap="md">
        <Text>{t('releases.delete.body', { name: refOf.name, namespace: refOf.namespace, cluster: clusterName })}</Text>
        <TextInput
          label={t('releases.delete.confirm', { name: refOf.name })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
        />
        {remove.isError ? (
          <Alert color="red" role="alert" title={t('releases.delete.failed')}>
            {describeError(remove.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={remove.isPending}>
            {t('releases.cancel')}
          </Button>
          <Button
            color="red"
            disabled={typed !== refOf.name}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { params: { cluster_id: refOf.clusterId, namespace: refOf.namespace, name: refOf.name } },
                {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      title: t('releases.delete.started'),
                      message: t('releases.delete.startedMessage', { name: refOf.name, namespace: refOf.namespace }),
                    });
                    onDeleted();
                  },
                },
              )
            }
          >
            {t('releases.delete.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
