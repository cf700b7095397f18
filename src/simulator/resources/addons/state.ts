import type { AddonInstancePhase } from '../../../contract/addons.ts';

/** A Helm revision of an instance: the version and values it ran with. What a rollback returns to. */
export interface AddonRevision {
  version: string;
  values: Record<string, unknown>;
  /** Helm revision number (1 = the install); the rollback's `Reason` names it ("Rollback to 1"). */
  revision: number;
}

/**
 * One add-on instance, as the service would keep it. The wire object is rendered from it per request
 * (render.ts). While an install, upgrade, rollback or delete runs, `activeTaskId` names its task and
 * `status` is the transitional status; the task's settle effect (tasks.ts) writes the outcome.
 */
export interface AddonRecord {
  uid: string;
  clusterId: string;
  templateName: string;
  /** `spec.version`: the running version, or the target while upgrading / rolling back (as the examples show). */
  version: string;
  /** `spec.values` without the server-injected `systemAutoInject` (added when rendering). */
  values: Record<string, unknown>;
  revision: number;
  status: AddonInstancePhase;
  /** `status.Reason` (capital R on the wire). */
  reason: string;
  message: string;
  /** The revision a rollback returns to: the last one that ran before the current. */
  rollbackTo?: AddonRevision;
  isRollbackable: boolean;
  /** "The add-on version before upgrade or rollback". */
  previousVersion?: string;
  createdAt: number;
  updatedAt: number;
  /** The task moving the instance now. */
  activeTaskId?: string;
}

/** The add-on area's part of the simulator store: instances by uid, and which clusters got their default add-ons. */
export class AddonState {
  readonly instances = new Map<string, AddonRecord>();
  /** Clusters whose default add-ons (CoreDNS, those of the creation annotation) have been put in place. */
  readonly provisioned = new Set<string>();

  add(record: AddonRecord): void {
    this.instances.set(record.uid, record);
  }

  remove(uid: string): void {
    this.instances.delete(uid);
  }

  ofCluster(clusterId: string): AddonRecord[] {
    const found: AddonRecord[] = [];
    for (const r of this.instances.values()) if (r.clusterId === clusterId) found.push(r);
    return found.sort((a, b) => a.createdAt - b.createdAt || a.templateName.localeCompare(b.templateName));
  }

  clear(): void {
    this.instances.clear();
    this.provisioned.clear();
  }
}
