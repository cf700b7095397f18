import { deleteAddon, installAddon, rollbackAddon, updateAddon } from '../../../contract/addons.ts';
import { operationMutation } from '../../shared/api/operation-query.ts';
import { addonQueries } from './addon-queries.ts';

/** Every change to add-ons; each makes everything read about add-ons stale (refetched before the mutation settles). */
export const addonMutations = {
  install: () => operationMutation(installAddon, { invalidates: [addonQueries.all()] }),
  /** Upgrade, or new values at the same version. */
  update: () => operationMutation(updateAddon, { invalidates: [addonQueries.all()] }),
  rollback: () => operationMutation(rollbackAddon, { invalidates: [addonQueries.all()] }),
  uninstall: () => operationMutation(deleteAddon, { invalidates: [addonQueries.all()] }),
};
