import { jobStateAt, type JobRecord } from './lifecycle.ts';
import { Scenarios } from './tasks/scenarios.ts';
import { TaskStore } from './tasks/task-store.ts';
import { UpgradeState } from './resources/upgrades/state.ts';
import type { ClusterRecord, EipRecord, VersionInfo, VpcRecord, SubnetRecord } from './model.ts';

export interface StoreSettings {
  projectId: string;
  region: string;
  speed: number;
  clusterQuota: number;
  versions: readonly VersionInfo[];
  ids: () => string;
}

/**
 * All state of one simulated project. Lifecycle progress is not stored: `settle(now)` applies the
 * outcome of every job that has finished by `now` (Creating → Available, Deleting → gone, …) and is
 * called at the start of each request, so every answer reflects the clock.
 */
export class SimulatorStore {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly vpcs = new Map<string, VpcRecord>();
  readonly eips = new Map<string, EipRecord>();
  /** Clusters with a job in flight; settle() only looks at these, so a 2,000-cluster project stays cheap. */
  private readonly moving = new Set<string>();
  /** Scenarios armed by the control surface; consulted when a task starts. */
  readonly scenarios: Scenarios;
  /** Every task (add-on operations, pre-checks, backups, upgrade steps, Helm revisions, …). */
  readonly tasks: TaskStore;
  /** Cluster upgrades: patch versions, pre-check presets, workflows (resources/upgrades). */
  readonly upgrades = new UpgradeState();

  constructor(readonly settings: StoreSettings) {
    this.scenarios = new Scenarios(settings.ids);
    this.tasks = new TaskStore(settings.ids, this.scenarios);
  }

  get speed(): number {
    return this.settings.speed;
  }

  newId(): string {
    return this.settings.ids();
  }

  addCluster(cluster: ClusterRecord): void {
    this.clusters.set(cluster.uid, cluster);
    if (cluster.activeJobId) this.moving.add(cluster.uid);
  }

  addJob(job: JobRecord): void {
    this.jobs.set(job.uid, job);
  }

  /** Starts `job` on `cluster`: the cluster is then in motion until the job finishes. */
  startJob(cluster: ClusterRecord, job: JobRecord): void {
    this.jobs.set(job.uid, job);
    cluster.activeJobId = job.uid;
    cluster.jobId = job.uid;
    this.moving.add(cluster.uid);
  }

  findClusterByName(name: string): ClusterRecord | undefined {
    for (const c of this.clusters.values()) if (c.name === name) return c;
    return undefined;
  }

  findClusterByAlias(alias: string): ClusterRecord | undefined {
    for (const c of this.clusters.values()) if (c.alias === alias) return c;
    return undefined;
  }

  findSubnetByNetworkId(vpc: VpcRecord, networkId: string): SubnetRecord | undefined {
    return vpc.subnets.find((s) => s.networkId === networkId);
  }

  findSubnetBySubnetId(vpc: VpcRecord, subnetId: string): SubnetRecord | undefined {
    return vpc.subnets.find((s) => s.subnetId === subnetId);
  }

  version(version: string): VersionInfo | undefined {
    return this.settings.versions.find((v) => v.version === version);
  }

  /** Applies every job outcome due by `nowMs`. */
  settle(nowMs: number): void {
    this.tasks.settle(this, nowMs);
    for (const uid of this.moving) {
      const cluster = this.clusters.get(uid);
      const job = cluster?.activeJobId ? this.jobs.get(cluster.activeJobId) : undefined;
      if (!cluster || !job) {
        this.moving.delete(uid);
        continue;
      }
      const state = jobStateAt(job, nowMs, this.speed);
      if (!state.finished) continue;
      this.moving.delete(uid);
      cluster.activeJobId = undefined;
      cluster.updatedAt = state.changedAt;
      if (state.phase === 'Failed') {
        cluster.phase = 'Error';
        cluster.reason = `${job.type}Failed`;
        cluster.message = state.reason;
        continue;
      }
      switch (job.type) {
        case 'CreateCluster':
          cluster.phase = 'Available';
          cluster.reason = undefined;
          cluster.message = undefined;
          break;
        case 'DeleteCluster':
          this.removeCluster(cluster);
          break;
        case 'UpgradeCluster':
          if (cluster.upgradeTarget) {
            cluster.upgradeFrom = cluster.version;
            cluster.version = cluster.upgradeTarget.version;
            cluster.platformVersion = cluster.upgradeTarget.platformVersion;
            cluster.upgradeTarget = undefined;
          }
          cluster.phase = 'Available';
          cluster.reason = undefined;
          cluster.message = undefined;
          break;
      }
    }
  }

  private removeCluster(cluster: ClusterRecord): void {
    // Deleting a cluster releases its public API-server EIP but keeps the EIP itself (it belongs to the project).
    if (cluster.eipId) {
      const eip = this.eips.get(cluster.eipId);
      if (eip) eip.boundTo = undefined;
    }
    this.clusters.delete(cluster.uid);
  }
}
