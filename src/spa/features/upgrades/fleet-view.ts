import type { Cluster } from '../../../contract/clusters.ts';
import { parseKubernetesVersion } from '../../../contract/upgrade-paths.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import {
  canonicalPhase,
  isPrecheckExpired,
  PRECHECK_PHASES,
  type PrecheckTask,
  type SnapshotTaskList,
  type UpgradeInfo,
  type UpgradeWorkflow,
} from '../../../contract/upgrades.ts';
import { deriveJourney, openWorkflowOf, type WizardStep } from '../../resources/upgrades/upgrade-journey.ts';

/**
 * The Upgrades page's fleet view: one row per cluster (version, targets, open workflow and its step,
 * last pre-check verdict and age, last backup), sorted by what needs attention, and the figures the
 * charts show (clusters per Kubernetes version, upgrade readiness).
 */
export type Readiness = 'failed' | 'blocked' | 'inProgress' | 'available' | 'upToDate' | 'unknown';

export interface FleetInput {
  cluster: Cluster;
  info?: UpgradeInfo | undefined;
  workflows?: readonly UpgradeWorkflow[] | undefined;
  prechecks?: readonly PrecheckTask[] | undefined;
  snapshots?: SnapshotTaskList | undefined;
}

export interface FleetRow {
  id: string;
  name: string;
  version: string;
  patch: string | undefined;
  targets: string[];
  workflow: UpgradeWorkflow | undefined;
  step: WizardStep | undefined;
  lastPrecheck: { verdict: 'passed' | 'failed' | 'error' | 'running' | 'expired'; at: Date | undefined } | undefined;
  lastBackupAt: Date | undefined;
  readiness: Readiness;
}

const ATTENTION: Record<Readiness, number> = { failed: 0, blocked: 1, inProgress: 2, available: 3, unknown: 4, upToDate: 5 };

function createdAt(task: { metadata?: { creationTimestamp?: string | undefined } | undefined }): number {
  return parseCceTimestamp(task.metadata?.creationTimestamp)?.getTime() ?? 0;
}

export function fleetRow(input: FleetInput, now: Date): FleetRow {
  const { cluster, info } = input;
  const workflow = openWorkflowOf(input.workflows ?? []);
  const journey = workflow ? deriveJourney({ workflow, now }) : undefined;
  const latest = [...(input.prechecks ?? [])].sort((a, b) => createdAt(b) - createdAt(a))[0];
  let lastPrecheck: FleetRow['lastPrecheck'];
  if (latest) {
    const phase = canonicalPhase(PRECHECK_PHASES, latest.status?.phase);
    const verdict =
      phase === 'Success' ? (isPrecheckExpired(latest, now) ? 'expired' : 'passed') : phase === 'Failed' ? 'failed' : phase === 'Error' ? 'error' : 'running';
    lastPrecheck = { verdict, at: parseCceTimestamp(latest.metadata?.updateTimestamp ?? latest.metadata?.creationTimestamp) };
  }
  const targets = info?.spec?.versionInfo?.targetVersions ?? [];
  const release = info?.spec?.versionInfo?.release;
  const patch = release ? `${release}${info?.spec?.versionInfo?.patch ? `-${info.spec.versionInfo.patch}` : ''}` : undefined;
  let readiness: Readiness;
  if (journey?.upgrade === 'failed' || journey?.workflowPhase === 'Pending') readiness = journey.upgrade === 'failed' ? 'failed' : 'blocked';
  else if (workflow || cluster.status?.phase === 'Upgrading') readiness = 'inProgress';
  else if (!info) readiness = 'unknown';
  else if (targets.length === 0) readiness = 'upToDate';
  else readiness = lastPrecheck?.verdict === 'failed' || lastPrecheck?.verdict === 'error' ? 'blocked' : 'available';
  return {
    id: cluster.metadata?.uid ?? '',
    name: cluster.metadata?.alias || cluster.metadata?.name || '',
    version: cluster.spec?.version ?? '',
    patch,
    targets,
    workflow,
    step: journey?.step,
    lastPrecheck,
    lastBackupAt: parseCceTimestamp(input.snapshots?.status?.latestBackupTime),
    readiness,
  };
}

/** Rows sorted by what needs attention: failures, then blocked, running, upgradable, up to date; oldest version first. */
export function fleetRows(inputs: readonly FleetInput[], now: Date): FleetRow[] {
  return inputs
    .map((i) => fleetRow(i, now))
    .sort((a, b) => ATTENTION[a.readiness] - ATTENTION[b.readiness] || compareVersions(a.version, b.version) || a.name.localeCompare(b.name));
}

function compareVersions(a: string, b: string): number {
  const x = parseKubernetesVersion(a);
  const y = parseKubernetesVersion(b);
  if (!x || !y) return a.localeCompare(b);
  return x.major - y.major || x.minor - y.minor;
}

/** Clusters per Kubernetes version, oldest first (for the bar chart). */
export function clustersPerVersion(rows: readonly Pick<FleetRow, 'version'>[]): { version: string; clusters: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.version, (counts.get(row.version) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => compareVersions(a, b)).map(([version, clusters]) => ({ version, clusters }));
}

/** Clusters per readiness, in the order of attention (for the readiness chart); empty buckets left out. */
export function readinessCounts(rows: readonly Pick<FleetRow, 'readiness'>[]): { readiness: Readiness; clusters: number }[] {
  return (Object.keys(ATTENTION) as Readiness[])
    .sort((a, b) => ATTENTION[a] - ATTENTION[b])
    .map((readiness) => ({ readiness, clusters: rows.filter((r) => r.readiness === readiness).length }))
    .filter((c) => c.clusters > 0);
}
