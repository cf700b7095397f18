import { Badge, Button, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import type { AddonInstance, AddonTemplate } from '../../../contract/addons.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { TableSkeleton } from '../../shared/ui/table-skeleton.tsx';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { addonActionStates, type AddonAction, type AddonActionBlock, type AddonActionState } from './addon-actions.ts';
import { InstallAddonDialog, RollbackAddonDialog, UninstallAddonDialog, UpdateAddonDialog, instanceTitle, type AddonCluster } from './addon-dialogs.tsx';
import { addonQueries } from './addon-queries.ts';
import { AddonStatusBadge, addonStatusLabel } from './addon-status.tsx';
import './addon-messages.ts';

/** Why an action is not possible now, in the operator's language. */
export function blockReason(t: Translator['t'], block: AddonActionBlock): string {
  switch (block.reason) {
    case 'inFlight':
      return t('addons.block.inFlight', { status: addonStatusLabel(t, block.status) });
    case 'clusterBusy':
      return t('addons.block.clusterBusy', { phase: block.phase });
    case 'clusterNotRunning':
      return t('addons.block.clusterNotRunning', { phase: block.phase });
    case 'reinstallNeeded':
      return t('addons.block.reinstallNeeded', { status: addonStatusLabel(t, block.status) });
    case 'rollbackStatus':
      return t('addons.block.rollbackStatus', { status: addonStatusLabel(t, block.status) });
    default:
      return t(`addons.block.${block.reason}`);
  }
}

/** An action button: enabled, or disabled with the reason on hover and focus (viewers: their role's reason). */
function ActionButton({ state, label, onClick, color }: { state: AddonActionState; label: string; onClick: () => void; color?: string }) {
  const { t } = useI18n();
  return (
    <PermissionGate capability="operate">
      {({ disabled }) => {
        const button: ReactElement = (
          <Button size="xs" variant="light" color={color} onClick={onClick} disabled={disabled || !state.enabled}>
            {label}
          </Button>
        );
        if (disabled || state.enabled) return button;
        return (
          <Tooltip label={blockReason(t, state.block)}>
            <span tabIndex={0} style={{ display: 'inline-block', cursor: 'not-allowed' }} aria-label={`${label}: ${blockReason(t, state.block)}`}>
              {button}
            </span>
          </Tooltip>
        );
      }}
    </PermissionGate>
  );
}

type Open = { kind: 'install'; template?: string } | { kind: AddonAction; instance: AddonInstance } | null;

/**
 * A cluster's add-ons (the cluster detail's Add-ons tab and the Add-ons page): each instance with its
 * status (meaning, reason and what to do on the badge), current and previous version, upgrades, and
 * its actions — each disabled with the reason while something is in flight or not possible. Polls
 * while an instance moves. Viewers see everything and change nothing.
 */
export function ClusterAddonsPanel({ cluster, openInstall }: { cluster: AddonCluster; openInstall?: { template: string; key: number } | undefined }) {
  const { t } = useI18n();
  const list = useQuery(addonQueries.list(cluster.uid));
  const templates = useQuery(addonQueries.templates());
  const [open, setOpen] = useState<Open>(null);
  const [lastInstallKey, setLastInstallKey] = useState<number | undefined>(undefined);
  if (openInstall && openInstall.key !== lastInstallKey) {
    setLastInstallKey(openInstall.key);
    setOpen({ kind: 'install', template: openInstall.template });
  }
  const items = list.data?.items ?? [];
  const templateList: readonly AddonTemplate[] = templates.data?.items ?? [];
  const templateOf = (name: string | undefined) => templateList.find((tpl) => tpl.metadata?.name === name);
  const installed = new Set(items.map((i) => i.spec?.addonTemplateName ?? ''));
  const close = () => setOpen(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('addons.list.title', { cluster: cluster.name })}</Title>
        <PermissionGate capability="operate">
          {({ disabled }) => (
            <Button onClick={() => setOpen({ kind: 'install' })} disabled={disabled || !templates.data || cluster.phase !== 'Available'}>
              {t('addons.action.install')}
            </Button>
          )}
        </PermissionGate>
      </Group>
      {list.isPending ? <TableSkeleton /> : null}
      {list.isError ? (
        <ErrorPanel title={t('addons.list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : null}
      {list.isSuccess && items.length === 0 ? <EmptyState title={t('addons.list.empty')} description={t('addons.list.emptyHint')} /> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('addons.list.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('addons.column.addon')}</Table.Th>
                <Table.Th>{t('addons.column.status')}</Table.Th>
                <Table.Th>{t('addons.column.version')}</Table.Th>
                <Table.Th>{t('addons.column.previous')}</Table.Th>
                <Table.Th>{t('addons.column.upgrades')}</Table.Th>
                <Table.Th>{t('addons.column.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((instance) => {
                const title = instanceTitle(instance);
                const states = addonActionStates(instance, { phase: cluster.phase });
                const required = templateOf(instance.spec?.addonTemplateName)?.spec?.require === true;
                const status = instance.status;
                return (
                  <Table.Tr key={instance.metadata?.uid}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text fw={500}>{title}</Text>
                        {required ? (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('addons.required')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <AddonStatusBadge status={status} />
                        {status?.message ? (
                          <Text size="xs" c="dimmed" maw={280}>
                            {status.message}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{instance.spec?.version ?? '—'}</Table.Td>
                    <Table.Td>{status?.previousVersion ?? '—'}</Table.Td>
                    <Table.Td>{(status?.targetVersions ?? []).length > 0 ? status!.targetVersions!.join(', ') : t('addons.none')}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <ActionButton
                          state={states.upgrade}
                          label={t('addons.action.upgrade', { addon: title })}
                          onClick={() => setOpen({ kind: 'upgrade', instance })}
                        />
                        <ActionButton
                          state={states.edit}
                          label={t('addons.action.edit', { addon: title })}
                          onClick={() => setOpen({ kind: 'edit', instance })}
                        />
                        <ActionButton
                          state={states.rollback}
                          label={t('addons.action.rollback', { addon: title })}
                          onClick={() => setOpen({ kind: 'rollback', instance })}
                          color="orange"
                        />
                        <ActionButton
                          state={states.uninstall}
                          label={t('addons.action.uninstall', { addon: title })}
                          onClick={() => setOpen({ kind: 'uninstall', instance })}
                          color="red"
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {open?.kind === 'install' && templates.data ? (
        <InstallAddonDialog cluster={cluster} templates={templateList} installed={installed} initialTemplate={open.template} onClose={close} />
      ) : null}
      {open && (open.kind === 'upgrade' || open.kind === 'edit') ? (
        <UpdateAddonDialog
          mode={open.kind}
          instance={open.instance}
          cluster={cluster}
          template={templateOf(open.instance.spec?.addonTemplateName)}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'rollback' ? <RollbackAddonDialog instance={open.instance} cluster={cluster} onClose={close} /> : null}
      {open?.kind === 'uninstall' ? (
        <UninstallAddonDialog
          instance={open.instance}
          cluster={cluster}
          required={templateOf(open.instance.spec?.addonTemplateName)?.spec?.require === true}
          onClose={close}
        />
      ) : null}
    </Stack>
  );
}
