import { Button, Group } from '@mantine/core';
import { CLUSTER_PHASES, type Cluster, type ClusterPhase } from '../../../contract/clusters.ts';
import { CLUSTER_PHASE_STATUS, clusterPhaseLabel } from '../../resources/clusters/cluster-status.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { STATUS_TONE_COLORS } from '../../shared/ui/status-badge.tsx';
import './clusters-messages.ts';

/**
 * How many clusters are in each phase, above the list: one quiet toggle per phase present (and "All"),
 * pressed when it is the list's status filter. Clicking one filters the list; clicking it again clears.
 */
export function ClusterStatusCounts({
  clusters,
  selected,
  onSelect,
}: {
  clusters: readonly Cluster[];
  selected: string | null;
  onSelect: (phase: ClusterPhase | null) => void;
}) {
  const { t } = useI18n();
  const counts = new Map<ClusterPhase, number>();
  for (const c of clusters) {
    const phase = c.status?.phase as ClusterPhase | undefined;
    if (phase && (CLUSTER_PHASES as readonly string[]).includes(phase)) counts.set(phase, (counts.get(phase) ?? 0) + 1);
  }
  const present = CLUSTER_PHASES.filter((p) => counts.has(p));
  return (
    <Group gap={6} role="group" aria-label={t('clusters.byStatus')}>
      <Button size="compact-sm" variant={selected === null ? 'light' : 'subtle'} color="gray" aria-pressed={selected === null} onClick={() => onSelect(null)}>
        {t('clusters.byStatusAll', { count: clusters.length })}
      </Button>
      {present.map((phase) => (
        <Button
          key={phase}
          size="compact-sm"
          variant={selected === phase ? 'light' : 'subtle'}
          color={STATUS_TONE_COLORS[CLUSTER_PHASE_STATUS[phase].tone]}
          aria-pressed={selected === phase}
          onClick={() => onSelect(selected === phase ? null : phase)}
        >
          {t('clusters.byStatusPhase', { label: clusterPhaseLabel(t, phase), count: counts.get(phase) ?? 0 })}
        </Button>
      ))}
    </Group>
  );
}
