import { CLUSTER_PHASES, FAILED_CLUSTER_PHASES, isTransitionalClusterPhase, type ClusterPhase } from '../../../contract/clusters.ts';

/**
 * How an operator should read a phase at a glance: running, moving on its own, broken, or parked
 * (hibernated, frozen, empty — and anything the console does not know).
 */
export type PhaseFamily = 'available' | 'transitional' | 'failed' | 'inactive';

export const PHASE_FAMILY_COLORS: Record<PhaseFamily, string> = {
  available: 'green',
  transitional: 'blue',
  failed: 'red',
  inactive: 'gray',
};

export function isKnownClusterPhase(phase: string | undefined): phase is ClusterPhase {
  return (CLUSTER_PHASES as readonly string[]).includes(phase ?? '');
}

export function phaseFamily(phase: string | undefined): PhaseFamily {
  if (phase === 'Available') return 'available';
  if (isTransitionalClusterPhase(phase)) return 'transitional';
  if ((FAILED_CLUSTER_PHASES as readonly string[]).includes(phase ?? '')) return 'failed';
  return 'inactive';
}
