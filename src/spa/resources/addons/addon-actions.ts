/**
 * What an operator may do with an add-on instance now, and why not otherwise (digest §3.3): every
 * action the console offers is enabled by these rules or disabled with the reason they give.
 */
import {
  ROLLBACK_ALLOWED_ADDON_PHASES,
  UPDATE_ALLOWED_ADDON_PHASES,
  addonVersionsForCluster,
  isTransitionalAddonPhase,
  latestAddonVersionFor,
  type AddonInstance,
  type AddonTemplate,
  type AddonVersion,
} from '../../../contract/addons.ts';
import { isTransitionalClusterPhase } from '../../../contract/clusters.ts';

export type AddonAction = 'upgrade' | 'edit' | 'rollback' | 'uninstall';

export type AddonActionBlock =
  /** Another operation of the instance is running (installing, upgrading, rolling back, deleting). */
  | { reason: 'inFlight'; status: string }
  /** A cluster job is changing the cluster. */
  | { reason: 'clusterBusy'; phase: string }
  /** The cluster has no running control plane to run Helm on. */
  | { reason: 'clusterNotRunning'; phase: string }
  /** The status's remedy is to uninstall and install again. */
  | { reason: 'reinstallNeeded'; status: string }
  /** No newer version for this cluster. */
  | { reason: 'noUpgrade' }
  /** No earlier revision to return to. */
  | { reason: 'notRollbackable' }
  /** A rollback is not possible from this status. */
  | { reason: 'rollbackStatus'; status: string };

export type AddonActionState = { enabled: true } | { enabled: false; block: AddonActionBlock };

/** The cluster as these rules need it: its phase. */
export interface AddonClusterContext {
  phase?: string;
}

const enabled: AddonActionState = { enabled: true };
const blocked = (block: AddonActionBlock): AddonActionState => ({ enabled: false, block });

/**
 * The state of each action on an instance. A change needs an Available cluster: the simulator also
 * accepts a few settled failure phases, which the console leaves to the API to judge.
 */
export function addonActionStates(instance: AddonInstance, cluster: AddonClusterContext | undefined): Record<AddonAction, AddonActionState> {
  const status = instance.status?.status ?? '';
  const phase = cluster?.phase;
  if (isTransitionalAddonPhase(status)) {
    const block = blocked({ reason: 'inFlight', status });
    return { upgrade: block, edit: block, rollback: block, uninstall: block };
  }
  if (phase !== undefined && isTransitionalClusterPhase(phase)) {
    const block = blocked({ reason: 'clusterBusy', phase });
    return { upgrade: block, edit: block, rollback: block, uninstall: block };
  }
  const notRunning = phase !== undefined && phase !== 'Available' ? blocked({ reason: 'clusterNotRunning', phase }) : undefined;
  const updatable = (UPDATE_ALLOWED_ADDON_PHASES as readonly string[]).includes(status);
  const edit = notRunning ?? (updatable ? enabled : blocked({ reason: 'reinstallNeeded', status }));
  const upgrade = edit.enabled && (instance.status?.targetVersions ?? []).length === 0 ? blocked({ reason: 'noUpgrade' }) : edit;
  const rollback =
    notRunning ??
    (!(ROLLBACK_ALLOWED_ADDON_PHASES as readonly string[]).includes(status)
      ? blocked({ reason: 'rollbackStatus', status })
      : instance.status?.isRollbackable === true
        ? enabled
        : blocked({ reason: 'notRollbackable' }));
  return { upgrade, edit, rollback, uninstall: enabled };
}

/** Versions of a template a cluster of `clusterVersion` supports, newest first. */
export function compatibleVersions(template: AddonTemplate, clusterVersion: string): AddonVersion[] {
  return addonVersionsForCluster(template.spec?.versions ?? [], clusterVersion);
}

/** The version an install proposes: the one the API would pick without a version. */
export function proposedVersion(template: AddonTemplate, clusterVersion: string): AddonVersion | undefined {
  return latestAddonVersionFor(template.spec?.versions ?? [], clusterVersion);
}
