import { Badge, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Cluster } from '../../../contract/clusters.ts';
import { currentPatchVersion } from '../../../contract/upgrades.ts';
import { upgradeQueries } from './upgrade-queries.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { deriveJourney, openWorkflowOf } from './upgrade-journey.ts';
import './upgrade-messages.ts';

/**
 * The cluster detail's way in: whether an upgrade is available, any upgrade in flight with its step,
 * and "Upgrade cluster" (or "Resume upgrade") opening the wizard.
 */
export function UpgradeEntry({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const clusterId = cluster.metadata.uid ?? '';
  const info = useQuery(upgradeQueries.info(clusterId));
  const workflows = useQuery(upgradeQueries.workflows(clusterId));
  const open = openWorkflowOf(workflows.data?.items ?? []);
  const journey = open ? deriveJourney({ workflow: open, now: new Date() }) : undefined;
  const targets = info.data?.spec?.versionInfo?.targetVersions ?? [];
  const patch = info.data ? currentPatchVersion(info.data) : undefined;
  return (
    <Group gap="sm">
      {patch && <Text size="sm">{t('upgrade.entry.patch', { patch })}</Text>}
      {journey ? (
        <Badge variant="light" color={journey.upgrade === 'failed' ? 'red' : 'blue'} style={{ textTransform: 'none' }}>
          {t('upgrade.entry.inFlight', { step: t(`upgrade.step.${journey.step}`) })}
        </Badge>
      ) : info.data ? (
        <Badge variant="light" color={targets.length > 0 ? 'blue' : 'green'} style={{ textTransform: 'none' }}>
          {targets.length > 0 ? t('upgrade.entry.available', { targets: targets.join(', ') }) : t('upgrade.entry.upToDate')}
        </Badge>
      ) : null}
      {(journey || targets.length > 0) && (
        <Button component={Link} to={`/upgrades/${clusterId}`} size="sm" variant={journey ? 'filled' : 'light'}>
          {t('upgrade.entry.button')}
        </Button>
      )}
    </Group>
  );
}
