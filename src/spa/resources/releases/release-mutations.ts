import { createRelease, deleteRelease, updateRelease } from '../../../contract/releases.ts';
import { operationMutation } from '../../shared/api/operation-query.ts';
import { releaseQueries } from './release-queries.ts';

/** Every change to releases, each naming what it makes stale. */
export const releaseMutations = {
  create: () => operationMutation(createRelease, { invalidates: [releaseQueries.all()] }),
  /** Upgrade or rollback (`action`). */
  update: () => operationMutation(updateRelease, { invalidates: [releaseQueries.all()] }),
  delete: () => operationMutation(deleteRelease, { invalidates: [releaseQueries.all()] }),
};

/** A dry run changes nothing: the same call, nothing to refresh. */
export const releaseDryRuns = {
  create: () => operationMutation(createRelease, { invalidates: [] }),
  update: () => operationMutation(updateRelease, { invalidates: [] }),
};
