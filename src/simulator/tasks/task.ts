/**
 * The simulator's one lifecycle mechanism: a task is a plan of steps over simulated time, started at a
 * clock instant, whose state at any later instant is a pure function of the plan and that instant (no
 * timers: a fake clock may jump hours ahead in one call). What a task *does* to the world is applied
 * once, by its kind's `settle` effect, when the store settles a task that has finished.
 *
 * Cluster jobs, add-on installs, pre-checks, backups, upgrade tasks, workflow steps and Helm revisions
 * are kinds of task (see registry.ts); a scenario (scenarios.ts) changes a task's plan when it is started
 * — "fail at 40 %", "stall at 60 %" — so a demo is deterministic and a test never sleeps.
 */

export interface TaskStep {
  /** Step name as the API reports it where it reports one (`InstallMaster`, `Backup`, …). */
  name: string;
  /** Simulated milliseconds the step takes. */
  durationMs: number;
}

/** Where an armed scenario bends the plan: progress is 0–100 over the whole plan's simulated duration. */
export type TaskTwist =
  | { kind: 'fail'; atProgress: number; reason: string }
  /** The task stops moving at that point and stays `Running` until it is cancelled or the world is reset. */
  | { kind: 'stall'; atProgress: number };

export interface TaskPlan {
  steps: readonly TaskStep[];
  twist?: TaskTwist;
}

export interface TaskRecord<D = unknown> {
  id: string;
  /** A registered kind (registry.ts), e.g. `addon.install`. */
  kind: string;
  /** Id of the resource the task works on (cluster uid, add-on instance id, release key, …). */
  subjectId: string;
  /** Clock ms when it started. */
  startedAt: number;
  /** Simulated-time multiplier in force when it started. */
  speed: number;
  plan: TaskPlan;
  /** What the kind needs to apply its effect (target version, values, …). */
  data: D;
  /** Set once the kind's effect has been applied. */
  settled: boolean;
  /** Clock ms when it was cancelled; a cancelled task stops where it was and settles as `Cancelled`. */
  cancelledAt?: number;
}

export type TaskPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';

export interface TaskState {
  phase: TaskPhase;
  /** Index of the step running (or the one it ended in); -1 before the first starts (no steps). */
  stepIndex: number;
  stepName: string;
  /** 0–100, whole numbers. */
  progress: number;
  /** Failure reason from the plan's twist; '' otherwise. */
  reason: string;
  /** Clock ms of the last change of phase or step. */
  changedAt: number;
  /** True once Succeeded, Failed or Cancelled. */
  finished: boolean;
  /** Clock ms at which it finished, or will finish if nothing changes (Infinity while stalled). */
  endsAt: number;
  /** Clock ms each step started (undefined: not yet) and ended. */
  steps: readonly { name: string; startedAt?: number; endedAt?: number; phase: TaskPhase }[];
}

export function planDurationMs(plan: TaskPlan): number {
  return plan.steps.reduce((sum, s) => sum + s.durationMs, 0);
}

/** Where a task stands at clock instant `nowMs`. */
export function taskStateAt(task: TaskRecord, nowMs: number): TaskState {
  const { plan, speed, startedAt } = task;
  const total = planDurationMs(plan);
  const real = (simulatedMs: number) => startedAt + simulatedMs / speed;
  const until = task.cancelledAt !== undefined ? Math.min(nowMs, task.cancelledAt) : nowMs;
  let elapsed = Math.max(0, (until - startedAt) * speed);
  let stopAt = total;
  let failed = false;
  let stalled = false;
  if (plan.twist) {
    const at = (Math.min(100, Math.max(0, plan.twist.atProgress)) / 100) * total;
    stopAt = at;
    if (plan.twist.kind === 'fail') failed = elapsed >= at;
    else stalled = true;
  }
  elapsed = Math.min(elapsed, stopAt);
  const steps: { name: string; startedAt?: number; endedAt?: number; phase: TaskPhase }[] = [];
  let offset = 0;
  let stepIndex = plan.steps.length > 0 ? 0 : -1;
  let changedAt = startedAt;
  for (const [index, step] of plan.steps.entries()) {
    const start = offset;
    const end = offset + step.durationMs;
    offset = end;
    // A step that would start exactly where a twist stops the plan never starts.
    if (elapsed < start || (index > 0 && elapsed === start && start === stopAt)) {
      steps.push({ name: step.name, phase: 'Pending' });
      continue;
    }
    stepIndex = index;
    changedAt = real(start);
    if (elapsed >= end && end <= stopAt) {
      steps.push({ name: step.name, startedAt: real(start), endedAt: real(end), phase: 'Succeeded' });
      changedAt = real(end);
    } else {
      steps.push({ name: step.name, startedAt: real(start), phase: 'Running' });
    }
  }
  const progress = total === 0 ? 100 : Math.floor((elapsed / total) * 100);
  const stepName = stepIndex >= 0 ? plan.steps[stepIndex]!.name : '';
  if (failed) {
    const at = real(stopAt);
    const last = steps[stepIndex];
    if (last) Object.assign(last, { phase: 'Failed', endedAt: at });
    const reason = plan.twist?.kind === 'fail' ? plan.twist.reason : '';
    return { phase: 'Failed', stepIndex, stepName, progress, reason, changedAt: at, finished: true, endsAt: at, steps };
  }
  if (task.cancelledAt !== undefined && elapsed < total) {
    const last = steps[stepIndex];
    if (last && last.phase === 'Running') Object.assign(last, { phase: 'Cancelled', endedAt: task.cancelledAt });
    return { phase: 'Cancelled', stepIndex, stepName, progress, reason: '', changedAt: task.cancelledAt, finished: true, endsAt: task.cancelledAt, steps };
  }
  if (!stalled && elapsed >= total) {
    return { phase: 'Succeeded', stepIndex, stepName, progress: 100, reason: '', changedAt: real(total), finished: true, endsAt: real(total), steps };
  }
  const endsAt = stalled ? Infinity : real(total);
  if (elapsed === 0 && total > 0) return { phase: 'Pending', stepIndex, stepName, progress: 0, reason: '', changedAt: startedAt, finished: false, endsAt, steps };
  return { phase: 'Running', stepIndex, stepName, progress, reason: '', changedAt, finished: false, endsAt, steps };
}
