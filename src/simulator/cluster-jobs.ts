import { jitter, sequentialPlan, type JobRecord, type SubJobPlan } from './lifecycle.ts';
import type { ClusterRecord, SubnetRecord } from './model.ts';
import { MIN_FREE_ENI_IPS } from './model.ts';

const SECOND = 1000;

type Step = Omit<SubJobPlan, 'offsetMs'>;

function job(
  uid: string,
  type: JobRecord['type'],
  cluster: ClusterRecord,
  startedAt: number,
  plan: { initializingMs: number; subJobs: SubJobPlan[] },
  extendParam?: Record<string, string>,
): JobRecord {
  return {
    uid,
    type,
    clusterUid: cluster.uid,
    resourceId: cluster.uid,
    resourceName: cluster.name,
    startedAt,
    ...plan,
    ...(extendParam ? { extendParam } : {}),
  };
}

/**
 * The creation job: 4–6 sub-jobs run one after another, ≈ 40–60 simulated seconds in all. Sub-job
 * types follow the reference's example (`CreatePSMCert`, `InstallMaster`) plus the network and
 * add-on steps an Autopilot cluster needs. An ENI subnet without room for the control plane's ports
 * makes `CreateEniNetwork` fail, and the cluster then ends in `Error` with the reason.
 */
export function planCreateJob(
  ids: () => string,
  cluster: ClusterRecord,
  eniSubnets: readonly SubnetRecord[],
  startedAt: number,
): JobRecord {
  const uid = ids();
  const full = eniSubnets.find((s) => s.freeIps < MIN_FREE_ENI_IPS);
  const steps: Step[] = [
    { uid: ids(), type: 'CreatePSMCert', durationMs: jitter(5 * SECOND, `${uid}:cert`) },
    {
      uid: ids(),
      type: 'CreateEniNetwork',
      durationMs: jitter(8 * SECOND, `${uid}:eni`),
      resourceId: eniSubnets[0]?.subnetId ?? cluster.hostSubnetId,
      ...(full
        ? { failure: `Insufficient IP addresses in subnet ${full.name} (${full.cidr}): ${full.freeIps} free, at least ${MIN_FREE_ENI_IPS} needed for the control plane ENIs.` }
        : {}),
    },
    { uid: ids(), type: 'InstallMaster', durationMs: jitter(18 * SECOND, `${uid}:master`), extendParam: { serverID: cluster.portId } },
  ];
  if (cluster.enableSnat) steps.push({ uid: ids(), type: 'CreateSnatRule', durationMs: jitter(4 * SECOND, `${uid}:snat`) });
  if (cluster.enableSWRImageAccess) steps.push({ uid: ids(), type: 'CreateSwrEndpoint', durationMs: jitter(4 * SECOND, `${uid}:swr`) });
  steps.push({ uid: ids(), type: 'InstallAddons', durationMs: jitter(9 * SECOND, `${uid}:addons`) });
  return job(uid, 'CreateCluster', cluster, startedAt, sequentialPlan(2 * SECOND, steps));
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
export function planDeleteJob(ids: () => string, cluster: ClusterRecord, options: DeletePlanOptions, startedAt: number): JobRecord {
  const uid = ids();
  const steps: Step[] = [];
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
  return job(uid, 'DeleteCluster', cluster, startedAt, sequentialPlan(1 * SECOND, steps));
}

/**
 * An upgrade job, used by the seed for clusters that are mid-upgrade (the upgrade API itself belongs
 * to a later issue). Upgrades take minutes, not seconds.
 */
export function planUpgradeJob(ids: () => string, cluster: ClusterRecord, targetVersion: string, startedAt: number): JobRecord {
  const uid = ids();
  const steps: Step[] = [
    { uid: ids(), type: 'UpgradePreCheck', durationMs: jitter(30 * SECOND, `${uid}:pre`) },
    { uid: ids(), type: 'BackupMaster', durationMs: jitter(60 * SECOND, `${uid}:backup`) },
    { uid: ids(), type: 'UpgradeMaster', durationMs: jitter(240 * SECOND, `${uid}:master`) },
    { uid: ids(), type: 'UpgradeAddons', durationMs: jitter(120 * SECOND, `${uid}:addons`) },
    { uid: ids(), type: 'UpgradePostCheck', durationMs: jitter(30 * SECOND, `${uid}:post`) },
  ];
  return job(uid, 'UpgradeCluster', cluster, startedAt, sequentialPlan(2 * SECOND, steps), { targetVersion });
}
