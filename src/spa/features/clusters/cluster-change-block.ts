import type { Cluster } from '../../../contract/clusters.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { clusterPhaseLabel, isKnownClusterPhase } from '../../resources/clusters/cluster-status.tsx';
import { clusterChangeBlock } from './cluster-edit-form.ts';
import './cluster-detail-messages.ts';
import '../../resources/clusters/cluster-messages.ts';

/**
 * Why this cluster cannot be changed right now (edit, EIP), in the operator's language, with what
 * the phase means; null while it can. Shown beside disabled controls, so nobody clicks into a refusal.
 */
export function useClusterChangeBlockReason(cluster: Cluster): string | null {
  const { t } = useI18n();
  const block = clusterChangeBlock(cluster);
  if (!block) return null;
  if (block.kind === 'locked') return t('clusterEdit.locked', { scene: block.scene });
  const phase = block.phase;
  const label = clusterPhaseLabel(t, phase);
  const meaning = isKnownClusterPhase(phase) ? ` ${t(`clusterPhase.${phase}.meaning`)}` : '';
  return `${t('clusterEdit.onlyAvailable', { phase: label })}${meaning}`;
}
