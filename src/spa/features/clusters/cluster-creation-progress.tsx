import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FAILED_CLUSTER_PHASES, type Cluster } from '../../../contract/clusters.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ClusterStatusBadge } from '../../resources/clusters/cluster-status.tsx';
import { JobProgress } from '../../resources/jobs/job-progress.tsx';
import './create-cluster-messages.ts';
import './cluster-detail-messages.ts';

/**
 * After a create request was accepted: the creation job with its sub-jobs until the cluster is
 * Available (the heading then says it was created), or why it failed (the job's reason and the cluster's reason/message). The cluster, not
 * the job, decides the outcome: "Tasks are short-lived" (reference §2, `status.jobID`).
 */
export function ClusterCreationProgress({ created }: { created: Cluster }) {
  const { t } = useI18n();
  const clusterId = created.metadata.uid ?? '';
  const name = created.metadata.name ?? '';
  const live = useQuery({ ...clusterQueries.detail(clusterId), enabled: Boolean(clusterId) });
  const status = live.data?.status ?? created.status;
  const phase = status?.phase;
  const failed = (FAILED_CLUSTER_PHASES as readonly string[]).includes(phase ?? '');
  // The create response carries the job twice (`status.jobID`, `metadata.annotations.jobid`); the cluster drops it once settled.
  const jobId = created.status?.jobID ?? created.metadata.annotations?.jobid;

  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={
          failed
            ? t('clusterCreate.creationFailed', { name })
            : phase === 'Available'
              ? t('clusterCreate.createdTitle', { name })
              : t('clusterCreate.creatingTitle', { name })
        }
      />
      <Group>
        <ClusterStatusBadge status={status} />
        {phase === 'Available' ? <Text>{t('clusterCreate.ready')}</Text> : null}
      </Group>
      {jobId ? <JobProgress jobId={jobId} title={t('clusterCreate.jobTitle')} /> : null}
      {failed ? (
        <Alert color="red" variant="light">
          {[status?.reason, status?.message].filter(Boolean).join(': ') || t('clusterCreate.noReason')}
        </Alert>
      ) : null}
      <Group>
        <Anchor component={Link} to={`/clusters/${encodeURIComponent(clusterId)}`}>
          {t('clusterCreate.openCluster')}
        </Anchor>
        <Anchor component={Link} to="/clusters">
          {t('clusterDetail.backToList')}
        </Anchor>
      </Group>
    </Stack>
  );
}
