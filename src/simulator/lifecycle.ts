/**
 * Lifecycles without timers: a job stores when it started (on the simulator clock) and a plan of
 * sub-jobs with simulated offsets and durations; its phase "as of now" is computed on every request
 * from `(now - startedAt) * speed`. A fake clock can therefore jump minutes ahead in one call, and
 * nothing runs between requests.
 */

/** Job phases (`JobPhaseInitializing` … of the reference, OP7). */
export type JobPhase = 'Initializing' | 'Running' | 'Failed' | 'Success';

export interface SubJobPlan {
  uid: string;
  /** Job type as CCE names them (`InstallMaster`, `CreatePSMCert`, …). */
  type: string;
  /** Simulated ms from the job's start to this sub-job's start. */
  offsetMs: number;
  /** Simulated ms the sub-job runs. */
  durationMs: number;
  /** When set, the sub-job fails with this reason at its end, and the job with it. */
  failure?: string;
  /** `spec.resourceID` / `extendParam` of the sub-job when it concerns one resource. */
  resourceId?: string;
  extendParam?: Record<string, string>;
}

export type JobKind = 'CreateCluster' | 'DeleteCluster' | 'UpgradeCluster';

export interface JobRecord {
  uid: string;
  type: JobKind;
  clusterUid: string;
  resourceId: string;
  resourceName: string;
  /** Real (clock) ms when the job was created. */
  startedAt: number;
  /** Simulated ms spent in `Initializing` before the first sub-job starts. */
  initializingMs: number;
  subJobs: SubJobPlan[];
  extendParam?: Record<string, string>;
}

export interface SubJobState {
  plan: SubJobPlan;
  phase: JobPhase;
  /** Real ms of the sub-job's last state change (for `updateTimestamp`). */
  changedAt: number;
  startedAt: number;
}

export interface JobState {
  phase: JobPhase;
  reason: string;
  subJobs: SubJobState[];
  /** Real ms of the job's last state change. */
  changedAt: number;
  /** True once the job is `Success` or `Failed`. */
  finished: boolean;
  /** Real ms at which the job finished or will finish if nothing fails. */
  endsAt: number;
}

/** Total simulated duration of a plan. */
export function planDurationMs(job: Pick<JobRecord, 'initializingMs' | 'subJobs'>): number {
  return job.subJobs.reduce((end, s) => Math.max(end, s.offsetMs + s.durationMs), job.initializingMs);
}

/** Where a job stands at `nowMs`, with simulated time running `speed` times faster than the clock. */
export function jobStateAt(job: JobRecord, nowMs: number, speed: number): JobState {
  const elapsed = Math.max(0, (nowMs - job.startedAt) * speed);
  const real = (simulatedMs: number) => job.startedAt + simulatedMs / speed;
  const subJobs: SubJobState[] = [];
  let failedReason: string | undefined;
  let failedAt = Infinity;
  for (const plan of job.subJobs) {
    const start = plan.offsetMs;
    const end = plan.offsetMs + plan.durationMs;
    // A sub-job after a failed one never starts: "subsequent processes are blocked".
    if (start >= failedAt || elapsed < start) {
      subJobs.push({ plan, phase: 'Initializing', changedAt: job.startedAt, startedAt: real(start) });
    } else if (elapsed < end) {
      subJobs.push({ plan, phase: 'Running', changedAt: real(start), startedAt: real(start) });
    } else if (plan.failure) {
      subJobs.push({ plan, phase: 'Failed', changedAt: real(end), startedAt: real(start) });
      if (end < failedAt) {
        failedAt = end;
        failedReason = plan.failure;
      }
    } else {
      subJobs.push({ plan, phase: 'Success', changedAt: real(end), startedAt: real(start) });
    }
  }
  const total = planDurationMs(job);
  if (failedReason !== undefined) {
    return { phase: 'Failed', reason: failedReason, subJobs, changedAt: real(failedAt), finished: true, endsAt: real(failedAt) };
  }
  if (elapsed >= total) return { phase: 'Success', reason: '', subJobs, changedAt: real(total), finished: true, endsAt: real(total) };
  if (elapsed < job.initializingMs) return { phase: 'Initializing', reason: '', subJobs, changedAt: job.startedAt, finished: false, endsAt: real(total) };
  return { phase: 'Running', reason: '', subJobs, changedAt: real(job.initializingMs), finished: false, endsAt: real(total) };
}

/** Lays sub-jobs end to end after the initializing period. */
export function sequentialPlan(
  initializingMs: number,
  steps: readonly (Omit<SubJobPlan, 'offsetMs'>)[],
): { initializingMs: number; subJobs: SubJobPlan[] } {
  let offset = initializingMs;
  const subJobs = steps.map((step) => {
    const planned = { ...step, offsetMs: offset };
    offset += step.durationMs;
    return planned;
  });
  return { initializingMs, subJobs };
}

/**
 * Deterministic jitter (±20 %) so that two jobs of the same kind do not take exactly the same time
 * while tests stay reproducible: derived from the job id, not from a random source.
 */
export function jitter(baseMs: number, key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  const factor = 0.8 + ((h % 1000) / 1000) * 0.4;
  return Math.round((baseMs * factor) / 100) * 100;
}
