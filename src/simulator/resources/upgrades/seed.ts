import type { SimulatorStore } from '../../store.ts';
import { upgradeClusterTask, type ClusterJobData } from '../clusters/cluster-jobs.ts';
import { planDurationMs } from '../../tasks/task.ts';
import { clusterUpgrades } from './cluster-link.ts';
import { applySkips, precheckFindings, precheckPlan, precheckTaskKind, type PrecheckData } from './precheck.ts';
import type { PrecheckPreset } from './state.ts';
import { UPGRADE_STEPS, upgradeTaskData, upgradeTaskKind } from './upgrade-task.ts';

const MINUTE = 60_000;

/**
 * The demo's upgrade scenarios, one per cluster that can be upgraded, so a demo (or a journey) knows
 * what each will do:
 * - `dev-sandbox`: a clean pass, target to done;
 * - `prod-search`: skippable `Risk`s (configuration, deprecated API, node, add-on);
 * - `staging-web`: a blocking `Exception`, its CoreDNS add-on abnormal (the add-on area seeds it so);
 * - `prod-payments`: an open workflow whose pre-check expired an hour ago, and whose next upgrade
 *   fails at 40 %, then succeeds on retry.
 * Every cluster the seed has mid-upgrade gets a workflow whose upgrade task ends with its job.
 */
export const DEMO_UPGRADE_PRESETS: Readonly<Record<string, PrecheckPreset>> = {
  'dev-sandbox': 'clean',
  'prod-search': 'risks',
  'staging-web': 'exception',
  'prod-payments': 'clean',
};

export const DEMO_UPGRADE_FAILURE = { cluster: 'prod-payments', atProgress: 40 } as const;

function startWorkflow(store: SimulatorStore, clusterUid: string, createdAt: number, targetVersion?: string) {
  const cluster = store.clusters.get(clusterUid)!;
  const record = clusterUpgrades(store, cluster);
  const target = store.settings.versions.find((v) => v.version === targetVersion) ?? store.settings.versions.at(-1)!;
  const workflow = { uid: store.newId(), clusterUid, clusterVersion: record.patch, targetVersion: target.patch, createdAt, updatedAt: createdAt, points: {} };
  record.workflows.push(workflow);
  const data: PrecheckData = {
    clusterVersion: record.patch,
    targetVersion: target.patch,
    skipped: [],
    findings: applySkips(precheckFindings(record, target.patch), []),
    nodes: record.nodes.map((n) => ({ ...n })),
  };
  const precheck = store.tasks.start(precheckTaskKind, clusterUid, precheckPlan(record), data, createdAt + 2 * MINUTE, store.speed);
  Object.assign(workflow.points, { PreCheck: precheck.id });
  return { workflow, record, target };
}

export function seedUpgrades(store: SimulatorStore, nowMs: number): void {
  for (const [name, preset] of Object.entries(DEMO_UPGRADE_PRESETS)) {
    const cluster = store.findClusterByName(name);
    if (cluster) clusterUpgrades(store, cluster, preset);
  }
  const payments = store.findClusterByName(DEMO_UPGRADE_FAILURE.cluster);
  if (payments) {
    startWorkflow(store, payments.uid, nowMs - 3 * 60 * MINUTE);
    clusterUpgrades(store, payments).failNextUpgradeAt = DEMO_UPGRADE_FAILURE.atProgress;
  }
  for (const cluster of store.clusters.values()) {
    const job = cluster.phase === 'Upgrading' ? store.tasks.inFlight<ClusterJobData>(cluster.uid, upgradeClusterTask.kind) : undefined;
    if (!job) continue;
    const { workflow, record, target } = startWorkflow(store, cluster.uid, job.startedAt - 40 * MINUTE, job.data.upgradeTarget?.version);
    // The task ends just after the seeded job (1 ms), so the cluster and the workflow agree throughout
    // and the job's effect (upgradefrom) comes first.
    const total = planDurationMs(job.plan);
    const base = UPGRADE_STEPS.reduce((sum, s) => sum + s.durationMs, 0);
    const steps = UPGRADE_STEPS.map((s) => ({ name: s.name, durationMs: Math.floor((s.durationMs * total) / base) }));
    steps[steps.length - 1]!.durationMs += total - steps.reduce((sum, s) => sum + s.durationMs, 0) + 1;
    const data = upgradeTaskData(record.patch, target.patch, target.platformVersion, {
      targetVersion: target.patch,
      strategy: { type: 'inPlaceRollingUpdate', inPlaceRollingUpdate: { userDefinedStep: 20 } },
    });
    const task = store.tasks.start(upgradeTaskKind, cluster.uid, { steps }, data, job.startedAt, store.speed);
    Object.assign(workflow.points, { Cluster: task.id });
    workflow.updatedAt = job.startedAt;
  }
}
