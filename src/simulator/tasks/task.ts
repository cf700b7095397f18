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

import type { TaskTwistSpec } from '../../contract/simulator-control.ts';

export interface TaskStep {
  /** Step name as the API reports it where it reports one (`InstallMaster`, `Backup`, …). */
  name: string;
  /** Simulated milliseconds the step takes. */
  durationMs: number;
  /**
   * The world makes this step fail at its end with this reason (an exhausted subnet, a missing
   * dependency), as opposed to a twist armed from outside. Later steps never start.
   */
  failure?: string;
}

/**
 * Where an armed scenario bends the plan (the contract's union, so the control surface and the
 * simulator share it). The task clock acts on `fail` (the task fails when it reaches `atProgress` %
 * of the whole plan's simulated duration) and `stall` (it stops moving there and stays `Running`
 * until cancelled or the world is reset); other variants are data for the kinds that read them.
 */
export type TaskTwist = TaskTwistSpec;

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

export interface TaskStepState {
  name: string;
  /** Clock ms the step started (absent: not yet, or never). */
  startedAt?: number;
  /** Clock ms the step ended (absent: still running or never started). */
  endedAt?: number;
  phase: TaskPhase;
}

export interface TaskState {
  phase: TaskPhase;
  /** Index of the step running (or the last one that started); -1 while none has (Pending, or no steps). */
  stepIndex: number;
  stepName: string;
  /** 0–100, whole numbers, rounded down. */
  progress: number;
  /** Failure reason (the failing step's or the twist's); '' otherwise. */
  reason: string;
  /** Clock ms of the last change of phase or step. */
  changedAt: number;
  /** True once Succeeded, Failed or Cancelled. */
  finished: boolean;
  /** Clock ms at which it finished, or will finish if nothing changes (Infinity while it is bound to stall). */
  endsAt: number;
  steps: readonly TaskStepState[];
}

/**
 * A plan written compactly, each step as `[name, simulated seconds]`: the form the resource modules'
 * lifecycle tables (add-ons, releases) are written in.
 */
export function planOf(...steps: readonly (readonly [name: string, seconds: number])[]): TaskPlan {
  return { steps: steps.map(([name, seconds]) => ({ name, durationMs: seconds * 1_000 })) };
}

export function planDurationMs(plan: TaskPlan): number {
  return plan.steps.reduce((sum, s) => sum + s.durationMs, 0);
}

type Stop = { at: number; kind: 'fail'; reason: string } | { at: number; kind: 'stall' };

/** Where the plan stops short of succeeding, in simulated ms from its start: the earliest of a failing step's end and the twist. */
function stopOf(plan: TaskPlan, total: number): Stop | undefined {
  let stop: Stop | undefined;
  let offset = 0;
  for (const step of plan.steps) {
    offset += step.durationMs;
    if (step.failure !== undefined) {
      stop = { at: offset, kind: 'fail', reason: step.failure };
      break;
    }
  }
  const twist = plan.twist;
  if (twist && (twist.kind === 'fail' || twist.kind === 'stall')) {
    const at = (Math.min(100, Math.max(0, twist.atProgress)) / 100) * total;
    // On a tie the world's own failure wins: it is what the service would report.
    if (!stop || at < stop.at) stop = twist.kind === 'fail' ? { at, kind: 'fail', reason: twist.reason } : { at, kind: 'stall' };
  }
  return stop;
}

/**
 * Where a task stands at clock instant `nowMs`. Rules at the edges, so that every consumer reads the
 * same thing: at its very start nothing has started yet (`Pending`); a step starts the instant the
 * previous one ends, except where the plan stops exactly at that instant (a failure there is the
 * previous step's, failing at its end; a stall there leaves the task between steps); `fail` at 0 %
 * fails the first step the moment the task starts; `stall` at 100 % keeps it `Running` at 100 %; a
 * cancellation counts only from the instant it was made, and not after the task had finished.
 */
export function taskStateAt(task: TaskRecord, nowMs: number): TaskState {
  const { plan, speed, startedAt } = task;
  const total = planDurationMs(plan);
  const real = (simulatedMs: number) => startedAt + simulatedMs / speed;
  const cancelled = task.cancelledAt !== undefined && nowMs >= task.cancelledAt;
  const until = cancelled ? task.cancelledAt! : nowMs;
  const raw = Math.max(0, (until - startedAt) * speed);
  const stop = stopOf(plan, total);
  const stopAt = stop ? stop.at : total;
  const failed = stop?.kind === 'fail' && raw >= stopAt;
  const elapsed = Math.min(raw, stopAt);
  const started = failed || (elapsed > 0 && total > 0) || total === 0;

  const steps: TaskStepState[] = [];
  let offset = 0;
  let stepIndex = -1;
  let changedAt = startedAt;
  for (const [index, step] of plan.steps.entries()) {
    const start = offset;
    const end = offset + step.durationMs;
    offset = end;
    const neverStarts = index > 0 && elapsed === start && start === stopAt;
    if (!started || elapsed < start || neverStarts) {
      steps.push({ name: step.name, phase: 'Pending' });
      continue;
    }
    stepIndex = index;
    changedAt = real(start);
    if (elapsed >= end) {
      steps.push({ name: step.name, startedAt: real(start), endedAt: real(end), phase: 'Succeeded' });
      changedAt = real(end);
    } else {
      steps.push({ name: step.name, startedAt: real(start), phase: 'Running' });
    }
  }
  const stepName = stepIndex >= 0 ? plan.steps[stepIndex]!.name : '';
  const progress = total === 0 ? 100 : Math.floor((elapsed / total) * 100);

  if (failed) {
    const at = real(stopAt);
    const last = steps[stepIndex];
    // The step the plan stopped in fails, even one that had just reached its end.
    if (last) Object.assign(last, { phase: 'Failed', endedAt: at });
    return { phase: 'Failed', stepIndex, stepName, progress, reason: stop.reason, changedAt: at, finished: true, endsAt: at, steps };
  }
  if (stop?.kind !== 'stall' && elapsed >= total) {
    return { phase: 'Succeeded', stepIndex, stepName, progress: 100, reason: '', changedAt: real(total), finished: true, endsAt: real(total), steps };
  }
  if (cancelled) {
    const at = task.cancelledAt!;
    const last = steps[stepIndex];
    if (last && last.phase === 'Running') Object.assign(last, { phase: 'Cancelled', endedAt: at });
    return { phase: 'Cancelled', stepIndex, stepName, progress, reason: '', changedAt: at, finished: true, endsAt: at, steps };
  }
  const endsAt = stop?.kind === 'stall' ? Infinity : real(stopAt);
  if (!started) return { phase: 'Pending', stepIndex, stepName, progress: 0, reason: '', changedAt: startedAt, finished: false, endsAt, steps };
  return { phase: 'Running', stepIndex, stepName, progress, reason: '', changedAt, finished: false, endsAt, steps };
}

/**
 * Deterministic jitter (±20 %, rounded to 100 ms) so that two tasks of one kind do not take exactly
 * the same time while tests stay reproducible: derived from a key (the task id), not from a random source.
 */
export function jitter(baseMs: number, key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  const factor = 0.8 + ((h % 1000) / 1000) * 0.4;
  return Math.round((baseMs * factor) / 100) * 100;
}
