import { Text } from '@mantine/core';
import type { Cluster } from '../../../contract/clusters.ts';
import { clusterJobId } from '../../resources/clusters/cluster-job-id.ts';
import { JobProgress } from '../../resources/jobs/job-progress.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import './cluster-detail-messages.ts';

/** The jobs tab: the cluster's running or last job, polled while it runs; the cluster is re-read when it ends. */
export function ClusterJobTab({ cluster, onJobFinished }: { cluster: Cluster; onJobFinished?: () => void }) {
  const { t } = useI18n();
  const jobId = clusterJobId(cluster);
  if (!jobId) return <Text c="dimmed">{t('clusterDetail.noJob')}</Text>;
  return <JobProgress jobId={jobId} {...(onJobFinished ? { onFinished: onJobFinished } : {})} />;
}
