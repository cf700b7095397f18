/**
 * Cluster jobs as tasks: CreateCluster, DeleteCluster and UpgradeCluster are task kinds whose plan is
 * an `Initializing` period followed by the job's sub-jobs, and whose settle effect moves the cluster
 * (Creating → Available, Deleting → gone, Upgrading → Available on the new version, or Error with the
 * reason). `ShowAutopilotJob` renders the job from the task's state at the request's instant.
 */
import type { JobPhase } from '../../../contract/jobs.ts';
import { formatCceTimestamp } from '../../time.ts';
import { MIN_FREE_ENI_IPS, type SubnetRecord } from '../network/network-model.ts';
import type { ClusterRecord } from './cluster-model.ts';
import type { SimulatorStore } from '../../store.ts';
import { defineTaskKind, type TaskKind } from '../../tasks/registry.ts';
import { jitter, type TaskRecord, type TaskState, type TaskStep } from '../../tasks/task.ts';

const SECOND = 1000;

/** Job types as CCE names them (`spec.type` of OP7). */
export type ClusterJobType = 'CreateCluster' | 'DeleteCluster' | 'UpgradeCluster';

/** A sub-job as the API reports it; its timing is the task step of the same index (after `Initializing`). */
export interface SubJobInfo {
  uid: string;
  /** Job type as CCE names them (`InstallMaster`, `CreatePSMCert`, …). */
  type: string;
  /** `spec.resourceID` / `extendParam` of the sub-job when it concerns one resource. */
  resourceId?: string;
  extendParam?: Record<string, string>;
}

export interface ClusterJobData {
  type: ClusterJobType;
  clusterUid: string;
  resourceName: string;
  extendParam?: Record<string, string>;
  subJobs: SubJobInfo[];
  /** UpgradeCluster: the version and platform version the cluster moves to. */
  upgradeTarget?: { version: string; platformVersion: string };
}

/** The name of the plan's first step: the job's `Initializing` period before its first sub-job. */
export const INITIALIZING_STEP = 'Initializing';

type SubJobPlan = SubJobInfo & { durationMs: number; failure?: string };

function failCluster(cluster: ClusterRecord, task: TaskRecord<ClusterJobData>, state: TaskState): void {
  cluster.phase = 'Error';
  cluster.reason = `${task.data.type}Failed`;
  cluster.message = state.phase === 'Cancelled' ? `The ${task.data.type} job was cancelled.` : state.reason;
}

/** Runs `onSuccess` for the job's cluster, or puts the cluster in Error with the job's reason. */
function settleClusterJob(onSuccess: (store: SimulatorStore, cluster: ClusterRecord, task: TaskRecord<ClusterJobData>) => void) {
  return (store: SimulatorStore, task: TaskRecord<ClusterJobData>, state: TaskState) => {
    const cluster = store.clusters.get(task.subjectId);
    if (!cluster) return;
    cluster.updatedAt = state.changedAt;
    if (state.phase !== 'Succeeded') return failCluster(cluster, task, state);
    onSuccess(store, cluster, task);
  };
}

function makeAvailable(cluster: ClusterRecord): void {
  cluster.phase = 'Available';
  cluster.reason = undefined;
  cluster.message = undefined;
}

export const createClusterTask = defineTaskKind<ClusterJobData>({
  kind: 'cluster.create',
  label: 'Create cluster',
  description: 'The creation job of a cluster (CreateCluster): certificates, ENI network, master, add-ons. Failing it leaves the cluster in Error.',
  subject: 'cluster',
  settle: settleClusterJob((_store, cluster) => makeAvailable(cluster)),
});

export const deleteClusterTask = defineTaskKind<ClusterJobData>({
  kind: 'cluster.delete',
  label: 'Delete cluster',
  description:
    'The deletion job of a cluster (DeleteCluster): load balancers, ENIs, volumes, logs, master. Failing it leaves the cluster in Error instead of gone.',
  subject: 'cluster',
  settle: settleClusterJob((store, cluster) => {
    // Deleting a cluster releases its public API-server EIP but keeps the EIP itself (it belongs to the project).
    if (cluster.eipId) {
      const eip = store.eips.get(cluster.eipId);
      if (eip) eip.boundTo = undefined;
    }
    store.clusters.delete(cluster.uid);
  }),
});

export const upgradeClusterTask = defineTaskKind<ClusterJobData>({
  kind: 'cluster.upgrade',
  label: 'Upgrade cluster',
  description:
    'The upgrade job of a cluster (UpgradeCluster): pre-check, backup, master, add-ons, post-check. Failing it leaves the cluster in Error on its old version.',
  subject: 'cluster',
  settle: settleClusterJob((_store, cluster, task) => {
    const target = task.data.upgradeTarget;
    if (target) {
      cluster.upgradeFrom = cluster.version;
      cluster.version = target.version;
      cluster.platformVersion = target.platformVersion;
    }
    makeAvailable(cluster);
  }),
});

const KIND_BY_TYPE: Record<ClusterJobType, TaskKind<ClusterJobData>> = {
  CreateCluster: createClusterTask,
  DeleteCluster: deleteClusterTask,
  UpgradeCluster: upgradeClusterTask,
};
const CLUSTER_JOB_KINDS: ReadonlySet<string> = new Set(Object.values(KIND_BY_TYPE).map((k) => k.kind));

/**
 * Starts a cluster job at `startedAt`: the sub-jobs run one after another after `initializingMs`. The
 * job's id comes first from `ids`, then its sub-jobs' (the order CCE's job ids are minted in).
 */
function startClusterJob(
  store: SimulatorStore,
  cluster: ClusterRecord,
  type: ClusterJobType,
  uid: string,
  initializingMs: number,
  subJobs: readonly SubJobPlan[],
  startedAt: number,
  extra: Pick<ClusterJobData, 'extendParam' | 'upgradeTarget'> = {},
): TaskRecord<ClusterJobData> {
  const steps: TaskStep[] = [
    { name: INITIALIZING_STEP, durationMs: initializingMs },
    ...subJobs.map((s) => ({ name: s.type, durationMs: s.durationMs, ...(s.failure !== undefined ? { failure: s.failure } : {}) })),
  ];
  const data: ClusterJobData = {
    type,
    clusterUid: cluster.uid,
    resourceName: cluster.name,
    subJobs: subJobs.map(({ uid: subUid, type: subType, resourceId, extendParam }) => ({
      uid: subUid,
      type: subType,
      ...(resourceId !== undefined ? { resourceId } : {}),
      ...(extendParam ? { extendParam } : {}),
    })),
    ...(extra.extendParam ? { extendParam: extra.extendParam } : {}),
    ...(extra.upgradeTarget ? { upgradeTarget: extra.upgradeTarget } : {}),
  };
  const task = store.tasks.start(KIND_BY_TYPE[type], cluster.uid, { steps }, data, startedAt, store.speed, uid);
  cluster.jobId = task.id;
  return task;
}

/**
 * The creation job: 4–6 sub-jobs run one after another, ≈ 40–60 simulated seconds in all. Sub-job
 * types follow the reference's example (`CreatePSMCert`, `InstallMaster`) plus the network and
 * add-on steps an Autopilot cluster needs. An ENI subnet without room for the control plane's ports
 * makes `CreateEniNetwork` fail, and the cluster then ends in `Error` with the reason.
 */
export function startCreateJob(
  store: SimulatorStore,
  cluster: ClusterRecord,
  eniSubnets: readonly SubnetRecord[],
  startedAt: number,
  ids: () => string = () => store.newId(),
): TaskRecord<ClusterJobData> {
  const uid = ids();
  const full = eniSubnets.find((s) => s.freeIps < MIN_FREE_ENI_IPS);
  const steps: SubJobPlan[] = [
    { uid: ids(), type: 'CreatePSMCert', durationMs: jitter(5 * SECOND, `${uid}:cert`) },
    {
      uid: ids(),
      type: 'CreateEniNetwork',
      durationMs: jitter(8 * SECOND, `${uid}:eni`),
      resourceId: eniSubnets[0]?.subnetId ?? cluster.hostSubnetId,
      ...(full
        ? {
            failure: `Insufficient IP addresses in subnet ${full.name} (${full.cidr}): ${full.freeIps} free, at least ${MIN_FREE_ENI_IPS} needed for the control plane ENIs.`,
          }
        : {}),
    },
    { uid: ids(), type: 'InstallMaster', durationMs: jitter(18 * SECOND, `${uid}:master`), extendParam: { serverID: cluster.portId } },
  ];
  if (cluster.enableSnat) steps.push({ uid: ids(), type: 'CreateSnatRule', durationMs: jitter(4 * SECOND, `${uid}:snat`) });
  if (cluster.enableSWRImageAccess) steps.push({ uid: ids(), type: 'CreateSwrEndpoint', durationMs: jitter(4 * SECOND, `${uid}:swr`) });
  steps.push({ uid: ids(), type: 'InstallAddons', durationMs: jitter(9 * SECOND, `${uid}:addons`) });
  return startClusterJob(store, cluster, 'CreateCluster', uid, 2 * SECOND, steps, startedAt);
}

/** Values of the delete options after normalising the `true`/`false` synonyms (reference §4.5). */
export type DeleteMode = 'block' | 'try' | 'skip';
export type LtsReclaimPolicy = 'Delete_Log_Group' | 'Delete_Master_Log_Stream' | 'Retain';

export interface DeletePlanOptions {
  delete_efs: DeleteMode;
  delete_eni: DeleteMode;
  delete_net: DeleteMode;
  delete_obs: DeleteMode;
  delete_sfs30: DeleteMode;
  lts_reclaim_policy: LtsReclaimPolicy;
}

/**
 * The deletion job honours the options: every resource kind not set to `skip` gets its own sub-job,
 * the log step follows `lts_reclaim_policy` (none for `Retain`), and the master goes last. With the
 * documented defaults that is ≈ 20–30 simulated seconds.
 */
export function startDeleteJob(store: SimulatorStore, cluster: ClusterRecord, options: DeletePlanOptions, startedAt: number): TaskRecord<ClusterJobData> {
  const ids = () => store.newId();
  const uid = ids();
  const steps: SubJobPlan[] = [];
  const add = (mode: DeleteMode, type: string, base: number) => {
    if (mode !== 'skip') steps.push({ uid: ids(), type, durationMs: jitter(base, `${uid}:${type}`), extendParam: { mode } });
  };
  add(options.delete_net, 'DeleteLoadBalancers', 5 * SECOND);
  add(options.delete_eni, 'DeleteENI', 5 * SECOND);
  add(options.delete_efs, 'DeleteSFSTurboVolumes', 3 * SECOND);
  add(options.delete_obs, 'DeleteOBSVolumes', 3 * SECOND);
  add(options.delete_sfs30, 'DeleteSFS30Volumes', 3 * SECOND);
  if (options.lts_reclaim_policy !== 'Retain') {
    steps.push({
      uid: ids(),
      type: options.lts_reclaim_policy === 'Delete_Log_Group' ? 'DeleteLogGroup' : 'DeleteMasterLogStream',
      durationMs: jitter(3 * SECOND, `${uid}:lts`),
    });
  }
  steps.push({ uid: ids(), type: 'DeleteMaster', durationMs: jitter(10 * SECOND, `${uid}:master`) });
  return startClusterJob(store, cluster, 'DeleteCluster', uid, 1 * SECOND, steps, startedAt);
}

/** An upgrade job to `target`: upgrades take minutes, not seconds. The cluster is Upgrading meanwhile. */
export function startUpgradeJob(
  store: SimulatorStore,
  cluster: ClusterRecord,
  target: { version: string; platformVersion: string },
  startedAt: number,
  ids: () => string = () => store.newId(),
): TaskRecord<ClusterJobData> {
  const uid = ids();
  const steps: SubJobPlan[] = [
    { uid: ids(), type: 'UpgradePreCheck', durationMs: jitter(30 * SECOND, `${uid}:pre`) },
    { uid: ids(), type: 'BackupMaster', durationMs: jitter(60 * SECOND, `${uid}:backup`) },
    { uid: ids(), type: 'UpgradeMaster', durationMs: jitter(240 * SECOND, `${uid}:master`) },
    { uid: ids(), type: 'UpgradeAddons', durationMs: jitter(120 * SECOND, `${uid}:addons`) },
    { uid: ids(), type: 'UpgradePostCheck', durationMs: jitter(30 * SECOND, `${uid}:post`) },
  ];
  return startClusterJob(store, cluster, 'UpgradeCluster', uid, 2 * SECOND, steps, startedAt, {
    extendParam: { targetVersion: target.version },
    upgradeTarget: target,
  });
}

/** The cluster job with this id, if the task behind it is one. */
export function findClusterJob(store: SimulatorStore, jobId: string): TaskRecord<ClusterJobData> | undefined {
  const task = store.tasks.get<ClusterJobData>(jobId);
  return task && CLUSTER_JOB_KINDS.has(task.kind) ? task : undefined;
}

function subJobPhase(phase: TaskState['phase']): JobPhase {
  if (phase === 'Pending') return 'Initializing';
  if (phase === 'Succeeded') return 'Success';
  if (phase === 'Running') return 'Running';
  return 'Failed';
}

/** OP7's job object at the state's instant: the task's steps after `Initializing` are the sub-jobs. */
export function renderClusterJob(task: TaskRecord<ClusterJobData>, state: TaskState) {
  const { data } = task;
  const subJobs = data.subJobs.map((sub, i) => {
    const step = state.steps[i + 1]!;
    const phase = subJobPhase(step.phase);
    const changedAt = phase === 'Initializing' ? task.startedAt : phase === 'Running' ? step.startedAt! : step.endedAt!;
    return {
      kind: 'Job',
      apiVersion: 'v3',
      metadata: {
        uid: sub.uid,
        creationTimestamp: formatCceTimestamp(task.startedAt, `${sub.uid}:created`),
        updateTimestamp: formatCceTimestamp(changedAt, `${sub.uid}:updated:${phase}`),
      },
      spec: {
        type: sub.type,
        clusterUID: data.clusterUid,
        ...(sub.resourceId ? { resourceID: sub.resourceId } : {}),
        ...(sub.extendParam ? { extendParam: { ...sub.extendParam } } : {}),
      },
      status: { phase, ...(phase === 'Failed' && step.phase === 'Failed' ? { reason: state.reason } : {}) },
    };
  });
  // The job is Initializing until its first sub-job starts; while Running, its last change is that start.
  const initializing = state.phase === 'Pending' || (state.phase === 'Running' && state.stepIndex === 0);
  const phase: JobPhase = initializing ? 'Initializing' : subJobPhase(state.phase);
  const changedAt = initializing ? task.startedAt : phase === 'Running' ? state.steps[1]!.startedAt! : state.changedAt;
  return {
    kind: 'Job',
    apiVersion: 'v3',
    metadata: {
      uid: task.id,
      creationTimestamp: formatCceTimestamp(task.startedAt, `${task.id}:created`),
      updateTimestamp: formatCceTimestamp(changedAt, `${task.id}:updated:${phase}`),
    },
    spec: {
      type: data.type,
      clusterUID: data.clusterUid,
      resourceID: data.clusterUid,
      resourceName: data.resourceName,
      ...(data.extendParam ? { extendParam: { ...data.extendParam } } : {}),
      subJobs,
    },
    status: { phase, reason: state.phase === 'Failed' ? state.reason : '' },
  };
}
