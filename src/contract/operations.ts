import type { OperationDefinition } from './define-operation.ts';
import { createOperationMatcher } from './paths.ts';
import { clusterOperations } from './clusters.ts';
import { addonOperations } from './addons.ts';
import { upgradeOperations } from './upgrades.ts';
import { chartOperations } from './charts.ts';
import { releaseOperations } from './releases.ts';

/**
 * The registry: every operation of the CCE Autopilot API reference, keyed by its code name
 * (`listClusters`). The BFF registers its forwarding routes from this object and the simulator's
 * handler map is typed against it, so adding an operation here is the only way to expose one.
 */
export const operations = {
  ...clusterOperations,
  ...addonOperations,
  ...upgradeOperations,
  ...chartOperations,
  ...releaseOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

export const operationList: readonly OperationDefinition[] = Object.values(operations);

export const matchOperation = createOperationMatcher(operationList);

export function operationById(id: string): OperationDefinition | undefined {
  return operationList.find((op) => op.id === id);
}
