import { RELEASE_STATUSES, isFailedReleaseStatus, isTransitionalReleaseStatus, type Release, type ReleaseStatus } from '../../../contract/releases.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { StatusBadge, type StatusDescription, type StatusTone } from '../../shared/ui/status-badge.tsx';
import './release-messages.ts';

function toneOf(status: ReleaseStatus): StatusTone {
  if (status === 'DEPLOYED') return 'ok';
  if (isTransitionalReleaseStatus(status)) return 'moving';
  if (isFailedReleaseStatus(status)) return 'failed';
  return 'idle';
}

/** Every release status as data: its tone and whether the release is moving on its own. */
export const RELEASE_STATUS: Record<ReleaseStatus, { tone: StatusTone; inMotion: boolean }> = Object.fromEntries(
  RELEASE_STATUSES.map((s) => [s, { tone: toneOf(s), inMotion: isTransitionalReleaseStatus(s) }]),
) as Record<ReleaseStatus, { tone: StatusTone; inMotion: boolean }>;

export function isKnownReleaseStatus(status: string | undefined): status is ReleaseStatus {
  return (RELEASE_STATUSES as readonly string[]).includes(status ?? '');
}

/** Pending or being deleted: pages showing it poll until it settles. */
export function releaseInMotion(release: Pick<Release, 'status'> | undefined): boolean {
  return isTransitionalReleaseStatus(release?.status);
}

/** A status's label (Helm's own `SUPERSEDED` of old revisions included; the raw value for one the console does not know). */
export function releaseStatusLabel(t: Translator['t'], status: string | undefined): string {
  if (isKnownReleaseStatus(status)) return t(`releaseStatus.${status}.label`);
  if (status === 'SUPERSEDED') return t('releaseStatus.SUPERSEDED.label');
  return status || t('releaseStatus.missing.label');
}

/** A release's status for a badge: label, the reference's meaning, what to do, and the service's description. */
export function describeReleaseStatus(t: Translator['t'], release: Pick<Release, 'status' | 'status_description'>): StatusDescription {
  const status = release.status;
  const known = isKnownReleaseStatus(status);
  const tone: StatusTone = known ? RELEASE_STATUS[status].tone : 'idle';
  const meaning = known
    ? t(`releaseStatus.${status}.meaning`)
    : status === 'SUPERSEDED'
      ? t('releaseStatus.SUPERSEDED.meaning')
      : status
        ? t('releaseStatus.unknownValue.meaning', { status })
        : t('releaseStatus.missing.meaning');
  const todo =
    status === 'UNKNOWN'
      ? t('releaseStatus.todo.unknown')
      : status === 'FAILED'
        ? t('releaseStatus.todo.failed')
        : tone === 'moving'
          ? t('releaseStatus.todo.moving')
          : undefined;
  return {
    tone,
    label: releaseStatusLabel(t, status),
    meaning,
    todo,
    details: release.status_description ? [t('releaseStatus.description', { description: release.status_description })] : [],
  };
}

export function ReleaseStatusBadge({ release }: { release: Pick<Release, 'status' | 'status_description'> }) {
  const { t } = useI18n();
  return <StatusBadge status={describeReleaseStatus(t, release)} />;
}
