import type { UpgradeClusterBody } from '../../../contract/upgrades.ts';
import { USER_DEFINED_STEP_DEFAULT } from '../../../contract/upgrades.ts';
import type { SimulatorStore } from '../../store.ts';
import { defineTaskKind } from '../../tasks/registry.ts';
import type { TaskPlan, TaskRecord, TaskState, TaskStep } from '../../tasks/task.ts';
import { formatCceTimestamp } from '../../time.ts';
import { driveClusterUpgrade, patchAddons } from './cluster-link.ts';

const SECOND = 1000;

type Action = UpgradeClusterBody['spec']['clusterUpgradeAction'];

export interface UpgradeTaskData {
  fromPatch: string;
  targetPatch: string;
  targetPlatformVersion: string;
  strategy: { type: string; inPlaceRollingUpdate: { userDefinedStep: number; scope: string } };
  addons: NonNullable<Action['addons']>;
  nodePoolOrder?: Action['nodePoolOrder'];
  nodeOrder?: Action['nodeOrder'];
  /** The failed task this one retries. */
  retryOf?: string;
}

/** An upgrade task moves the cluster: `Upgrading` from its start, the target version on success. */
export const upgradeTaskKind = defineTaskKind<UpgradeTaskData>({
  kind: 'upgrade.task',
  label: 'Cluster upgrade task',
  description:
    'An upgrade task (Init, Queuing, Running, about 4 min); the cluster is Upgrading meanwhile. "fail at N %" leaves it Failed and its workflow Pending, ready for a retry.',
  subject: 'cluster',
  settle(store, task, state) {
    if (state.phase === 'Succeeded') {
      driveClusterUpgrade(store, task.subjectId, { kind: 'succeeded', targetPatch: task.data.targetPatch, at: state.endsAt });
      patchAddons(store, task.subjectId, task.data.addons, state.endsAt);
    } else {
      driveClusterUpgrade(store, task.subjectId, { kind: 'failed', at: state.endsAt });
    }
  },
});

/** Steps of an in-place upgrade: minutes, like the reference's example task (≈ 9 min). */
export const UPGRADE_STEPS: readonly TaskStep[] = [
  { name: 'Init', durationMs: 5 * SECOND },
  { name: 'Queuing', durationMs: 10 * SECOND },
  { name: 'UpgradeMaster', durationMs: 90 * SECOND },
  { name: 'UpgradeAddons', durationMs: 45 * SECOND },
  { name: 'UpgradeNodes', durationMs: 60 * SECOND },
  { name: 'VerifyCluster', durationMs: 15 * SECOND },
];

const DEFAULT_FAILURE = 'upgrade node batch 1 failed: pod drain timed out after 600s on node (PodDisruptionBudget shop/checkout-pdb allows 0 disruptions)';

/** A fresh upgrade's plan; `failAt` makes it fail at that progress (the seed's scenario for a cluster). */
export function upgradePlan(failAt?: number): TaskPlan {
  return failAt === undefined ? { steps: UPGRADE_STEPS } : { steps: UPGRADE_STEPS, twist: { kind: 'fail', atProgress: failAt, reason: DEFAULT_FAILURE } };
}

/**
 * A retry's plan: queued again, then the failed step and those after it (the steps that succeeded are
 * not repeated).
 */
// AMBIG (digest D-7): the reference does not say whether a retry reuses the failed task's ID. Chose a
// new task (the failed one stays in the list as it ended), which the workflow's Cluster point then names.
export function retryPlan(failed: TaskState): TaskPlan {
  const from = Math.max(2, failed.stepIndex);
  return { steps: [UPGRADE_STEPS[0]!, UPGRADE_STEPS[1]!, ...UPGRADE_STEPS.slice(from)] };
}

/** The failure reason an armed `fail` twist gives when it names none. */
export function upgradeFailureReason(reason: string): string {
  return reason || DEFAULT_FAILURE;
}

export function upgradeTaskData(fromPatch: string, targetPatch: string, targetPlatformVersion: string, action: Action): UpgradeTaskData {
  return {
    fromPatch,
    targetPatch,
    targetPlatformVersion,
    strategy: {
      type: action.strategy.type,
      inPlaceRollingUpdate: {
        userDefinedStep: action.strategy.inPlaceRollingUpdate?.userDefinedStep ?? USER_DEFINED_STEP_DEFAULT,
        scope: action.strategy.inPlaceRollingUpdate?.scope ?? 'Cluster',
      },
    },
    addons: action.addons ?? [],
    ...(action.nodePoolOrder ? { nodePoolOrder: action.nodePoolOrder } : {}),
    ...(action.nodeOrder ? { nodeOrder: action.nodeOrder } : {}),
  };
}

export type UpgradeTaskPhase = 'Init' | 'Queuing' | 'Running' | 'Success' | 'Failed';

export function upgradeTaskPhase(state: TaskState): UpgradeTaskPhase {
  switch (state.phase) {
    case 'Pending':
      return 'Init';
    case 'Running':
      return state.stepName === 'Init' ? 'Init' : state.stepName === 'Queuing' ? 'Queuing' : 'Running';
    case 'Succeeded':
      return 'Success';
    default:
      return 'Failed';
  }
}

/** `{phase, progress, completionTime}` (`UpgradeInfoStatus`). */
export function upgradeTaskStatus(store: SimulatorStore, task: TaskRecord<UpgradeTaskData>, now: number) {
  const state = store.tasks.state(task, now);
  return {
    phase: upgradeTaskPhase(state),
    progress: state.progress.toFixed(2),
    ...(state.finished ? { completionTime: formatCceTimestamp(state.endsAt, `${task.id}:completed`) } : {}),
  };
}

/** An upgrade task as 4.3.2 / 4.3.4 render it. */
export function renderUpgradeTask(store: SimulatorStore, task: TaskRecord<UpgradeTaskData>, now: number) {
  const state = store.tasks.state(task, now);
  const status = upgradeTaskStatus(store, task, now);
  return {
    apiVersion: 'v3',
    kind: 'UpgradeTask',
    metadata: {
      uid: task.id,
      creationTimestamp: formatCceTimestamp(task.startedAt, `${task.id}:created`),
      updateTimestamp: formatCceTimestamp(state.finished ? state.endsAt : state.changedAt, `${task.id}:updated`),
    },
    spec: {
      version: task.data.fromPatch,
      targetVersion: task.data.targetPatch,
      // "Additional information about the upgrade task": the simulator reports the step and the failure.
      items: {
        step: state.stepName,
        strategy: task.data.strategy,
        ...(task.data.addons.length > 0 ? { addons: task.data.addons.map((a) => ({ addonTemplateName: a.addonTemplateName, version: a.version })) } : {}),
        ...(task.data.retryOf ? { retryOf: task.data.retryOf } : {}),
        ...(state.phase === 'Failed' ? { message: upgradeFailureReason(state.reason) } : {}),
      },
    },
    status,
  };
}
