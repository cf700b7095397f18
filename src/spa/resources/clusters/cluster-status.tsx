import { CLUSTER_PHASES, FAILED_CLUSTER_PHASES, isTransitionalClusterPhase, type Cluster, type ClusterPhase } from '../../../contract/clusters.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import type { Translator } from '../../shared/i18n/i18n.ts';
import { StatusBadge, type StatusDescription, type StatusTone } from '../../shared/ui/status-badge.tsx';
import './cluster-messages.ts';

/** How each documented phase reads at a glance; the contract says which phases move and which failed. */
function toneOf(phase: ClusterPhase): StatusTone {
  if (phase === 'Available') return 'ok';
  if (isTransitionalClusterPhase(phase)) return 'moving';
  if ((FAILED_CLUSTER_PHASES as readonly string[]).includes(phase)) return 'failed';
  return 'idle';
}

/** Every cluster phase as data: its tone (colour) and whether the cluster is moving on its own. */
export const CLUSTER_PHASE_STATUS: Record<ClusterPhase, { tone: StatusTone; inMotion: boolean }> = Object.fromEntries(
  CLUSTER_PHASES.map((phase) => [phase, { tone: toneOf(phase), inMotion: isTransitionalClusterPhase(phase) }]),
) as Record<ClusterPhase, { tone: StatusTone; inMotion: boolean }>;

export function isKnownClusterPhase(phase: string | undefined): phase is ClusterPhase {
  return (CLUSTER_PHASES as readonly string[]).includes(phase ?? '');
}

/** Whether a cluster is moving on its own (Creating, Upgrading, Deleting, …): pages showing it poll. */
export function clusterInMotion(cluster: Cluster | undefined): boolean {
  return isTransitionalClusterPhase(cluster?.status?.phase);
}

/** A phase's label in the operator's language (the raw value for one the console does not know). */
export function clusterPhaseLabel(t: Translator['t'], phase: string): string {
  return isKnownClusterPhase(phase) ? t(`clusterPhase.${phase}.label`) : phase;
}

/** A cluster's status described for a badge, a filter or a tooltip: label, meaning, what to do, the cloud's reason. */
export function describeClusterStatus(t: Translator['t'], status: Cluster['status']): StatusDescription {
  const phase = status?.phase;
  const known = isKnownClusterPhase(phase);
  const tone = known ? CLUSTER_PHASE_STATUS[phase].tone : 'idle';
  return {
    tone,
    label: known ? t(`clusterPhase.${phase}.label`) : t('clusterStatus.unknown.label'),
    meaning: known ? t(`clusterPhase.${phase}.meaning`) : phase ? t('clusterStatus.unknown.meaning', { phase }) : t('clusterStatus.missing.meaning'),
    todo: tone === 'moving' ? t('clusterStatus.todo.moving') : tone === 'failed' ? t('clusterStatus.todo.failed') : undefined,
    details: [
      ...(status?.reason ? [t('clusterStatus.reason', { reason: status.reason })] : []),
      ...(status?.message ? [t('clusterStatus.message', { message: status.message })] : []),
    ],
  };
}

/** A cluster's phase as a coloured badge; the tooltip gives the reference's meaning, the cloud's reason and what to do. */
export function ClusterStatusBadge({ status }: { status: Cluster['status'] }) {
  const { t } = useI18n();
  return <StatusBadge status={describeClusterStatus(t, status)} />;
}
