import { describe, expect, it } from 'vitest';
import { advanceBodySchema, armScenarioBodySchema, DEFAULT_FAILURE_REASON, resetBodySchema, taskTwistSchema } from './simulator-control.ts';
import { messages } from './test-support.ts';

describe('taskTwistSchema', () => {
  it('reads fail (with a default reason) and stall, each at 0–100 %', () => {
    expect(taskTwistSchema.parse({ kind: 'fail', atProgress: 40 })).toEqual({ kind: 'fail', atProgress: 40, reason: DEFAULT_FAILURE_REASON });
    expect(taskTwistSchema.parse({ kind: 'fail', atProgress: 0, reason: '  Disk full.  ' })).toEqual({ kind: 'fail', atProgress: 0, reason: 'Disk full.' });
    expect(taskTwistSchema.parse({ kind: 'stall', atProgress: 100 })).toEqual({ kind: 'stall', atProgress: 100 });
    expect(messages(taskTwistSchema, { kind: 'stall', atProgress: 100.5 })).toEqual(['Progress is 0 to 100 %.']);
    expect(messages(taskTwistSchema, { kind: 'fail', atProgress: -1 })).toEqual(['Progress is 0 to 100 %.']);
  });

  it('refuses an unknown variant and fields a variant does not have', () => {
    expect(messages(taskTwistSchema, { kind: 'explode', atProgress: 5 })).not.toEqual([]);
    expect(messages(taskTwistSchema, { kind: 'stall', atProgress: 5, reason: 'x' })).not.toEqual([]);
  });
});

describe('armScenarioBodySchema', () => {
  it('bends one task by default, any subject unless one is named', () => {
    expect(armScenarioBodySchema.parse({ taskKind: 'cluster.create', twist: { kind: 'stall', atProgress: 50 } })).toEqual({
      taskKind: 'cluster.create',
      twist: { kind: 'stall', atProgress: 50 },
      times: 1,
    });
    expect(armScenarioBodySchema.parse({ taskKind: 'cluster.delete', subjectId: 'c-1', twist: { kind: 'stall', atProgress: 1 }, times: 3 })).toMatchObject({
      subjectId: 'c-1',
      times: 3,
    });
  });

  it('refuses an empty kind, a count outside 1–100 and unknown fields', () => {
    expect(messages(armScenarioBodySchema, { taskKind: ' ', twist: { kind: 'stall', atProgress: 1 } })).toEqual(['Choose a task kind.']);
    expect(messages(armScenarioBodySchema, { taskKind: 'k', twist: { kind: 'stall', atProgress: 1 }, times: 0 })).toEqual(['Times is 1 to 100.']);
    expect(messages(armScenarioBodySchema, { taskKind: 'k', twist: { kind: 'stall', atProgress: 1 }, times: 1.5 })).not.toEqual([]);
    expect(messages(armScenarioBodySchema, { taskKind: 'k', twist: { kind: 'stall', atProgress: 1 }, when: 'now' })).not.toEqual([]);
  });
});

describe('reset and advance bodies', () => {
  it('reset defaults to the demo seed and knows only the four seeds', () => {
    expect(resetBodySchema.parse({})).toEqual({ seed: 'demo' });
    expect(resetBodySchema.parse({ seed: 'large' })).toEqual({ seed: 'large' });
    expect(messages(resetBodySchema, { seed: 'huge' })).not.toEqual([]);
  });

  it('advance takes more than 0 and at most a week of seconds', () => {
    expect(advanceBodySchema.parse({ seconds: 0.5 })).toEqual({ seconds: 0.5 });
    expect(messages(advanceBodySchema, { seconds: 0 })).toEqual(['Advance by more than 0 seconds.']);
    expect(messages(advanceBodySchema, { seconds: 7 * 24 * 3600 + 1 })).toEqual(['Advance by at most 604800 seconds.']);
  });
});
