import type { OperationName, Operations } from '../contract/operations.ts';
import type { Handler } from './handler.ts';
import { addonHandlers } from './resources/addons/handlers.ts';
import { chartHandlers } from './resources/charts/handlers.ts';
import { releaseHandlers } from './resources/releases/handlers.ts';
import { upgradeHandlers } from './resources/upgrades/handlers.ts';
import { accessHandlers } from './resources/access/access-handlers.ts';
import { clusterHandlers } from './resources/clusters/cluster-handlers.ts';
import { jobHandlers } from './resources/jobs/job-handlers.ts';
import { quotaHandlers } from './resources/quotas/quota-handlers.ts';
import { tagHandlers } from './resources/tags/tag-handlers.ts';

/**
 * One handler per contract operation. `satisfies` makes the compiler reject this map when an
 * operation of the registry has no handler (or a handler names no operation), so the simulator can
 * never silently miss part of the API.
 */
export const handlers = {
  ...clusterHandlers,
  ...accessHandlers,
  ...jobHandlers,
  ...quotaHandlers,
  ...tagHandlers,
  ...addonHandlers,
  ...upgradeHandlers,
  ...chartHandlers,
  ...releaseHandlers,
} satisfies { [K in OperationName]: Handler<Operations[K]> };
