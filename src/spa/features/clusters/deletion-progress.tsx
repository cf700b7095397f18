import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { JobProgress } from '../../resources/jobs/job-progress.tsx';
import { ApiError } from '../../shared/api/api-error.ts';
import './cluster-delete-messages.ts';

interface DeletionProgressProps {
  clusterId: string;
  name: string;
  /** The deletion job (`status.jobID` of the DELETE response), when the cloud returned one. */
  jobId: string | undefined;
  /** The notification showing this: it closes itself a few seconds after the cluster is gone. */
  notificationId: string;
}

/** How long "deleted" stays up before the notification closes itself. */
export const DELETED_NOTICE_MS = 6_000;

/**
 * A deletion in motion: the job's sub-jobs, then "deleted" once the cluster's GET answers 404 — the
 * cluster, not the job, decides ("Tasks are short-lived", reference §2 `status.jobID`). It is shown in
 * a notification, not in the dialog: the dialog belongs to a list row or a detail page, and both go
 * away when the cluster does, while the notification outlives them.
 */
export function DeletionProgress({ clusterId, name, jobId, notificationId }: DeletionProgressProps) {
  const { t } = useI18n();
  // Polled while Deleting (see polling.ts); the 404 that says "gone" ends the polling.
  const gone = useQuery({ ...clusterQueries.detail(clusterId), retry: false });
  const deleted = gone.error instanceof ApiError && gone.error.status === 404;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!deleted) return;
    // The list would notice on its next poll; refreshing now takes the cluster off it as this says "deleted".
    void queryClient.invalidateQueries({ queryKey: clusterQueries.lists() });
    // Done: say so, then get out of the way (an operator may close it sooner).
    const timer = window.setTimeout(() => notifications.hide(notificationId), DELETED_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [deleted, queryClient, notificationId]);

  return (
    <Stack gap="xs">
      {jobId && !deleted ? <JobProgress jobId={jobId} title={t('clusterDelete.jobTitle', { name })} compact /> : null}
      <Text size="sm" c={deleted ? 'green' : undefined}>
        {t(deleted ? 'clusterDelete.done' : 'clusterDelete.inProgress', { name })}
      </Text>
    </Stack>
  );
}
