import { showQuotas } from '../../../contract/clusters.ts';
import { operationQuery } from '../../shared/api/operation-query.ts';

export const quotaQueries = {
  /** The project's quotas in the console's region (clusters, and what else the cloud reports). */
  project: () => operationQuery(showQuotas, { params: {} }),
};
