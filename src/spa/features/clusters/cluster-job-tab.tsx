import { Alert, Badge, Card, Group, Progress, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Cluster } from '../../../contract/clusters.ts';
import { isJobFinished, jobProgress, type Job } from '../../../contract/jobs.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterQueries } from './cluster-queries.ts';

const PHASE_COLOR: Record<string, string> = { Success: 'green', Failed: 'red', Running: 'blue', Initializing: 'gray' };

/**
 * The job behind the cluster's current (or last) state. `status.jobID` names it ("ID of the task
 * associated with the current cluster status"); the create response also carries it as the
 * `jobid` annotation, so that is the fallback when a response leaves `jobID` out.
 */
export function clusterJobId(cluster: Cluster): string | undefined {
  const annotations = cluster.metadata.annotations as Record<string, string> | null | undefined;
  return cluster.status?.jobID || annotations?.jobid || undefined;
}

/** The jobs tab: the cluster's running or last job, its sub-jobs as a timeline, polled while it runs. */
export function ClusterJobTab({ projectId, cluster, onJobFinished }: { projectId: string; cluster: Cluster; onJobFinished?: () => void }) {
  const { t } = useI18n();
  const jobId = clusterJobId(cluster);
  const job = useQuery({ ...clusterQueries.job({ projectId, jobId: jobId ?? '' }), enabled: Boolean(projectId && jobId) });
  const finished = isJobFinished(job.data?.status?.phase);
  // The cluster is authoritative, not the job ("Tasks are short-lived"): re-read it when its job ends.
  useEffect(() => {
    if (finished) onJobFinished?.();
  }, [finished, onJobFinished]);

  if (!jobId) return <Text c="dimmed">{t('clusterDetail.noJob')}</Text>;
  if (job.isError) {
    // Jobs are short-lived: a job that is gone is not a failure of the console.
    if (job.error instanceof ApiError && job.error.status === 404) return <Text c="dimmed">{t('clusterJob.expired', { id: jobId })}</Text>;
    return <ErrorPanel title={t('jobs.loadFailed')} error={job.error} onRetry={() => void job.refetch()} />;
  }
  if (!job.data) return <Text c="dimmed">{t('app.loading')}</Text>;
  return <JobTimeline job={job.data} />;
}

export function JobTimeline({ job }: { job: Job }) {
  const { t, formatDateTime } = useI18n();
  const { done, total } = jobProgress(job);
  const phase = job.status?.phase ?? 'Initializing';
  const running = !isJobFinished(phase);
  const subJobs = job.spec?.subJobs ?? [];
  // The step being worked on: the first that has not succeeded (all done → past the end).
  const active = subJobs.findIndex((s) => s.status?.phase !== 'Success');
  const time = (value: string | undefined) => {
    const date = parseCceTimestamp(value);
    return date ? formatDateTime(date) : undefined;
  };
  const title = t('clusterJob.title', { type: job.spec?.type ?? '—' });

  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {title}
          </Title>
          <Badge color={PHASE_COLOR[phase] ?? 'gray'} variant="light">
            {phase}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('clusterJob.meta', { id: job.metadata?.uid ?? '—', started: time(job.metadata?.creationTimestamp) ?? '—', updated: time(job.metadata?.updateTimestamp) ?? '—' })}
        </Text>
        <Progress
          value={(done / total) * 100}
          color={phase === 'Failed' ? 'red' : phase === 'Success' ? 'green' : 'blue'}
          animated={running}
          aria-label={t('jobs.progress', { done, total })}
        />
        <Text size="sm">{t('jobs.progress', { done, total })}</Text>
        {running ? (
          <Text size="xs" c="dimmed">
            {t('clusterJob.polling')}
          </Text>
        ) : null}
        {job.status?.reason ? (
          <Alert color={phase === 'Failed' ? 'red' : 'gray'} variant="light" title={t('clusterJob.reason')}>
            {job.status.reason}
          </Alert>
        ) : null}
        {subJobs.length > 0 ? (
          <Timeline active={active === -1 ? subJobs.length - 1 : active - 1} bulletSize={18} lineWidth={2} aria-label={t('jobs.subJobs')} role="list">
            {subJobs.map((sub, index) => {
              const subPhase = sub.status?.phase ?? 'Initializing';
              return (
                <Timeline.Item
                  key={sub.metadata?.uid ?? index}
                  role="listitem"
                  aria-label={`${sub.spec?.type ?? t('jobs.step', { n: index + 1 })}: ${subPhase}`}
                  color={PHASE_COLOR[subPhase] ?? 'gray'}
                  title={
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {sub.spec?.type ?? t('jobs.step', { n: index + 1 })}
                      </Text>
                      <Badge size="sm" variant="dot" color={PHASE_COLOR[subPhase] ?? 'gray'}>
                        {subPhase}
                      </Badge>
                    </Group>
                  }
                >
                  {sub.status?.reason ? (
                    <Text size="xs" c={subPhase === 'Failed' ? 'red' : 'dimmed'}>
                      {sub.status.reason}
                    </Text>
                  ) : null}
                  {time(sub.metadata?.updateTimestamp) ? (
                    <Text size="xs" c="dimmed">
                      {time(sub.metadata?.updateTimestamp)}
                    </Text>
                  ) : null}
                </Timeline.Item>
              );
            })}
          </Timeline>
        ) : null}
      </Stack>
    </Card>
  );
}
