import { AddonState } from './resources/addons/state.ts';
import { Scenarios } from './tasks/scenarios.ts';
import { TaskStore } from './tasks/task-store.ts';
import { UpgradeState } from './resources/upgrades/state.ts';
import type { ClusterRecord, VersionInfo } from './resources/clusters/cluster-model.ts';
import type { EipRecord, SubnetRecord, VpcRecord } from './resources/network/network-model.ts';
import type { ChartRecord } from './resources/charts/model.ts';
import type { ReleaseRecord } from './resources/releases/model.ts';

export interface StoreSettings {
  projectId: string;
  region: string;
  speed: number;
  clusterQuota: number;
  versions: readonly VersionInfo[];
  ids: () => string;
}

/**
 * All state of one simulated project. Lifecycle progress is not stored: every change over time is a
 * task (tasks/), and `settle(now)` applies the effect of every task that has finished by `now`
 * (Creating → Available, Deleting → gone, …); it runs at the start of each request, so every answer
 * reflects the clock.
 */
export class SimulatorStore {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly vpcs = new Map<string, VpcRecord>();
  readonly eips = new Map<string, EipRecord>();
  /** Helm chart packages uploaded to the project, by chart ID. */
  readonly charts = new Map<string, ChartRecord>();
  /** Helm releases, by `cluster/namespace/name` (resources/releases/model.ts). */
  readonly releases = new Map<string, ReleaseRecord>();
  /** Scenarios armed by the control surface; consulted when a task starts. */
  readonly scenarios: Scenarios;
  /** Every task: cluster jobs, add-on operations, pre-checks, backups, upgrade steps, Helm revisions, … */
  readonly tasks: TaskStore;
  /** Add-on instances (resources/addons). */
  readonly addons = new AddonState();
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

  /** Applies the effect of every task finished by `nowMs` (a cluster created, deleted, upgraded, …). */
  settle(nowMs: number): void {
    this.tasks.settle(this, nowMs);
  }
}
