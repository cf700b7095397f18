import { describe, expect, it } from 'vitest';
import type { PrecheckTask, UpgradeTask, UpgradeWorkflow } from '../../../contract/upgrades.ts';
import { deriveJourney, openWorkflowOf } from './upgrade-journey.ts';

const NOW = new Date('2025-03-10T08:30:00Z');
const ts = (iso: string) => iso.replace('T', ' ').replace('Z', '.000000 +0000 UTC');

function workflow(
  phase: string | undefined,
  points: Record<string, { status?: string; taskID?: string; expireTimeStamp?: string }> = {},
  created = '2025-03-10T08:00:00Z',
): UpgradeWorkflow {
  return {
    kind: 'WorkFlowTask',
    metadata: { uid: `wf-${created}`, creationTimestamp: ts(created) },
    spec: { clusterVersion: 'v1.27.2-r0', targetVersion: 'v1.28.3-r0' },
    status: {
      ...(phase ? { phase } : {}),
      pointStatuses: ['PreCheck', 'Snapshot', 'Cluster', 'PostCheck'].map((taskType) => ({ taskType, ...points[taskType] })),
    },
  } as UpgradeWorkflow;
}

const fresh = ts('2025-03-10T09:10:00Z');
const stale = ts('2025-03-10T08:10:00Z');

describe('deriveJourney', () => {
  it('starts at the target, then the start step once a target is chosen', () => {
    expect(deriveJourney({ workflow: undefined, now: NOW }).step).toBe('target');
    const j = deriveJourney({ workflow: undefined, now: NOW, local: { targetChosen: true } });
    expect(j.step).toBe('start');
    expect(j.steps).toMatchObject({ target: 'done', start: 'current', precheck: 'upcoming' });
    expect(j.cancel).toEqual({ allowed: false, reason: 'noWorkflow' });
  });

  it('reads a fresh workflow without a phase as Init, at the pre-check, cancellable', () => {
    const j = deriveJourney({ workflow: workflow(undefined), now: NOW });
    expect(j).toMatchObject({ step: 'precheck', workflowPhase: 'Init', precheck: 'none', cancel: { allowed: true } });
  });

  it('stays at the pre-check while it runs (not cancellable), when it failed, and when its pass expired', () => {
    const running = deriveJourney({ workflow: workflow('Running', { PreCheck: { status: 'Running', taskID: 'p1' } }), now: NOW });
    expect(running).toMatchObject({ step: 'precheck', precheck: 'running', cancel: { allowed: false, reason: 'taskRunning' } });
    const failed = deriveJourney({ workflow: workflow('Pending', { PreCheck: { status: 'Failed', taskID: 'p1' } }), now: NOW });
    expect(failed).toMatchObject({ step: 'precheck', precheck: 'failed' });
    const expired = deriveJourney({ workflow: workflow('Init', { PreCheck: { status: 'Success', taskID: 'p1', expireTimeStamp: stale } }), now: NOW });
    expect(expired).toMatchObject({ step: 'precheck', precheck: 'expired' });
  });

  it('prefers the task over the point: an Error pre-check is reported as such', () => {
    const task = { metadata: { uid: 'p1' }, status: { phase: 'Error', message: 'log' } } as PrecheckTask;
    const j = deriveJourney({ workflow: workflow('Pending', { PreCheck: { status: 'Failed', taskID: 'p1' } }), precheck: task, now: NOW });
    expect(j.precheck).toBe('error');
  });

  it('moves to the backup after a fresh pass, to configure after a backup or a confirmed skip', () => {
    const passed = { PreCheck: { status: 'Success', taskID: 'p1', expireTimeStamp: fresh } };
    expect(deriveJourney({ workflow: workflow('Init', passed), now: NOW }).step).toBe('backup');
    expect(deriveJourney({ workflow: workflow('Init', passed), now: NOW, local: { backupSkipped: true } }).step).toBe('configure');
    const backedUp = deriveJourney({ workflow: workflow('Init', { ...passed, Snapshot: { status: 'Success', taskID: 's1' } }), now: NOW });
    expect(backedUp.step).toBe('configure');
    expect(backedUp.precheckExpiresAt?.toISOString()).toBe('2025-03-10T09:10:00.000Z');
  });

  it('follows the upgrade; offers Retry and Cancel only after a failure', () => {
    const base = { PreCheck: { status: 'Success', taskID: 'p1', expireTimeStamp: stale } };
    const running = deriveJourney({ workflow: workflow('Running', { ...base, Cluster: { status: 'Queuing', taskID: 'u1' } }), now: NOW });
    expect(running).toMatchObject({ step: 'upgrade', upgrade: 'running', retry: { allowed: false, reason: 'running' }, cancel: { allowed: false } });
    const task = { metadata: { uid: 'u1' }, status: { phase: 'Failed', progress: '40.00' } } as UpgradeTask;
    const failed = deriveJourney({ workflow: workflow('Pending', { ...base, Cluster: { status: 'Failed', taskID: 'u1' } }), upgradeTask: task, now: NOW });
    expect(failed).toMatchObject({ step: 'upgrade', upgrade: 'failed', retry: { allowed: true }, cancel: { allowed: true } });
  });

  it('goes to the post-check once the upgrade succeeded, and to done with the outcome', () => {
    const base = { PreCheck: { status: 'Success', taskID: 'p1' }, Cluster: { status: 'Success', taskID: 'u1' } };
    expect(deriveJourney({ workflow: workflow('Init', base), now: NOW }).step).toBe('postcheck');
    const done = deriveJourney({ workflow: workflow('Success', { ...base, PostCheck: { status: 'Success', taskID: 'c1' } }), now: NOW });
    expect(done).toMatchObject({ step: 'done', outcome: 'success', cancel: { allowed: false, reason: 'finished' }, retry: { allowed: false } });
    expect(Object.values(done.steps).every((s) => s === 'done')).toBe(true);
    expect(deriveJourney({ workflow: workflow('cancel'), now: NOW })).toMatchObject({ step: 'done', outcome: 'cancelled' });
  });
});

describe('openWorkflowOf', () => {
  it('finds the newest open workflow and ignores finished ones', () => {
    const old = workflow('Cancel', {}, '2025-03-09T08:00:00Z');
    const open = workflow('Pending', {}, '2025-03-10T07:00:00Z');
    expect(openWorkflowOf([old, open])).toBe(open);
    expect(openWorkflowOf([old])).toBeUndefined();
  });
});
