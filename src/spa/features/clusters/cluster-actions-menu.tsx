import { Menu, Text } from '@mantine/core';
import { IconArrowUpCircle, IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useId, type ReactElement } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Cluster } from '../../../contract/clusters.ts';
import { useRefused, useSession } from '../../shared/auth/session.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { ActionsTriggerProps } from './cluster-actions.tsx';
import './clusters-messages.ts';
import '../../shared/i18n/shared-messages.ts';

interface ClusterActionsMenuProps {
  cluster: Cluster;
  trigger: (props: ActionsTriggerProps) => ReactElement;
  onDelete: () => void;
}

/**
 * The row's actions, opened as it loads (the first click loaded it). What the role may not do stays
 * in the menu, disabled, with the reason under the items and as their description.
 */
export default function ClusterActionsMenu({ cluster, trigger, onDelete }: ClusterActionsMenuProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const refused = useRefused('operate');
  const session = useSession();
  const reasonId = useId();
  const id = encodeURIComponent(cluster.metadata.uid ?? '');
  const name = cluster.metadata.name ?? '';
  const gone = cluster.status?.phase === 'Deleting';
  const refusal = refused ? { disabled: true, 'aria-describedby': reasonId } : {};
  return (
    <Menu defaultOpened position="bottom-end" shadow="md" width={240} hideDetached={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>{trigger({})}</Menu.Target>
      <Menu.Dropdown aria-label={t('clusters.actionsFor', { name })}>
        <Menu.Item component={Link} to={`/clusters/${id}`} leftSection={<IconExternalLink size={14} aria-hidden="true" />}>
          {t('clusters.action.open')}
        </Menu.Item>
        <Menu.Item onClick={() => void navigate(`/upgrades/${id}`)} leftSection={<IconArrowUpCircle size={14} aria-hidden="true" />} {...refusal}>
          {t('clusters.action.upgrade')}
        </Menu.Item>
        {/* No divider and no initial-focus placeholder (Mantine draws them as role="presentation", which a menu may not hold) and no red label text (red on
            white is below 4.5:1): the red bin marks the destructive item. */}
        <Menu.Item
          onClick={onDelete}
          disabled={refused || gone}
          aria-describedby={refused ? reasonId : undefined}
          leftSection={<IconTrash size={14} aria-hidden="true" color="var(--mantine-color-red-filled)" />}
        >
          {t('clusters.action.delete')}
        </Menu.Item>
        {refused && session ? (
          // Shown for the eye; screen readers hear it as the disabled items' description (a menu may hold only
          // menu items, so the text itself is kept out of the accessibility tree).
          <Text id={reasonId} aria-hidden="true" size="xs" c="dimmed" px="sm" py={6}>
            {t('roles.cannotOperate', { role: t(`roles.${session.role}`) })}
          </Text>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
