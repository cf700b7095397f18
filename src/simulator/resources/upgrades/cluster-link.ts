/**
 * Where the upgrade area touches state it does not own: the cluster record (phase, version) and the
 * add-ons. Kept to these few functions so the coupling is visible in one place.
 */
import type { ClusterRecord } from '../clusters/cluster-model.ts';
import type { SimulatorStore } from '../../store.ts';
import { seededUuidV4 } from '../../ids.ts';
import type { ClusterUpgradeRecord, PrecheckPreset } from './state.ts';
import { minorOf, previousPatch } from './versions.ts';

/** The cluster's upgrade record, created on first use with the patch before its version's latest. */
export function clusterUpgrades(store: SimulatorStore, cluster: ClusterRecord, preset: PrecheckPreset = 'clean'): ClusterUpgradeRecord {
  return store.upgrades.ensure(cluster.uid, () => {
    const latest = store.version(cluster.version)?.patch ?? `${cluster.version}.0-r0`;
    return {
      patch: previousPatch(latest),
      preset,
      nodes: [0, 1, 2].map((n) => ({
        uid: seededUuidV4(`${cluster.uid}/node/${n}`),
        name: `${cluster.name}-node-${n}`,
        status: 'Active',
        nodeType: 'VirtualMachine',
      })),
      workflows: [],
      patchedAddons: {},
    };
  });
}

export type ClusterUpgradeEvent = { kind: 'started'; targetPatch: string } | { kind: 'succeeded'; targetPatch: string; at: number } | { kind: 'failed'; at: number };

/**
 * Moves the cluster with its upgrade task: `Upgrading` while it runs (so every other change to the
 * cluster is refused as locked), at the target version and platform version once it succeeds.
 */
// AMBIG (digest §5.7): the reference does not say what a failed in-place upgrade leaves the cluster
// in. Chose `Available` at the old version (the control plane still serves, and the task can be
// retried or the workflow cancelled); the failure is on the upgrade task (`spec.items.message`).
export function driveClusterUpgrade(store: SimulatorStore, clusterUid: string, event: ClusterUpgradeEvent): void {
  const cluster = store.clusters.get(clusterUid);
  if (!cluster) return;
  const record = clusterUpgrades(store, cluster);
  if (event.kind === 'started') {
    cluster.phase = 'Upgrading';
    cluster.reason = undefined;
    cluster.message = undefined;
    return;
  }
  cluster.updatedAt = event.at;
  if (event.kind === 'succeeded') {
    const info = store.version(minorOf(event.targetPatch) ?? '');
    record.patch = event.targetPatch;
    // A seeded mid-upgrade cluster's job (cluster.upgrade) has already moved it, just before.
    if (info && cluster.version !== info.version) {
      cluster.upgradeFrom = cluster.version;
      cluster.version = info.version;
      cluster.platformVersion = info.platformVersion;
    }
    cluster.phase = 'Available';
    cluster.reason = undefined;
    cluster.message = undefined;
    return;
  }
  cluster.phase = 'Available';
}

/** An add-on as the pre-check sees it. */
export interface CheckedAddon {
  addonTemplateName: string;
  alias: string;
  healthy: boolean;
}

/**
 * The add-ons installed in a cluster and whether each is healthy, as the pre-check's add-on items
 * report them, and the ones an upgrade may patch. The add-on area's instances are not in the store
 * yet; until they are, every cluster runs the three system add-ons every Autopilot cluster has, and
 * the `exception` preset makes CoreDNS abnormal (the reference's failing `AddonLimit` example). When
 * the store holds add-on instances, this is the one function to read them.
 */
export function addonsSeenByPrecheck(record: ClusterUpgradeRecord): CheckedAddon[] {
  return [
    { addonTemplateName: 'coredns', alias: 'CoreDNS', healthy: record.preset !== 'exception' },
    { addonTemplateName: 'everest', alias: 'CCE Container Storage (Everest)', healthy: true },
    { addonTemplateName: 'metrics-server', alias: 'Kubernetes Metrics Server', healthy: true },
  ];
}

/** Records the add-on versions an upgrade patched (the add-on area applies them once it keeps instances). */
export function patchAddons(record: ClusterUpgradeRecord, addons: readonly { addonTemplateName: string; version: string }[]): void {
  for (const addon of addons) record.patchedAddons[addon.addonTemplateName] = addon.version;
}
