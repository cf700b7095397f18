import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { addonQueries } from '../../resources/addons/addon-queries.ts';
import { instanceTitle } from '../../resources/addons/addon-dialogs.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { addonUpgradePlan, defaultAddonVersion, type AddonPlanEntry } from './addon-plan.ts';
import './upgrade-wizard-messages.ts';

/** The plan of the cluster's installed add-ons for a target, from the add-on area's queries. */
export function useAddonPlan(clusterId: string, target: string | undefined) {
  const list = useQuery(addonQueries.list(clusterId));
  const templates = useQuery(addonQueries.templates());
  const plan = list.data && templates.data && target ? addonUpgradePlan(list.data.items ?? [], templates.data.items ?? [], target) : undefined;
  return { plan, error: list.error ?? templates.error };
}

function outcomeText(t: Translator['t'], entry: AddonPlanEntry, target: string): string {
  const { outcome } = entry;
  switch (outcome.kind) {
    case 'stays':
      return outcome.newer.length > 0
        ? t('upgrade.addons.staysNewer', { version: entry.current ?? '', target, versions: outcome.newer.join(', ') })
        : t('upgrade.addons.stays', { version: entry.current ?? '', target });
    case 'required':
      return t('upgrade.addons.required', { target, version: outcome.to });
    case 'unsupported':
      return t('upgrade.addons.unsupported', { target });
    default:
      return t('upgrade.addons.unknown');
  }
}

/** Step 1: what the chosen target means for each installed add-on. */
export function TargetAddons({ clusterId, target }: { clusterId: string; target: string }) {
  const { t } = useI18n();
  const { plan, error } = useAddonPlan(clusterId, target);
  return (
    <Stack gap="xs" component="section" aria-labelledby="target-addons-title">
      <Text fw={600} id="target-addons-title">
        {t('upgrade.addons.title', { target })}
      </Text>
      {error ? <ErrorPanel title={t('upgrade.addons.loadFailed')} error={error} /> : null}
      {plan && plan.length === 0 && <Text size="sm">{t('upgrade.addons.none')}</Text>}
      {plan && plan.length > 0 && (
        <Table withTableBorder aria-label={t('upgrade.addons.table', { target })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('upgrade.addons.addon')}</Table.Th>
              <Table.Th>{t('upgrade.addons.installed')}</Table.Th>
              <Table.Th>{t('upgrade.addons.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.map((entry) => (
              <Table.Tr key={entry.name}>
                <Table.Td>{instanceTitle(entry.instance)}</Table.Td>
                <Table.Td>{entry.current ?? '—'}</Table.Td>
                <Table.Td>
                  {/* What needs the operator's attention stands out by weight (the theme's text colour keeps its contrast). */}
                  <Text size="sm" fw={entry.outcome.kind === 'stays' ? undefined : 600}>
                    {outcomeText(t, entry, target)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The versions an add-on can be set to in step 5, the default first: keep the installed one, or the ones the target supports. */
function versionOptions(t: Translator['t'], entry: AddonPlanEntry) {
  const label = (v: string) => (entry.previews.includes(v) ? t('upgrade.configure.preview', { version: v }) : v);
  if (entry.outcome.kind === 'stays' && entry.current !== undefined) {
    return [
      { value: entry.current, label: t('upgrade.configure.keep', { version: entry.current }) },
      ...entry.outcome.newer.map((v) => ({ value: v, label: label(v) })),
    ];
  }
  if (entry.outcome.kind === 'required') {
    const { to, choices } = entry.outcome;
    return [to, ...choices.filter((v) => v !== to)].map((v) => ({ value: v, label: label(v) }));
  }
  return [];
}

/** Step 5: the version each add-on is patched to, defaulting to the installed one or the one the target needs. */
export function ConfigureAddons({
  plan,
  error,
  target,
  chosen,
  onChoose,
}: {
  plan: readonly AddonPlanEntry[] | undefined;
  error: unknown;
  target: string;
  chosen: Readonly<Record<string, string>>;
  onChoose: (name: string, version: string) => void;
}) {
  const { t } = useI18n();
  if (error) return <ErrorPanel title={t('upgrade.addons.loadFailed')} error={error} />;
  // Only the add-ons with a choice, or that the upgrade must patch, are listed.
  const settable = (plan ?? []).filter((e) => e.outcome.kind === 'required' || versionOptions(t, e).length > 1);
  if (settable.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="configure-addons-title">
      <Text size="sm" fw={600} id="configure-addons-title">
        {t('upgrade.configure.addons')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('upgrade.configure.addonsHint')}
      </Text>
      {settable.map((entry) => (
        <NativeSelect
          key={entry.name}
          label={t('upgrade.configure.addonVersion', { addon: instanceTitle(entry.instance) })}
          description={outcomeText(t, entry, target)}
          data={versionOptions(t, entry)}
          value={chosen[entry.name] ?? defaultAddonVersion(entry) ?? ''}
          onChange={(e) => onChoose(entry.name, e.currentTarget.value)}
          maw={420}
        />
      ))}
    </Stack>
  );
}
