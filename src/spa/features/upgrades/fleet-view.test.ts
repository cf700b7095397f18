import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../contract/clusters.ts';
import type { PrecheckTask, UpgradeInfo, UpgradeWorkflow } from '../../../contract/upgrades.ts';
import { clustersPerVersion, fleetRows, readinessCounts } from './fleet-view.ts';

const NOW = new Date('2025-03-10T10:00:00Z');
const ts = (hms: string) => `2025-03-10 ${hms}.000000 +0000 UTC`;

function cluster(name: string, version: string, phase = 'Available'): Cluster {
  return { kind: 'Cluster', metadata: { name, uid: `uid-${name}` }, spec: { version }, status: { phase } } as Cluster;
}
function info(release: string, targets: string[]): UpgradeInfo {
  return { spec: { versionInfo: { release, patch: 'r0', targetVersions: targets } } };
}
const failedWorkflow = {
  metadata: { uid: 'wf', creationTimestamp: ts('08:00:00') },
  status: {
    phase: 'Pending',
    pointStatuses: [
      { taskType: 'PreCheck', taskID: 'p', status: 'Success' },
      { taskType: 'Cluster', taskID: 'u', status: 'Failed' },
    ],
  },
} as UpgradeWorkflow;
const failedCheck = { metadata: { uid: 'p', creationTimestamp: ts('09:00:00'), updateTimestamp: ts('09:00:30') }, status: { phase: 'Failed' } } as PrecheckTask;
const oldPass = { metadata: { uid: 'p0', creationTimestamp: ts('07:00:00') }, status: { phase: 'Success', expireTimeStamp: ts('08:00:30') } } as PrecheckTask;

describe('fleet view', () => {
  const rows = fleetRows(
    [
      { cluster: cluster('current', 'v1.28'), info: info('v1.28.3', []) },
      { cluster: cluster('upgradable', 'v1.27'), info: info('v1.27.2', ['v1.27.3-r0', 'v1.28.3-r0']), prechecks: [oldPass] },
      { cluster: cluster('blocked', 'v1.27'), info: info('v1.27.2', ['v1.28.3-r0']), prechecks: [oldPass, failedCheck] },
      { cluster: cluster('failing', 'v1.28'), info: info('v1.28.2', ['v1.28.3-r0']), workflows: [failedWorkflow] },
      { cluster: cluster('moving', 'v1.25', 'Upgrading'), info: info('v1.25.5', ['v1.27.3-r0']) },
    ],
    NOW,
  );

  it('sorts by what needs attention, with the step of an open workflow and the last pre-check verdict', () => {
    expect(rows.map((r) => [r.name, r.readiness])).toEqual([
      ['failing', 'failed'],
      ['blocked', 'blocked'],
      ['moving', 'inProgress'],
      ['upgradable', 'available'],
      ['current', 'upToDate'],
    ]);
    expect(rows[0]!.step).toBe('upgrade');
    expect(rows[1]!.lastPrecheck?.verdict).toBe('failed');
    expect(rows[3]!.lastPrecheck?.verdict).toBe('expired');
    expect(rows[3]!.patch).toBe('v1.27.2-r0');
  });

  it('counts clusters per version and per readiness for the charts', () => {
    expect(clustersPerVersion(rows)).toEqual([
      { version: 'v1.25', clusters: 1 },
      { version: 'v1.27', clusters: 2 },
      { version: 'v1.28', clusters: 2 },
    ]);
    expect(readinessCounts(rows).map((r) => r.readiness)).toEqual(['failed', 'blocked', 'inProgress', 'available', 'upToDate']);
  });
});
