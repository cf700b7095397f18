import { listUpgradePaths } from '../../../contract/upgrade-paths.ts';
import { operationQuery } from '../../shared/api/operation-query.ts';

export const upgradePathQueries = {
  /** The global upgrade paths (which versions each version can move to); they change with CCE releases only. */
  all: () => operationQuery(listUpgradePaths, { params: {} }, { staleTime: 10 * 60_000 }),
};
