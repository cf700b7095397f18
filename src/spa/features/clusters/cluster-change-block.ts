import type { Cluster } from '../../../contract/clusters.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { isKnownClusterPhase } from './cluster-phase.ts';
import { clusterChangeBlock } from './cluster-edit-form.ts';

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
  const label = isKnownClusterPhase(phase) ? t(`phase.${phase}.label`) : phase;
  const meaning = isKnownClusterPhase(phase) ? ` ${t(`phase.${phase}.meaning`)}` : '';
  return `${t('clusterEdit.onlyAvailable', { phase: label })}${meaning}`;
}
