/**
 * What the simulated upgrade service keeps per cluster: the cluster's patch version, the pre-check
 * outcome preset that decides what a pre-check finds, its workflows, and the add-on versions an
 * upgrade patched. Pre-checks, backups, upgrade tasks and post-checks themselves are tasks of the one
 * task mechanism (`store.tasks`, kinds `upgrade.*`, subject = cluster uid); a workflow only points at
 * them and derives its phase from them when rendered, so it can never go stale.
 */

/**
 * What the next pre-checks of a cluster find (switchable on the control surface):
 * - `clean`: every item passes;
 * - `exception`: an add-on is abnormal, a failed `Exception` that blocks until it is fixed;
 * - `risks`: configuration, deprecated-API, node and add-on `Risk`s that pass once skipped;
 * - `error`: the check itself breaks half-way (phase `Error`, with a log in `status.message`).
 */
export const PRECHECK_PRESETS = ['clean', 'exception', 'risks', 'error'] as const;
export type PrecheckPreset = (typeof PRECHECK_PRESETS)[number];

/** The workflow's points, in the order the reference's examples list them. */
export const WORKFLOW_POINTS = ['PreCheck', 'Snapshot', 'Cluster', 'PostCheck'] as const;
export type WorkflowPointType = (typeof WORKFLOW_POINTS)[number];

export interface WorkflowRecord {
  uid: string;
  clusterUid: string;
  /** The cluster's patch version when the workflow was created. */
  clusterVersion: string;
  /** Resolved target patch version. */
  targetVersion: string;
  createdAt: number;
  updatedAt: number;
  cancelledAt?: number;
  /** Task id behind each point that has started (the latest run of that step). */
  points: Partial<Record<WorkflowPointType, string>>;
}

/** A simulated worker node the node checks look at (Autopilot's nodes are the service's; see digest D-14). */
export interface CheckedNode {
  uid: string;
  name: string;
  status: string;
  nodeType: string;
}

export interface ClusterUpgradeRecord {
  /** Current full patch version, e.g. `v1.27.2-r0`. */
  patch: string;
  preset: PrecheckPreset;
  nodes: CheckedNode[];
  workflows: WorkflowRecord[];
  /** Add-on template name → version an upgrade patched it to. */
  patchedAddons: Record<string, string>;
  /**
   * The seed's "next upgrade fails at N %" for this cluster, used once (a scenario armed on the control
   * surface for the same cluster takes precedence).
   */
  failNextUpgradeAt?: number;
}

export class UpgradeState {
  private readonly records = new Map<string, ClusterUpgradeRecord>();

  /** The record of a cluster, created by `init` on first use (so a 2,000-cluster seed costs nothing). */
  ensure(clusterUid: string, init: () => ClusterUpgradeRecord): ClusterUpgradeRecord {
    let record = this.records.get(clusterUid);
    if (!record) {
      record = init();
      this.records.set(clusterUid, record);
    }
    return record;
  }

  get(clusterUid: string): ClusterUpgradeRecord | undefined {
    return this.records.get(clusterUid);
  }

  clear(): void {
    this.records.clear();
  }
}
