import { describe, expect, it } from 'vitest';
import { KUBERNETES_VERSIONS } from '../seed.ts';
import { SimulatorStore } from '../store.ts';
import { defineTaskKind, listTaskKinds, taskKind, type TaskKind } from './registry.ts';

const S = Date.UTC(2025, 2, 10, 8, 0, 0);
const SECOND = 1000;

/** What the test kinds' effects did, in order. */
const log: string[] = [];

interface ChainData {
  /** Durations (simulated ms) of the tasks still to start after this one. */
  next: number[];
}

const oneStep = (ms: number) => ({ steps: [{ name: 'work', durationMs: ms }] });

const plainKind = defineTaskKind<ChainData>({
  kind: 'test.plain',
  label: 'Plain test task',
  description: 'Records how it ended.',
  subject: 'thing',
  settle: (_store, task, state) => log.push(`${task.subjectId}:${state.phase}@${state.endsAt - S}`),
});

/** Each task starts the next one of its chain when it succeeds, at the instant it finished. */
const chainKind: TaskKind<ChainData> = defineTaskKind<ChainData>({
  kind: 'test.chain',
  settle: (store, task, state) => {
    log.push(`${task.subjectId}:${state.phase}@${state.endsAt - S}`);
    const [ms, ...rest] = task.data.next;
    if (state.phase === 'Succeeded' && ms !== undefined) store.tasks.start(chainKind, task.subjectId, oneStep(ms), { next: rest }, state.endsAt, task.speed);
  },
});

const forever: TaskKind<ChainData> = defineTaskKind<ChainData>({
  kind: 'test.forever',
  settle: (store, task, state) => {
    store.tasks.start(forever, task.subjectId, { steps: [] }, { next: [] }, state.endsAt, task.speed);
  },
});

function newStore(): SimulatorStore {
  log.length = 0;
  let n = 0;
  return new SimulatorStore({ projectId: 'p', region: 'r', speed: 1, clusterQuota: 5, versions: KUBERNETES_VERSIONS, ids: () => `id-${++n}` });
}

describe('TaskStore.start and scenarios', () => {
  it('refuses a kind that was never defined', () => {
    const store = newStore();
    expect(() => store.tasks.start({ kind: 'test.undefined', settle: () => undefined }, 's', oneStep(1), {}, S, 1)).toThrow(/not defined/);
  });

  it('bends the next task of the armed kind and subject, once, and leaves others alone', () => {
    const store = newStore();
    const armed = store.scenarios.arm({ taskKind: 'test.plain', subjectId: 'a', twist: { kind: 'fail', atProgress: 50, reason: 'armed' } }, S);
    expect(store.scenarios.list()).toEqual([
      { id: armed.id, taskKind: 'test.plain', subjectId: 'a', twist: { kind: 'fail', atProgress: 50, reason: 'armed' }, remaining: 1, armedAt: S },
    ]);
    const otherSubject = store.tasks.start(plainKind, 'b', oneStep(10 * SECOND), { next: [] }, S, 1);
    const otherKind = store.tasks.start(chainKind, 'a', oneStep(10 * SECOND), { next: [] }, S, 1);
    const bent = store.tasks.start(plainKind, 'a', oneStep(10 * SECOND), { next: [] }, S, 1);
    const after = store.tasks.start(plainKind, 'a', oneStep(10 * SECOND), { next: [] }, S, 1);
    expect([otherSubject, otherKind, after].map((t) => t.plan.twist)).toEqual([undefined, undefined, undefined]);
    expect(bent.plan.twist).toEqual({ kind: 'fail', atProgress: 50, reason: 'armed' });
    expect(store.scenarios.list()).toEqual([]);
    expect(store.tasks.state(bent, S + 5 * SECOND)).toMatchObject({ phase: 'Failed', reason: 'armed' });
  });

  it('bends `times` tasks of any subject when armed without one, first armed first', () => {
    const store = newStore();
    store.scenarios.arm({ taskKind: 'test.plain', twist: { kind: 'stall', atProgress: 10 }, times: 2 }, S);
    const second = store.scenarios.arm({ taskKind: 'test.plain', twist: { kind: 'fail', atProgress: 0, reason: 'second' } }, S);
    const twists = ['x', 'y', 'z', 'w'].map((s) => store.tasks.start(plainKind, s, oneStep(SECOND), { next: [] }, S, 1).plan.twist?.kind);
    expect(twists).toEqual(['stall', 'stall', 'fail', undefined]);
    expect(store.scenarios.disarm(second.id)).toBe(false);
  });

  it('keeps a twist the plan carries itself, without consuming the armed one', () => {
    const store = newStore();
    store.scenarios.arm({ taskKind: 'test.plain', twist: { kind: 'stall', atProgress: 10 } }, S);
    const own = store.tasks.start(plainKind, 'a', { ...oneStep(SECOND), twist: { kind: 'fail', atProgress: 20, reason: 'own' } }, { next: [] }, S, 1);
    expect(own.plan.twist).toMatchObject({ reason: 'own' });
    expect(store.scenarios.list()).toHaveLength(1);
  });

  it('disarms by id, and clears', () => {
    const store = newStore();
    const a = store.scenarios.arm({ taskKind: 'test.plain', twist: { kind: 'stall', atProgress: 10 } }, S);
    store.scenarios.arm({ taskKind: 'test.chain', twist: { kind: 'stall', atProgress: 10 } }, S);
    expect(store.scenarios.disarm(a.id)).toBe(true);
    expect(store.scenarios.disarm(a.id)).toBe(false);
    expect(store.scenarios.list().map((s) => s.taskKind)).toEqual(['test.chain']);
    store.scenarios.clear();
    expect(store.scenarios.list()).toEqual([]);
  });

  it('records the speed in force at the start', () => {
    const store = newStore();
    const fast = store.tasks.start(plainKind, 'a', oneStep(10 * SECOND), { next: [] }, S, 10);
    expect(store.tasks.state(fast, S + SECOND).phase).toBe('Succeeded');
  });
});

describe('TaskStore.settle', () => {
  it('applies each effect once, in the order the tasks finished, whatever order they started in', () => {
    const store = newStore();
    store.tasks.start(plainKind, 'slow', oneStep(30 * SECOND), { next: [] }, S, 1);
    store.tasks.start(plainKind, 'fast', oneStep(10 * SECOND), { next: [] }, S + SECOND, 1);
    store.tasks.start(plainKind, 'failing', { ...oneStep(40 * SECOND), twist: { kind: 'fail', atProgress: 50, reason: 'x' } }, { next: [] }, S, 1);
    store.settle(S + 5 * SECOND);
    expect(log).toEqual([]);
    store.settle(S + 60 * SECOND);
    expect(log).toEqual(['fast:Succeeded@11000', 'failing:Failed@20000', 'slow:Succeeded@30000']);
    store.settle(S + 120 * SECOND);
    expect(log).toHaveLength(3);
  });

  it('settles tasks that effects start, interleaved by finishing time with tasks already due', () => {
    const store = newStore();
    // a: 10 s, then a follow-up of 2 s (done at 12 s); b finishes at 15 s; the follow-up settles before b.
    store.tasks.start(chainKind, 'a', oneStep(10 * SECOND), { next: [2 * SECOND, 20 * SECOND] }, S, 1);
    store.tasks.start(plainKind, 'b', oneStep(15 * SECOND), { next: [] }, S, 1);
    store.settle(S + 20 * SECOND);
    expect(log).toEqual(['a:Succeeded@10000', 'a:Succeeded@12000', 'b:Succeeded@15000']);
    // The third link started at 12 s and runs until 32 s.
    const third = store.tasks.inFlight('a', 'test.chain');
    expect(third?.startedAt).toBe(S + 12 * SECOND);
    store.settle(S + 40 * SECOND);
    expect(log.at(-1)).toBe('a:Succeeded@32000');
    expect(store.tasks.forSubject('a').map((t) => t.settled)).toEqual([true, true, true]);
  });

  it('never settles a stalled task, and lists it as unsettled', () => {
    const store = newStore();
    const stuck = store.tasks.start(plainKind, 'a', { ...oneStep(SECOND), twist: { kind: 'stall', atProgress: 50 } }, { next: [] }, S, 1);
    store.settle(S + 1e9);
    expect(log).toEqual([]);
    expect(store.tasks.unsettled().map((t) => t.id)).toEqual([stuck.id]);
  });

  it('cancels a running task, which then settles as Cancelled; finished or cancelled ones cannot be', () => {
    const store = newStore();
    const running = store.tasks.start(plainKind, 'a', oneStep(10 * SECOND), { next: [] }, S, 1);
    const done = store.tasks.start(plainKind, 'b', oneStep(SECOND), { next: [] }, S, 1);
    expect(store.tasks.cancel(done.id, S + 2 * SECOND)).toBe(false);
    expect(store.tasks.cancel(running.id, S + 4 * SECOND)).toBe(true);
    expect(store.tasks.cancel(running.id, S + 5 * SECOND)).toBe(false);
    expect(store.tasks.cancel('missing', S)).toBe(false);
    store.settle(S + 60 * SECOND);
    expect(log).toEqual(['b:Succeeded@1000', 'a:Cancelled@4000']);
  });

  it('stops an effect loop that keeps starting tasks finished at once', () => {
    const store = newStore();
    store.tasks.start(forever, 'a', { steps: [] }, { next: [] }, S, 1);
    expect(() => store.settle(S)).toThrow(/keep starting tasks/);
  });
});

describe('TaskStore lookups', () => {
  it('finds tasks by subject, kind or kind prefix, oldest first, and the one in flight', () => {
    const store = newStore();
    const first = store.tasks.start(plainKind, 'a', oneStep(SECOND), { next: [] }, S, 1);
    const second = store.tasks.start(chainKind, 'a', oneStep(60 * SECOND), { next: [] }, S + 2 * SECOND, 1);
    store.tasks.start(plainKind, 'b', oneStep(SECOND), { next: [] }, S, 1);
    expect(store.tasks.forSubject('a').map((t) => t.id)).toEqual([first.id, second.id]);
    expect(store.tasks.forSubject('a', 'test.chain').map((t) => t.id)).toEqual([second.id]);
    expect(store.tasks.forSubject('a', 'test.').map((t) => t.id)).toEqual([first.id, second.id]);
    expect(store.tasks.forSubject('a', 'test').map((t) => t.id)).toEqual([]);
    store.settle(S + 5 * SECOND);
    expect(store.tasks.inFlight('a')?.id).toBe(second.id);
    expect(store.tasks.get<ChainData>(second.id)?.data).toEqual({ next: [] });
    expect(store.tasks.get('missing')).toBeUndefined();
  });
});

describe('the registry', () => {
  it('refuses a second definition of a kind, and lists kinds with their human labels', () => {
    expect(() => defineTaskKind({ kind: 'test.plain', settle: () => undefined })).toThrow(/defined twice/);
    expect(defineTaskKind(plainKind)).toBe(plainKind);
    expect(taskKind('test.plain')).toBe(plainKind);
    const listed = listTaskKinds();
    expect(listed.find((k) => k.kind === 'test.plain')).toEqual({
      kind: 'test.plain',
      label: 'Plain test task',
      description: 'Records how it ended.',
      subject: 'thing',
    });
    // A kind without a label is offered under its id.
    expect(listed.find((k) => k.kind === 'test.chain')).toMatchObject({ label: 'test.chain' });
    expect(listed.map((k) => k.kind)).toEqual([...listed.map((k) => k.kind)].sort());
  });
});
