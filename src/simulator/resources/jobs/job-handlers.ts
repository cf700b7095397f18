import type { HandlersOf } from '../../handler.ts';
import { cceError, jsonResponse } from '../../http.ts';
import type { SimulatorStore } from '../../store.ts';
import { findClusterJob, renderClusterJob } from '../clusters/cluster-jobs.ts';

/** OP7 — jobs stay queryable after they finish (and after a deleted cluster is gone). */
export function showJob(store: SimulatorStore, now: number, jobId: string): Response {
  const job = findClusterJob(store, jobId);
  if (!job) throw cceError('CCE.01404001', `Job ${jobId} does not exist.`);
  return jsonResponse(200, renderClusterJob(job, store.tasks.state(job, now)));
}

export const jobHandlers: HandlersOf<'showJob'> = {
  showJob: ({ params, store, now }) => showJob(store, now, params.job_id),
};
