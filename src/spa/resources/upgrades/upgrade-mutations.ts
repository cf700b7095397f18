import { listClusters } from '../../../contract/clusters.ts';
import {
  createPostcheck,
  createPrecheck,
  createSnapshot,
  createUpgradeWorkflow,
  retryUpgradeTask,
  updateUpgradeWorkflow,
  upgradeCluster,
} from '../../../contract/upgrades.ts';
import { operationMutation } from '../../shared/api/operation-query.ts';
import { upgradeQueries } from './upgrade-queries.ts';

/** Every step of a guided upgrade changes what the workflow shows; an upgrade also moves the cluster. */
const both = [upgradeQueries.all(), [listClusters.resource]] as const;

export const upgradeMutations = {
  createWorkflow: () => operationMutation(createUpgradeWorkflow, { invalidates: [upgradeQueries.all()] }),
  cancelWorkflow: () => operationMutation(updateUpgradeWorkflow, { invalidates: both }),
  runPrecheck: () => operationMutation(createPrecheck, { invalidates: [upgradeQueries.all()] }),
  backup: () => operationMutation(createSnapshot, { invalidates: [upgradeQueries.all()] }),
  upgrade: () => operationMutation(upgradeCluster, { invalidates: both }),
  retry: () => operationMutation(retryUpgradeTask, { invalidates: both }),
  postcheck: () => operationMutation(createPostcheck, { invalidates: [upgradeQueries.all()] }),
};
