import {
  isTransitionalPrecheckPhase,
  isTransitionalSnapshotPhase,
  isTransitionalUpgradeTaskPhase,
  isWorkflowInMotion,
  listPrechecks,
  listSnapshotTasks,
  listUpgradeFeatureGates,
  listUpgradeTasks,
  listUpgradeWorkflows,
  showPrecheck,
  showUpgradeInfo,
  showUpgradeTask,
  showUpgradeWorkflow,
  upgradeCluster,
} from '../../../contract/upgrades.ts';
import { operationQuery } from '../../shared/api/operation-query.ts';
import { pollWhile } from '../../shared/api/polling.ts';

const cluster = (clusterId: string) => ({ params: { cluster_id: clusterId } });

/**
 * Reads of the upgrade area. Each polls at the task pace while what it shows can still change by
 * itself (a check or an upgrade running), and stops once it has settled: an idle wizard sends nothing.
 */
export const upgradeQueries = {
  /** Everything read about upgrades: what a change to an upgrade makes stale. */
  all: () => [upgradeCluster.resource] as const,
  info: (clusterId: string) =>
    operationQuery(showUpgradeInfo, cluster(clusterId), { refetchInterval: pollWhile((i) => isTransitionalUpgradeTaskPhase(i.status?.phase), 'task') }),
  workflows: (clusterId: string) =>
    operationQuery(listUpgradeWorkflows, cluster(clusterId), { refetchInterval: pollWhile((list) => list.items.some(isWorkflowInMotion), 'task') }),
  workflow: (clusterId: string, workflowId: string) =>
    operationQuery(
      showUpgradeWorkflow,
      { params: { cluster_id: clusterId, upgrade_workflow_id: workflowId } },
      { refetchInterval: pollWhile(isWorkflowInMotion, 'task') },
    ),
  precheck: (clusterId: string, taskId: string) =>
    operationQuery(
      showPrecheck,
      { params: { cluster_id: clusterId, task_id: taskId } },
      { refetchInterval: pollWhile((t) => isTransitionalPrecheckPhase(t.status?.phase), 'task') },
    ),
  prechecks: (clusterId: string) =>
    operationQuery(listPrechecks, cluster(clusterId), {
      refetchInterval: pollWhile((l) => l.items.some((t) => isTransitionalPrecheckPhase(t.status?.phase)), 'task'),
    }),
  upgradeTask: (clusterId: string, taskId: string) =>
    operationQuery(
      showUpgradeTask,
      { params: { cluster_id: clusterId, task_id: taskId } },
      { refetchInterval: pollWhile((t) => isTransitionalUpgradeTaskPhase(t.status?.phase), 'task') },
    ),
  upgradeTasks: (clusterId: string) =>
    operationQuery(listUpgradeTasks, cluster(clusterId), {
      refetchInterval: pollWhile((l) => l.items.some((t) => isTransitionalUpgradeTaskPhase(t.status?.phase)), 'task'),
    }),
  snapshots: (clusterId: string) =>
    operationQuery(listSnapshotTasks, cluster(clusterId), {
      refetchInterval: pollWhile((l) => l.items.some((t) => isTransitionalSnapshotPhase(t.status?.phase)), 'task'),
    }),
  /** Global; changes with CCE releases only. */
  featureGates: () => operationQuery(listUpgradeFeatureGates, { params: {} }, { staleTime: 10 * 60_000 }),
};
