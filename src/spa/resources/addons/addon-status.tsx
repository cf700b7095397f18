import {
  ADDON_INSTANCE_PHASES,
  isFailedAddonPhase,
  isTransitionalAddonPhase,
  type AddonInstance,
  type AddonInstanceList,
  type AddonInstancePhase,
} from '../../../contract/addons.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { StatusBadge, type StatusDescription, type StatusTone } from '../../shared/ui/status-badge.tsx';
import './addon-messages.ts';

/** How each of the 13 documented statuses reads at a glance; the contract says which move and which failed. */
function toneOf(status: AddonInstancePhase): StatusTone {
  if (status === 'running') return 'ok';
  if (isTransitionalAddonPhase(status)) return 'moving';
  if (isFailedAddonPhase(status) || status === 'abnormal' || status === 'unknown') return 'failed';
  return 'idle';
}

/** Every add-on status as data: its tone (colour) and whether the instance is moving on its own. */
export const ADDON_STATUS: Record<AddonInstancePhase, { tone: StatusTone; inMotion: boolean }> = Object.fromEntries(
  ADDON_INSTANCE_PHASES.map((status) => [status, { tone: toneOf(status), inMotion: isTransitionalAddonPhase(status) }]),
) as Record<AddonInstancePhase, { tone: StatusTone; inMotion: boolean }>;

export function isKnownAddonStatus(status: string | undefined): status is AddonInstancePhase {
  return (ADDON_INSTANCE_PHASES as readonly string[]).includes(status ?? '');
}

/** Whether an instance is moving on its own (installing, upgrading, rolling back, uninstalling): pages showing it poll. */
export function addonInMotion(instance: AddonInstance | undefined): boolean {
  return isTransitionalAddonPhase(instance?.status?.status);
}

/** Whether any instance of a list is moving. */
export function addonListInMotion(list: AddonInstanceList): boolean {
  return (list.items ?? []).some(addonInMotion);
}

/** A status's label in the operator's language (the raw value for one the console does not know). */
export function addonStatusLabel(t: Translator['t'], status: string | undefined): string {
  return isKnownAddonStatus(status) ? t(`addonStatus.${status}.label`) : (status ?? t('addonStatus.other.label'));
}

const TODO: Partial<Record<AddonInstancePhase, `addonStatus.${string}.todo`>> = {
  installFailed: 'addonStatus.installFailed.todo',
  upgradeFailed: 'addonStatus.upgradeFailed.todo',
  deleteFailed: 'addonStatus.deleteFailed.todo',
  rollbackFailed: 'addonStatus.rollbackFailed.todo',
  abnormal: 'addonStatus.abnormal.todo',
  available: 'addonStatus.available.todo',
  unknown: 'addonStatus.unknown.todo',
};

/** An instance's status described for a badge: label, the reference's meaning, what to do, the cloud's reason. */
export function describeAddonStatus(t: Translator['t'], status: AddonInstance['status']): StatusDescription {
  const value = status?.status;
  const known = isKnownAddonStatus(value);
  const tone = known ? ADDON_STATUS[value].tone : 'idle';
  const todo = known ? (ADDON_STATUS[value].inMotion ? 'addonStatus.moving.todo' : TODO[value]) : undefined;
  return {
    tone,
    label: known ? t(`addonStatus.${value}.label`) : t('addonStatus.other.label'),
    meaning: known ? t(`addonStatus.${value}.meaning`) : t('addonStatus.other.meaning', { status: value ?? '—' }),
    todo: todo ? t(todo as Parameters<typeof t>[0]) : undefined,
    details: [
      ...(status?.Reason ? [t('addonStatus.reason', { reason: status.Reason })] : []),
      ...(status?.message ? [t('addonStatus.message', { message: status.message })] : []),
    ],
  };
}

/** An instance's status as a coloured badge; the tooltip gives the meaning, the cloud's reason and what to do. */
export function AddonStatusBadge({ status }: { status: AddonInstance['status'] }) {
  const { t } = useI18n();
  return <StatusBadge status={describeAddonStatus(t, status)} />;
}
