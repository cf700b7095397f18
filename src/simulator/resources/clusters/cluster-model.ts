/**
 * The simulator's cluster records. They hold what the service would keep in its database; the wire
 * objects of the reference are rendered from them per request (cluster-render.ts), so a response
 * never carries state that could go stale.
 */
import { TRANSITIONAL_CLUSTER_PHASES, type ClusterPhase } from '../../../contract/clusters.ts';

/**
 * Phases in which a job is changing the cluster. Another mutating call meanwhile is refused with
 * 429 `CCE.01429002` "Resource locked by other requests." (the documented code for a resource another
 * request holds).
 */
export const PHASES_IN_MOTION: ReadonlySet<ClusterPhase> = new Set<ClusterPhase>(TRANSITIONAL_CLUSTER_PHASES);

/** Phases in which the kube-apiserver answers, so a certificate can be issued for it. */
export const PHASES_WITH_API_SERVER: ReadonlySet<ClusterPhase> = new Set<ClusterPhase>([
  'Available',
  'Upgrading',
  'RollingBack',
  'RollbackFailed',
  'Resizing',
  'ResizeFailed',
  'ScalingUp',
  'ScalingDown',
]);

/** Phases from which a delete is accepted: settled ones, including the broken ones the reference says to delete manually. */
export const PHASES_DELETABLE: ReadonlySet<ClusterPhase> = new Set<ClusterPhase>([
  'Available',
  'Unavailable',
  'Error',
  'Empty',
  'ResizeFailed',
  'RollbackFailed',
  'Hibernation',
]);

export interface ClusterTag {
  key: string;
  value: string;
}

export interface ClusterRecord {
  uid: string;
  name: string;
  /** Alias as stored: the name when none was given ("the alias of the cluster is the same as the cluster name"). */
  alias: string;
  /** Whether the create request configured an alias; the create response omits it otherwise (OP1). */
  aliasConfigured: boolean;
  description: string;
  version: string;
  platformVersion: string;
  az: string;
  vpcId: string;
  hostSubnetId: string;
  eniSubnetIds: string[];
  serviceCidr: string;
  enterpriseProjectId: string;
  enableSnat: boolean;
  enableSWRImageAccess: boolean;
  tags: ClusterTag[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Add-ons requested through the `cluster.install.addons/install` annotation, kept for the add-on area. */
  requestedAddons: unknown[];
  createdAt: number;
  updatedAt: number;
  phase: ClusterPhase;
  reason?: string;
  message?: string;
  /** `status.jobID`: the job (task id) behind the current phase, or the last one. */
  jobId?: string;
  /** Private IP of the API server (the VIP). */
  privateIp: string;
  /** `Port-ID` of the master's port, returned with the certificate. */
  portId: string;
  eipId?: string;
  upgradeFrom: string;
  isLocked?: boolean;
  lockScene?: string;
  lockSource?: string;
  lockSourceId?: string;
  /** Echo of the options of the accepted delete request (`status.deleteOption`). */
  deleteOption?: Record<string, string>;
}

/** Kubernetes versions and their current platform version (`cce.X.Y`), as in the reference's examples. */
export interface VersionInfo {
  version: string;
  platformVersion: string;
  /** New clusters can be created with this version. */
  creatable: boolean;
  /** Latest patch release (`v1.27.3-r0`), what an upgrade to this version installs. */
  patch: string;
}
