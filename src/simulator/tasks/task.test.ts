import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jitter, planDurationMs, taskStateAt, type TaskPlan, type TaskRecord, type TaskState, type TaskTwist } from './task.ts';

const S = Date.UTC(2025, 2, 10, 8, 0, 0);
const SECOND = 1000;
/** 10 s + 20 s + 10 s: the boundaries sit at 25 % and 75 %. */
const STEPS = [
  { name: 'A', durationMs: 10 * SECOND },
  { name: 'B', durationMs: 20 * SECOND },
  { name: 'C', durationMs: 10 * SECOND },
];

function task(plan: Partial<TaskPlan> = {}, extra: Partial<TaskRecord> = {}): TaskRecord {
  return { id: 't1', kind: 'test.kind', subjectId: 's1', startedAt: S, speed: 1, plan: { steps: STEPS, ...plan }, data: {}, settled: false, ...extra };
}

const fail = (atProgress: number): TaskTwist => ({ kind: 'fail', atProgress, reason: 'boom' });
const stall = (atProgress: number): TaskTwist => ({ kind: 'stall', atProgress });
const phases = (state: TaskState) => state.steps.map((s) => `${s.name}:${s.phase}`).join(' ');

describe('a task without a twist', () => {
  it('is Pending with nothing started at its very start, and before it', () => {
    for (const at of [S - 5 * SECOND, S]) {
      const state = taskStateAt(task(), at);
      expect(state).toMatchObject({ phase: 'Pending', stepIndex: -1, stepName: '', progress: 0, finished: false, changedAt: S, endsAt: S + 40 * SECOND });
      expect(phases(state)).toBe('A:Pending B:Pending C:Pending');
    }
  });

  it('runs its steps one after another; a step starts the instant the previous one ends', () => {
    const justStarted = taskStateAt(task(), S + 1);
    expect(justStarted).toMatchObject({ phase: 'Running', stepIndex: 0, stepName: 'A', progress: 0, changedAt: S });
    expect(phases(justStarted)).toBe('A:Running B:Pending C:Pending');

    const boundary = taskStateAt(task(), S + 10 * SECOND);
    expect(boundary).toMatchObject({ phase: 'Running', stepIndex: 1, stepName: 'B', progress: 25, changedAt: S + 10 * SECOND });
    expect(boundary.steps[0]).toEqual({ name: 'A', startedAt: S, endedAt: S + 10 * SECOND, phase: 'Succeeded' });
    expect(boundary.steps[1]).toEqual({ name: 'B', startedAt: S + 10 * SECOND, phase: 'Running' });

    expect(taskStateAt(task(), S + 10 * SECOND - 1)).toMatchObject({ stepIndex: 0, progress: 24 });
    expect(taskStateAt(task(), S + 39 * SECOND)).toMatchObject({ phase: 'Running', stepName: 'C', progress: 97 });
  });

  it('succeeds at the end of its plan and stays so', () => {
    for (const at of [S + 40 * SECOND, S + 400 * SECOND]) {
      const state = taskStateAt(task(), at);
      expect(state).toMatchObject({
        phase: 'Succeeded',
        stepIndex: 2,
        progress: 100,
        reason: '',
        finished: true,
        changedAt: S + 40 * SECOND,
        endsAt: S + 40 * SECOND,
      });
      expect(phases(state)).toBe('A:Succeeded B:Succeeded C:Succeeded');
    }
  });

  it('runs `speed` times faster on the clock', () => {
    const fast = task({}, { speed: 4 });
    expect(taskStateAt(fast, S + 2_500)).toMatchObject({ stepName: 'B', progress: 25, changedAt: S + 2_500 });
    expect(taskStateAt(fast, S + 10 * SECOND)).toMatchObject({ phase: 'Succeeded', endsAt: S + 10 * SECOND });
  });

  it('with no steps (or only empty ones), succeeds the instant it starts', () => {
    expect(taskStateAt(task({ steps: [] }), S)).toMatchObject({ phase: 'Succeeded', stepIndex: -1, progress: 100, finished: true, endsAt: S });
    expect(taskStateAt(task({ steps: [{ name: 'noop', durationMs: 0 }] }), S)).toMatchObject({ phase: 'Succeeded', stepName: 'noop' });
  });
});

describe('a fail twist', () => {
  it('at 0 % fails the first step the moment the task starts', () => {
    const state = taskStateAt(task({ twist: fail(0) }), S);
    expect(state).toMatchObject({ phase: 'Failed', stepIndex: 0, stepName: 'A', progress: 0, reason: 'boom', finished: true, changedAt: S, endsAt: S });
    expect(state.steps[0]).toEqual({ name: 'A', startedAt: S, endedAt: S, phase: 'Failed' });
    expect(phases(state)).toBe('A:Failed B:Pending C:Pending');
  });

  it('exactly at a step boundary fails the step that just reached its end; the next never starts', () => {
    const t = task({ twist: fail(25) });
    expect(taskStateAt(t, S + 10 * SECOND - 1)).toMatchObject({ phase: 'Running', stepName: 'A' });
    const state = taskStateAt(t, S + 10 * SECOND);
    expect(state).toMatchObject({ phase: 'Failed', stepName: 'A', progress: 25, endsAt: S + 10 * SECOND });
    expect(phases(state)).toBe('A:Failed B:Pending C:Pending');
    expect(state.steps[0]).toMatchObject({ startedAt: S, endedAt: S + 10 * SECOND });
  });

  it('within a step fails that step there, the same at every later instant', () => {
    const t = task({ twist: fail(50) });
    expect(taskStateAt(t, S + 20 * SECOND - 1)).toMatchObject({ phase: 'Running', stepName: 'B', finished: false, endsAt: S + 20 * SECOND });
    const failedAt = taskStateAt(t, S + 20 * SECOND);
    expect(failedAt).toMatchObject({ phase: 'Failed', stepName: 'B', progress: 50, reason: 'boom', changedAt: S + 20 * SECOND });
    expect(phases(failedAt)).toBe('A:Succeeded B:Failed C:Pending');
    expect(taskStateAt(t, S + 3_600 * SECOND)).toEqual(failedAt);
  });

  it('at 100 % fails the last step at its end instead of succeeding', () => {
    const state = taskStateAt(task({ twist: fail(100) }), S + 40 * SECOND);
    expect(state).toMatchObject({ phase: 'Failed', stepName: 'C', progress: 100 });
    expect(phases(state)).toBe('A:Succeeded B:Succeeded C:Failed');
  });

  it('clamps progress outside 0–100', () => {
    expect(taskStateAt(task({ twist: fail(-5) }), S).phase).toBe('Failed');
    expect(taskStateAt(task({ twist: fail(150) }), S + 40 * SECOND)).toMatchObject({ phase: 'Failed', stepName: 'C' });
  });
});

describe('a stall twist', () => {
  it('at 0 % keeps the task Pending for ever', () => {
    const state = taskStateAt(task({ twist: stall(0) }), S + 1e9);
    expect(state).toMatchObject({ phase: 'Pending', stepIndex: -1, progress: 0, finished: false, endsAt: Infinity });
  });

  it('within a step keeps that step Running for ever', () => {
    const state = taskStateAt(task({ twist: stall(50) }), S + 1e9);
    expect(state).toMatchObject({ phase: 'Running', stepName: 'B', progress: 50, finished: false, endsAt: Infinity, changedAt: S + 10 * SECOND });
    expect(phases(state)).toBe('A:Succeeded B:Running C:Pending');
  });

  it('exactly at a step boundary leaves the task between steps: the next one never starts', () => {
    const state = taskStateAt(task({ twist: stall(75) }), S + 1e9);
    expect(state).toMatchObject({ phase: 'Running', stepName: 'B', progress: 75, changedAt: S + 30 * SECOND });
    expect(phases(state)).toBe('A:Succeeded B:Succeeded C:Pending');
  });

  it('at 100 % never reports the finish: Running at 100 %', () => {
    const state = taskStateAt(task({ twist: stall(100) }), S + 1e9);
    expect(state).toMatchObject({ phase: 'Running', progress: 100, finished: false, endsAt: Infinity });
  });
});

describe('a step that fails by plan (the world, not a scenario)', () => {
  const planned = [STEPS[0]!, { ...STEPS[1]!, failure: 'subnet full' }, STEPS[2]!];

  it('fails at its own end with its reason; later steps never start', () => {
    const t = task({ steps: planned });
    expect(taskStateAt(t, S)).toMatchObject({ phase: 'Pending', endsAt: S + 30 * SECOND });
    const state = taskStateAt(t, S + 30 * SECOND);
    expect(state).toMatchObject({ phase: 'Failed', stepName: 'B', reason: 'subnet full', progress: 75, changedAt: S + 30 * SECOND });
    expect(phases(state)).toBe('A:Succeeded B:Failed C:Pending');
  });

  it('meets a twist: the earlier stop wins, and on a tie the world’s own failure', () => {
    expect(taskStateAt(task({ steps: planned, twist: fail(50) }), S + 1e6)).toMatchObject({ reason: 'boom', progress: 50 });
    expect(taskStateAt(task({ steps: planned, twist: fail(75) }), S + 1e6)).toMatchObject({ reason: 'subnet full', progress: 75 });
    expect(taskStateAt(task({ steps: planned, twist: stall(90) }), S + 1e6)).toMatchObject({ phase: 'Failed', reason: 'subnet full' });
    expect(taskStateAt(task({ steps: planned, twist: stall(10) }), S + 1e6)).toMatchObject({ phase: 'Running', stepName: 'A', progress: 10 });
  });
});

describe('cancellation', () => {
  it('counts from its instant: before it the task runs, from it the running step is Cancelled', () => {
    const t = task({}, { cancelledAt: S + 15 * SECOND });
    expect(taskStateAt(t, S + 12 * SECOND)).toMatchObject({ phase: 'Running', finished: false });
    const state = taskStateAt(t, S + 15 * SECOND);
    expect(state).toMatchObject({ phase: 'Cancelled', stepName: 'B', progress: 37, finished: true, changedAt: S + 15 * SECOND, endsAt: S + 15 * SECOND });
    expect(state.steps[1]).toEqual({ name: 'B', startedAt: S + 10 * SECOND, endedAt: S + 15 * SECOND, phase: 'Cancelled' });
    expect(phases(taskStateAt(t, S + 1e6))).toBe('A:Succeeded B:Cancelled C:Pending');
  });

  it('before the first step leaves every step Pending', () => {
    const state = taskStateAt(task({}, { cancelledAt: S }), S + 1e6);
    expect(state).toMatchObject({ phase: 'Cancelled', stepIndex: -1, progress: 0 });
    expect(phases(state)).toBe('A:Pending B:Pending C:Pending');
  });

  it('ends a task stalled at 100 % (it has not finished)', () => {
    expect(taskStateAt(task({ twist: stall(100) }, { cancelledAt: S + 50 * SECOND }), S + 60 * SECOND)).toMatchObject({
      phase: 'Cancelled',
      progress: 100,
      finished: true,
    });
  });

  it('does not undo an outcome reached before it', () => {
    expect(taskStateAt(task({}, { cancelledAt: S + 50 * SECOND }), S + 60 * SECOND).phase).toBe('Succeeded');
    expect(taskStateAt(task({ twist: fail(50) }, { cancelledAt: S + 25 * SECOND }), S + 60 * SECOND).phase).toBe('Failed');
  });
});

describe('invariants at any instant (property-based)', () => {
  const planArb = fc.record({
    steps: fc.array(fc.record({ name: fc.constantFrom('x', 'y', 'z'), durationMs: fc.integer({ min: 0, max: 60_000 }) }), { minLength: 0, maxLength: 6 }),
    twist: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('fail' as const), atProgress: fc.integer({ min: 0, max: 100 }), reason: fc.constant('r') }),
        fc.record({ kind: fc.constant('stall' as const), atProgress: fc.integer({ min: 0, max: 100 }) }),
      ),
      { nil: undefined },
    ),
  });
  const order: Record<string, number> = { Pending: 0, Running: 1, Succeeded: 2, Failed: 2, Cancelled: 2 };

  it('progress and phase never go back; a finished task stays as it finished; at most one step runs', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 2, maxLength: 12 }),
        (plan, speed, offsets) => {
          const t = task({ steps: plan.steps, ...(plan.twist ? { twist: plan.twist } : {}) }, { speed });
          const instants = [...offsets].sort((a, b) => a - b).map((o) => S + o);
          let previous: TaskState | undefined;
          for (const at of instants) {
            const state = taskStateAt(t, at);
            expect(state.progress).toBeGreaterThanOrEqual(0);
            expect(state.progress).toBeLessThanOrEqual(100);
            expect(state.steps.filter((s) => s.phase === 'Running').length).toBeLessThanOrEqual(1);
            expect(state.steps.slice(0, Math.max(0, state.stepIndex)).every((s) => s.phase === 'Succeeded')).toBe(true);
            if (state.finished) expect(state.endsAt).toBeLessThanOrEqual(at);
            if (previous) {
              expect(state.progress).toBeGreaterThanOrEqual(previous.progress);
              expect(order[state.phase]!).toBeGreaterThanOrEqual(order[previous.phase]!);
              if (previous.finished) expect(state).toEqual(previous);
            }
            previous = state;
          }
          if (!plan.twist && instants.at(-1)! >= S + planDurationMs(t.plan) / speed) expect(previous!.phase).toBe('Succeeded');
        },
      ),
    );
  });
});

describe('jitter', () => {
  it('stays within ±20 % in 100 ms steps and is the same for the same key', () => {
    for (const key of ['a', 'b', 'job-1:cert', 'job-2:cert']) {
      const ms = jitter(10_000, key);
      expect(ms).toBeGreaterThanOrEqual(8_000);
      expect(ms).toBeLessThanOrEqual(12_000);
      expect(ms % 100).toBe(0);
      expect(jitter(10_000, key)).toBe(ms);
    }
  });
});
