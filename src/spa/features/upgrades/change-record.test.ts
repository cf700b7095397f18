import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contract/console-api.ts';
import type { PrecheckTask, UpgradeTask, UpgradeWorkflow } from '../../../contract/upgrades.ts';
import { buildChangeRecord, changeRecordMarkdown, type ChangeRecordLabels } from './change-record.ts';

const ts = (hms: string) => `2025-03-10 ${hms}.000000 +0000 UTC`;
const iso = (hms: string) => `2025-03-10T${hms}.000Z`;

function audit(action: string, actor: string, hms: string): AuditEntry {
  return {
    id: `${action}-${hms}`,
    at: iso(hms),
    actor,
    actorRole: 'operator',
    action,
    targetKind: 'cluster',
    targetId: 'c1',
    targetName: null,
    summary: {},
    outcome: 'success',
    status: 200,
    errorCode: null,
    requestId: null,
    upstreamRequestId: null,
    clientIp: null,
  };
}

const workflow = {
  metadata: { uid: 'wf1', creationTimestamp: ts('08:00:00'), updateTimestamp: ts('08:30:00') },
  spec: { clusterVersion: 'v1.27.2-r0', targetVersion: 'v1.28.3-r0' },
  status: {
    phase: 'Success',
    pointStatuses: [
      { taskType: 'PreCheck', taskID: 'p2', status: 'Success', startTimeStamp: ts('08:05:00'), endTimeStamp: ts('08:05:24') },
      { taskType: 'Snapshot' },
      { taskType: 'Cluster', taskID: 'u2', status: 'Success', startTimeStamp: ts('08:10:00'), endTimeStamp: ts('08:14:00') },
      { taskType: 'PostCheck', taskID: 'c1', status: 'Success', startTimeStamp: ts('08:29:59'), endTimeStamp: ts('08:29:59') },
    ],
  },
} as UpgradeWorkflow;

const prechecks = [
  { metadata: { uid: 'p0', creationTimestamp: ts('07:00:00') }, spec: { skippedCheckItemList: [{ name: 'Old' }] } },
  { metadata: { uid: 'p1', creationTimestamp: ts('08:01:00') }, spec: {} },
  {
    metadata: { uid: 'p2', creationTimestamp: ts('08:05:00') },
    spec: {
      skippedCheckItemList: [{ name: 'DeprecatedApiCheck' }, { name: 'NodeRisk', resourceSelector: { key: 'node.uid', operator: 'In', values: ['n0'] } }],
    },
  },
] as PrecheckTask[];

const upgradeTasks = [
  { metadata: { uid: 'u1', creationTimestamp: ts('08:06:00') }, status: { phase: 'Failed', progress: '40.00', completionTime: ts('08:08:00') } },
  { metadata: { uid: 'u2', creationTimestamp: ts('08:10:00') }, status: { phase: 'Success', progress: '100.00', completionTime: ts('08:14:00') } },
] as UpgradeTask[];

const entries = [
  audit('CreateAutopilotPreCheck', 'alice', '08:01:00'),
  audit('CreateAutopilotPreCheck', 'bob', '08:05:00'),
  audit('UpgradeAutopilotCluster', 'alice', '08:06:00'),
  audit('UpgradeAutopilotCluster', 'carol', '08:10:00'),
  audit('CreateAutopilotPostCheck', 'alice', '08:29:59'),
];

describe('buildChangeRecord', () => {
  it('collects from/to, step times and who took them, the risks accepted in this workflow and by whom, and every attempt', () => {
    const record = buildChangeRecord({
      cluster: { name: 'staging-web', id: 'c1' },
      workflow,
      prechecks,
      upgradeTasks,
      snapshots: [],
      latestBackupTime: ts('07:59:00'),
      audit: entries,
    });
    expect(record).toMatchObject({ from: 'v1.27.2-r0', to: 'v1.28.3-r0', outcome: 'success', workflowId: 'wf1' });
    expect(record.steps.map((s) => [s.step, s.status, s.by, s.durationMs])).toEqual([
      ['PreCheck', 'Success', 'bob', 24_000],
      ['Snapshot', undefined, undefined, undefined],
      ['Cluster', 'Success', 'carol', 240_000],
      ['PostCheck', 'Success', 'alice', 0],
    ]);
    expect(record.risksAccepted).toEqual([
      { name: 'DeprecatedApiCheck', nodes: [], by: 'bob', at: new Date(iso('08:05:00')) },
      { name: 'NodeRisk', nodes: ['n0'], by: 'bob', at: new Date(iso('08:05:00')) },
    ]);
    expect(record.upgradeAttempts.map((a) => [a.id, a.phase])).toEqual([
      ['u1', 'Failed'],
      ['u2', 'Success'],
    ]);
    expect(record.latestBackupAt?.toISOString()).toBe(iso('07:59:00'));
  });

  it("names the latest operator of a step when the cloud's clock and the audit trail's disagree", () => {
    const skewed = [audit('UpgradeAutopilotCluster', 'alice', '06:00:00'), audit('UpgradeAutopilotCluster', 'dave', '06:30:00')];
    const record = buildChangeRecord({ cluster: { name: 'staging-web', id: 'c1' }, workflow, prechecks, upgradeTasks, snapshots: [], audit: skewed });
    expect(record.steps.find((s) => s.step === 'Cluster')?.by).toBe('dave');
  });

  it('renders Markdown with every section', () => {
    const labels: ChangeRecordLabels = {
      title: 'Change record',
      cluster: 'Cluster',
      workflow: 'Workflow',
      from: 'From',
      to: 'To',
      outcome: 'Outcome',
      outcomeValue: { success: 'Upgraded', cancelled: 'Cancelled', open: 'In progress' },
      started: 'Started',
      steps: 'Steps',
      stepName: { PreCheck: 'Pre-check', Snapshot: 'Backup', Cluster: 'Upgrade', PostCheck: 'Post-check', Rollback: 'Rollback' },
      status: 'Status',
      notRun: 'Not run',
      duration: 'Duration',
      by: 'By',
      risks: 'Risks accepted',
      noRisks: 'None',
      nodes: 'nodes',
      backup: 'Latest backup',
      noBackup: 'No backup',
      attempts: 'Upgrade attempts',
      unknown: '—',
    };
    const record = buildChangeRecord({ cluster: { name: 'staging-web', id: 'c1' }, workflow, prechecks, upgradeTasks, snapshots: [], audit: entries });
    const text = changeRecordMarkdown(record, labels, (d) => d.toISOString());
    expect(text).toContain('# Change record');
    expect(text).toContain('- From: v1.27.2-r0');
    expect(text).toContain('| Backup | Not run | | | |');
    expect(text).toContain('| Upgrade | Success | 2025-03-10T08:10:00.000Z | 4 min 0 s | carol |');
    expect(text).toContain('- NodeRisk (nodes: n0) — By bob');
    expect(text).toContain('No backup');
  });
});
