import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { Cluster } from '../../../contract/clusters.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { withTranslations } from '../../shared/i18n/i18n.ts';
import './clusters-messages.ts';

// The dialog (Mantine Modal, radios, job view) and its text load on first use, not with the list.
const DeleteClusterDialog = lazy(withTranslations(() => import('./delete-cluster-dialog.tsx')));

/** The delete dialog of a cluster, its code fetched the first time it opens. */
export function DeleteClusterDialogOnDemand({ cluster, opened, onClose }: { cluster: Cluster; opened: boolean; onClose: () => void }) {
  return opened ? (
    <Suspense fallback={null}>
      <DeleteClusterDialog cluster={cluster} opened={opened} onClose={onClose} />
    </Suspense>
  ) : null;
}

/** "Delete cluster" for one cluster: disabled with the reason for roles that may not change clusters. */
export function DeleteClusterButton({ cluster, size = 'compact-sm' }: { cluster: Cluster; size?: 'compact-sm' | 'sm' }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const deleting = cluster.status?.phase === 'Deleting';
  return (
    <>
      <PermissionGate capability="operate">
        {({ controlProps }) => (
          <Button
            size={size}
            variant="light"
            color="red"
            disabled={deleting}
            onClick={() => setOpened(true)}
            aria-label={t('clusterDelete.button', { name: cluster.metadata.name ?? '' })}
            {...controlProps}
          >
            {t('clusterDelete.buttonShort')}
          </Button>
        )}
      </PermissionGate>
      <DeleteClusterDialogOnDemand cluster={cluster} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
