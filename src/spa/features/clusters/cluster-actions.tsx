import { ActionIcon } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { lazy, Suspense, useState, type ComponentPropsWithoutRef } from 'react';
import type { Cluster } from '../../../contract/clusters.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { withTranslations } from '../../shared/i18n/i18n.ts';
import { DeleteClusterDialogOnDemand } from './delete-cluster-button.tsx';
import './clusters-messages.ts';

// Mantine's Menu (and the positioning it brings) loads on the first click, not with the list.
const ClusterActionsMenu = lazy(withTranslations(() => import('./cluster-actions-menu.tsx')));

export type ActionsTriggerProps = Omit<ComponentPropsWithoutRef<'button'>, 'color' | 'style'>;

/** The row's one control: "Actions for <cluster>", a menu of what can be done to it. */
export function ClusterActions({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const [menuLoaded, setMenuLoaded] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const trigger = (props: ActionsTriggerProps) => (
    <ActionIcon variant="subtle" color="gray" aria-label={t('clusters.actionsFor', { name: cluster.metadata.name ?? '' })} aria-haspopup="menu" {...props}>
      <IconDots size={18} aria-hidden="true" />
    </ActionIcon>
  );
  return (
    <>
      {menuLoaded ? (
        <Suspense fallback={trigger({ 'aria-expanded': true })}>
          <ClusterActionsMenu cluster={cluster} trigger={trigger} onDelete={() => setDeleting(true)} />
        </Suspense>
      ) : (
        trigger({ 'aria-expanded': false, onClick: () => setMenuLoaded(true) })
      )}
      <DeleteClusterDialogOnDemand cluster={cluster} opened={deleting} onClose={() => setDeleting(false)} />
    </>
  );
}
