import { showJob } from '../../../contract/clusters.ts';
import { isJobFinished, type Job } from '../../../contract/jobs.ts';
import { operationQuery } from '../../shared/api/operation-query.ts';
import { pollWhile } from '../../shared/api/polling.ts';

/** A job is in motion until it succeeds or fails. */
export function jobInMotion(job: Job): boolean {
  return !isJobFinished(job.status?.phase);
}

export const jobQueries = {
  /** A job with its sub-jobs; polled at the task pace (jobs move faster than clusters) until it finishes. */
  detail: (jobId: string) => operationQuery(showJob, { params: { job_id: jobId } }, { refetchInterval: pollWhile(jobInMotion, 'task') }),
};
