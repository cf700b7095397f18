import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ClusterStatusBadge } from '../../resources/clusters/cluster-status.tsx';
import { ApiError } from '../../shared/api/api-error.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';
import { ClusterAccess } from './cluster-access.tsx';
import { ClusterEdit } from './cluster-edit.tsx';
import { ClusterJobTab } from './cluster-job-tab.tsx';
import { ClusterOverview } from './cluster-overview.tsx';
import { ClusterTags } from './cluster-tags.tsx';
import { DeleteClusterButton } from './delete-cluster-button.tsx';
import './cluster-detail-messages.ts';
import './clusters-messages.ts';

const TABS = ['overview', 'access', 'tags', 'jobs', 'edit'] as const;
type Tab = (typeof TABS)[number];

/** One cluster: overview, access (endpoints, EIP, kubeconfig), tags, its job and the edit form, each tab addressable (`?tab=access`). */
export function ClusterDetailPage() {
  const { t } = useI18n();
  const { clusterId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const cluster = useQuery(clusterQueries.detail(clusterId));
  const { refetch } = cluster;
  const rereadCluster = useCallback(() => void refetch(), [refetch]);

  if (cluster.isError) {
    const gone = cluster.error instanceof ApiError && cluster.error.status === 404;
    return (
      <Stack>
        <PageHeader title={clusterId} />
        <ErrorPanel title={t(gone ? 'clusterDetail.notFound' : 'clusterDetail.loadFailed')} error={cluster.error} onRetry={() => void cluster.refetch()} />
        <Anchor component={Link} to="/clusters">
          {t('clusterDetail.backToList')}
        </Anchor>
      </Stack>
    );
  }
  if (!cluster.data) return <PageLoader />;
  const c = cluster.data;
  const name = c.metadata.name ?? clusterId;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/clusters" size="sm">
        {t('clusterDetail.backToList')}
      </Anchor>
      <Stack gap={0}>
        <PageHeader title={name} actions={<DeleteClusterButton cluster={c} size="sm" />} />
        {/* Beside the h1, not inside PageHeader's description paragraph: the badges are block elements. */}
        <Group gap="sm" mt="-md" mb="md" aria-label={t('clusterDetail.summary')} role="group">
          <ClusterStatusBadge status={c.status} />
          <Text span size="sm">
            {c.spec?.version} {c.spec?.platformVersion ? `(${c.spec.platformVersion})` : ''}
          </Text>
          {c.metadata.alias && c.metadata.alias !== name ? (
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {t('clusters.alias', { alias: c.metadata.alias })}
            </Badge>
          ) : null}
        </Group>
      </Stack>
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`clusterDetail.tab.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <ClusterOverview cluster={c} />
        </Tabs.Panel>
        <Tabs.Panel value="access" pt="md">
          <ClusterAccess cluster={c} />
        </Tabs.Panel>
        <Tabs.Panel value="tags" pt="md">
          <ClusterTags cluster={c} />
        </Tabs.Panel>
        <Tabs.Panel value="jobs" pt="md">
          <ClusterJobTab cluster={c} onJobFinished={rereadCluster} />
        </Tabs.Panel>
        <Tabs.Panel value="edit" pt="md">
          {/* Keyed by the update time: a saved (or elsewhere changed) cluster starts the form afresh. */}
          <ClusterEdit key={c.metadata.updateTimestamp ?? ''} cluster={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
