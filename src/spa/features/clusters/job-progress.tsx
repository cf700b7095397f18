import { Badge, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { jobProgress, type Job } from '../../../contract/jobs.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { clusterQueries } from './cluster-queries.ts';

const PHASE_COLOR: Record<string, string> = { Success: 'green', Failed: 'red', Running: 'blue', Initializing: 'gray' };

/** A job and its sub-jobs as a progress view; polls until the job finishes. */
export function JobProgress({ projectId, jobId, title, compact = false }: { projectId: string; jobId: string; title: string; compact?: boolean }) {
  const { t } = useI18n();
  const job = useQuery(clusterQueries.job({ projectId, jobId }));
  if (job.isError) return <ErrorPanel title={t('jobs.loadFailed')} error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <Text c="dimmed">{t('app.loading')}</Text>;
  return <JobView job={job.data} title={title} compact={compact} />;
}

/**
 * `compact`: progress, step count and the step running now, without the list of steps — for a
 * notification, which must stay a few lines high (the full list is on the cluster's Jobs tab).
 */
export function JobView({ job, title, compact = false }: { job: Job; title: string; compact?: boolean }) {
  const { t } = useI18n();
  const { done, total } = jobProgress(job);
  const phase = job.status?.phase ?? 'Initializing';
  const failed = phase === 'Failed';
  const current = (job.spec?.subJobs ?? []).find((sub) => sub.status?.phase === 'Running');
  return (
    <Stack gap="xs" aria-label={title} role="group">
      <Group justify="space-between">
        <Text fw={500}>{title}</Text>
        <Badge color={PHASE_COLOR[phase] ?? 'gray'} variant="light">
          {phase}
        </Badge>
      </Group>
      <Progress value={(done / total) * 100} color={failed ? 'red' : phase === 'Success' ? 'green' : 'blue'} animated={!failed && phase !== 'Success'} aria-label={t('jobs.progress', { done, total })} />
      <Text size="sm" c="dimmed">
        {t('jobs.progress', { done, total })}
        {compact && current?.spec?.type ? ` · ${current.spec.type}` : ''}
      </Text>
      {job.status?.reason ? (
        <Text size="sm" c={failed ? 'red' : undefined}>
          {job.status.reason}
        </Text>
      ) : null}
      {!compact && (job.spec?.subJobs ?? []).length > 0 ? (
        <List size="sm" spacing={4} aria-label={t('jobs.subJobs')}>
          {job.spec!.subJobs!.map((sub, index) => (
            <List.Item key={sub.metadata?.uid ?? index}>
              <Group gap="xs">
                <Text size="sm">{sub.spec?.type ?? t('jobs.step', { n: index + 1 })}</Text>
                <Badge size="sm" color={PHASE_COLOR[sub.status?.phase ?? ''] ?? 'gray'} variant="dot">
                  {sub.status?.phase ?? '—'}
                </Badge>
                {sub.status?.reason ? (
                  <Text size="xs" c="dimmed">
                    {sub.status.reason}
                  </Text>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
