import { Alert, Badge, Card, Group, Progress, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isJobFinished, jobProgress, type Job, type JobPhase } from '../../../contract/jobs.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { STATUS_TONE_COLORS, type StatusTone } from '../../shared/ui/status-badge.tsx';
import './job-messages.ts';
import { jobQueries } from './job-queries.ts';
import '../../shared/i18n/shared-messages.ts';

/** Every job phase as data: how it reads at a glance. */
export const JOB_PHASE_TONES: Record<JobPhase, StatusTone> = { Initializing: 'idle', Running: 'moving', Failed: 'failed', Success: 'ok' };

function jobPhaseColor(phase: string | undefined): string {
  return STATUS_TONE_COLORS[JOB_PHASE_TONES[phase as JobPhase] ?? 'idle'];
}

export interface JobProgressProps {
  jobId: string;
  /** What the job is doing for the operator ("Creation job", "Deleting prod"); by default "Job <type>". */
  title?: string;
  /** Called once the job has succeeded or failed: the resource, not its job, is the source of truth, so re-read it. */
  onFinished?: () => void;
}

/**
 * The one job view: a job and its sub-jobs as a timeline with progress, polled until it finishes.
 * Jobs are short-lived ("Tasks are short-lived", reference §2): one that is gone is said so plainly.
 */
export function JobProgress({ jobId, title, onFinished }: JobProgressProps) {
  const { t } = useI18n();
  const job = useQuery(jobQueries.detail(jobId));
  const finished = isJobFinished(job.data?.status?.phase);
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished, onFinished]);

  if (job.isError) {
    if (job.error instanceof ApiError && job.error.status === 404) return <Text c="dimmed">{t('jobs.expired', { id: jobId })}</Text>;
    return <ErrorPanel title={t('jobs.loadFailed')} error={job.error} onRetry={() => void job.refetch()} />;
  }
  if (!job.data) return <Text c="dimmed">{t('app.loading')}</Text>;
  return <JobTimeline job={job.data} title={title} />;
}

function JobTimeline({ job, title: givenTitle }: { job: Job; title: string | undefined }) {
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
  const title = givenTitle ?? t('jobs.title', { type: job.spec?.type ?? '—' });
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {title}
          </Title>
          <Badge color={jobPhaseColor(phase)} variant="light">
            {phase}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('jobs.meta', { id: job.metadata?.uid ?? '—', started: time(job.metadata?.creationTimestamp) ?? '—', updated: time(job.metadata?.updateTimestamp) ?? '—' })}
        </Text>
        <Progress value={(done / total) * 100} color={jobPhaseColor(phase)} animated={running} aria-label={t('jobs.progress', { done, total })} />
        <Text size="sm">{t('jobs.progress', { done, total })}</Text>
        {running ? (
          <Text size="xs" c="dimmed">
            {t('jobs.polling')}
          </Text>
        ) : null}
        {job.status?.reason ? (
          <Alert color={phase === 'Failed' ? STATUS_TONE_COLORS.failed : STATUS_TONE_COLORS.idle} variant="light" title={t('jobs.reason')}>
            {job.status.reason}
          </Alert>
        ) : null}
        {subJobs.length > 0 ? (
          <Timeline active={active === -1 ? subJobs.length - 1 : active - 1} bulletSize={18} lineWidth={2} aria-label={t('jobs.subJobs')} role="list">
            {subJobs.map((sub, index) => {
              const subPhase = sub.status?.phase ?? 'Initializing';
              const name = sub.spec?.type ?? t('jobs.step', { n: index + 1 });
              return (
                <Timeline.Item
                  key={sub.metadata?.uid ?? index}
                  role="listitem"
                  aria-label={`${name}: ${subPhase}`}
                  color={jobPhaseColor(subPhase)}
                  title={
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                      <Badge size="sm" variant="dot" color={jobPhaseColor(subPhase)}>
                        {subPhase}
                      </Badge>
                    </Group>
                  }
                >
                  {sub.status?.reason ? (
                    <Text size="xs" c={subPhase === 'Failed' ? STATUS_TONE_COLORS.failed : 'dimmed'}>
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
