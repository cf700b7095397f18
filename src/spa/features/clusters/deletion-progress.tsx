import { Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { JobProgress } from '../../resources/jobs/job-progress.tsx';
import { ApiError } from '../../shared/api/api-error.ts';
import './cluster-delete-messages.ts';

export interface DeletionProgressProps {
  clusterId: string;
  name: string;
  /** The deletion job (`status.jobID` of the DELETE response), when the cloud returned one. */
  jobId: string | undefined;
}

/**
 * A deletion in motion: the job's sub-jobs, then "deleted" once the cluster's GET answers 404 — the
 * cluster, not the job, decides ("Tasks are short-lived", reference §2 `status.jobID`). It is shown in
 * a notification, not in the dialog: the dialog belongs to a list row or a detail page, and both go
 * away when the cluster does, while the notification outlives them.
 */
export function DeletionProgress({ clusterId, name, jobId }: DeletionProgressProps) {
  const { t } = useI18n();
  // Polled while Deleting (see polling.ts); the 404 that says "gone" ends the polling.
  const gone = useQuery({ ...clusterQueries.detail(clusterId), retry: false });
  const deleted = gone.error instanceof ApiError && gone.error.status === 404;
  const queryClient = useQueryClient();
  useEffect(() => {
    // The list would notice on its next poll; refreshing now takes the cluster off it as this says "deleted".
    if (deleted) void queryClient.invalidateQueries({ queryKey: clusterQueries.lists() });
  }, [deleted, queryClient]);

  return (
    <Stack gap="xs">
      {jobId ? <JobProgress jobId={jobId} title={t('clusterDelete.jobTitle', { name })} /> : null}
      <Text size="sm" c={deleted ? 'green' : undefined}>
        {t(deleted ? 'clusterDelete.done' : 'clusterDelete.inProgress', { name })}
      </Text>
    </Stack>
  );
}
