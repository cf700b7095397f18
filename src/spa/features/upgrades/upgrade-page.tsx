import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ClusterStatusBadge } from '../../resources/clusters/cluster-status.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { PresenterPanel } from './presenter-panel.tsx';
import { UpgradeHistory } from './upgrade-history.tsx';
import { UpgradeWizard } from './upgrade-wizard.tsx';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

/** One cluster's upgrade: the guided wizard (read from the cloud's workflow) and its history, each tab addressable. */
export function UpgradePage() {
  const { t } = useI18n();
  const { clusterId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'wizard';
  const cluster = useQuery(clusterQueries.detail(clusterId));
  if (cluster.isError) return <ErrorPanel title={t('upgrade.page.loadFailed')} error={cluster.error} onRetry={() => void cluster.refetch()} />;
  if (!cluster.data) return <PageLoader />;
  const c = cluster.data;
  const name = c.metadata.name ?? clusterId;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/clusters/${clusterId}`} size="sm">
        {t('upgrade.page.back')}
      </Anchor>
      <PageHeader title={t('upgrade.page.title', { name })} />
      <Stack gap={4} mt="-md">
        <ClusterStatusBadge status={c.status} />
        <Text size="sm">{t('upgrade.page.version', { version: c.spec?.version ?? '' })}</Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => setParams(value === 'history' ? { tab: 'history' } : {}, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="wizard">{t('upgrade.tab.wizard')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('upgrade.tab.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="wizard" pt="md">
          {tab === 'wizard' && <UpgradeWizard cluster={c} />}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          {tab === 'history' && <UpgradeHistory clusterId={clusterId} />}
        </Tabs.Panel>
      </Tabs>
      <PresenterPanel clusterId={clusterId} clusterName={name} />
    </Stack>
  );
}
