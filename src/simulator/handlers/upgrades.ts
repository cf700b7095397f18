import { upgradeOperations } from '../../contract/upgrades.ts';
import { notImplementedArea, type Handler } from '../handler.ts';
import { listUpgradePaths } from './upgrade-paths.ts';

type UpgradeOperations = typeof upgradeOperations;

/** Handlers of the cluster-upgrade area, one per operation (checked at compile time in handlers.ts). */
export const upgradeHandlers: { [K in keyof UpgradeOperations]: Handler<UpgradeOperations[K]> } = {
  ...notImplementedArea(upgradeOperations, 'cluster upgrades'),
  listUpgradePaths: () => listUpgradePaths(),
};
