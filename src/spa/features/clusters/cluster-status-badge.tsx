import { Badge, Loader, Stack, Text } from '@mantine/core';
import type { Cluster } from '../../../contract/clusters.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { isKnownClusterPhase, PHASE_FAMILY_COLORS, phaseFamily } from './cluster-phase.ts';

/**
 * A cluster's phase as a coloured badge; the tooltip gives the reference's meaning of the phase and,
 * when the cloud says why, its reason and message. The badge takes keyboard focus so the tooltip is
 * reachable without a mouse (and screen readers get the same text through aria-describedby).
 */
export function ClusterStatusBadge({ status }: { status: Cluster['status'] }) {
  const { t } = useI18n();
  const phase = status?.phase;
  const family = phaseFamily(phase);
  const label = isKnownClusterPhase(phase) ? t(`phase.${phase}.label`) : t('status.unknown.label');
  const meaning = isKnownClusterPhase(phase)
    ? t(`phase.${phase}.meaning`)
    : phase
      ? t('status.unknown.meaning', { phase })
      : t('status.missing.meaning');

  const details = (
    <Stack gap={4}>
      <Text size="sm">{meaning}</Text>
      {status?.reason ? <Text size="sm">{t('status.reason', { reason: status.reason })}</Text> : null}
      {status?.message ? <Text size="sm">{t('status.message', { message: status.message })}</Text> : null}
    </Stack>
  );

  return (
    <Tooltip label={details}>
      <Badge
        tabIndex={0}
        color={PHASE_FAMILY_COLORS[family]}
        variant={family === 'inactive' ? 'outline' : 'light'}
        leftSection={family === 'transitional' ? <Loader size={10} color="blue" aria-hidden /> : undefined}
        style={{ cursor: 'help', textTransform: 'none' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
