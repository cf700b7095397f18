import { listAddons, listAddonTemplates, showAddon } from '../../../contract/addons.ts';
import { operationQuery } from '../../shared/api/operation-query.ts';
import { pollWhile } from '../../shared/api/polling.ts';
import { addonInMotion, addonListInMotion } from './addon-status.tsx';

/** Templates change with cloud releases, not with the operator's actions: read once per visit. */
const TEMPLATES_STALE_MS = 10 * 60_000;

export const addonQueries = {
  /** Everything read about add-ons: what a change to an add-on makes stale. */
  all: () => [listAddons.resource] as const,
  /** The catalogue (every template with its versions). */
  templates: () => operationQuery(listAddonTemplates, { params: {}, query: {} }, { staleTime: TEMPLATES_STALE_MS }),
  /** A cluster's instances; polls while one of them is installing, upgrading, rolling back or uninstalling. */
  list: (clusterId: string) => operationQuery(listAddons, { params: {}, query: { cluster_id: clusterId } }, { refetchInterval: pollWhile(addonListInMotion) }),
  /** One instance (with its current values). */
  detail: (id: string, clusterId: string) =>
    operationQuery(showAddon, { params: { id }, query: { cluster_id: clusterId } }, { refetchInterval: pollWhile(addonInMotion) }),
};
