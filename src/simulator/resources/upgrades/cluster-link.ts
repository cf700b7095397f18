/**
 * Where the upgrade area touches state it does not own: the cluster record (phase, version) and the
 * add-ons. Kept to these few functions so the coupling is visible in one place.
 */
import type { UpgradeClusterBody } from '../../../contract/upgrades.ts';
import type { ClusterRecord } from '../clusters/cluster-model.ts';
import type { SimulatorStore } from '../../store.ts';
import { seededUuidV4 } from '../../ids.ts';
import { addonVersionSupportsCluster, latestAddonVersionFor, type AddonInstancePhase } from '../../../contract/addons.ts';
import { findTemplate } from '../addons/catalogue.ts';
import { addonsOfCluster } from '../addons/instances.ts';
import { versionObject } from '../addons/values.ts';
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

export type ClusterUpgradeEvent =
  { kind: 'started'; targetPatch: string } | { kind: 'succeeded'; targetPatch: string; at: number } | { kind: 'failed'; at: number };

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
  version: string;
  healthy: boolean;
}

/** Add-on statuses the pre-check's `AddonLimit` item reports as abnormal. */
const UNHEALTHY_ADDON_PHASES: ReadonlySet<AddonInstancePhase> = new Set([
  'abnormal',
  'installFailed',
  'upgradeFailed',
  'rollbackFailed',
  'deleteFailed',
  'unknown',
]);

/**
 * The add-ons installed in a cluster (the add-on area's instances) and whether each is healthy, as the
 * pre-check's add-on items report them. The `exception` outcome (a scenario or a cluster's preset)
 * makes CoreDNS abnormal even when it runs, for a demo on any cluster.
 */
export function addonsSeenByPrecheck(store: SimulatorStore, cluster: ClusterRecord, preset: PrecheckPreset): CheckedAddon[] {
  return addonsOfCluster(store, cluster.uid).map((r) => ({
    addonTemplateName: r.templateName,
    alias: findTemplate(store.settings.region, r.templateName)?.alias ?? r.templateName,
    version: r.version,
    healthy: !UNHEALTHY_ADDON_PHASES.has(r.status) && !(preset === 'exception' && r.templateName === 'coredns'),
  }));
}

/**
 * Why an add-on of an upgrade request cannot be patched to `version` for the target minor version
 * ("The target add-on version must match the target cluster version"), or `undefined` when it can.
 */
export function addonPatchProblem(store: SimulatorStore, cluster: ClusterRecord, name: string, version: string, targetMinor: string): string | undefined {
  if (!addonsOfCluster(store, cluster.uid).some((r) => r.templateName === name)) return `${name} is not installed in cluster ${cluster.name}.`;
  const template = findTemplate(store.settings.region, name);
  const v = template?.versions.find((x) => x.version === version);
  if (!template || !v) return `${name} has no version ${version} (versions: ${template?.versions.map((x) => x.version).join(', ') ?? 'none'}).`;
  if (!addonVersionSupportsCluster(versionObject(v, true), targetMinor)) return `${name} ${version} does not support cluster version ${targetMinor}.`;
  return undefined;
}

/** An add-on of an upgrade request (`clusterUpgradeAction.addons[]`). */
export type AddonPatch = NonNullable<UpgradeClusterBody['spec']['clusterUpgradeAction']['addons']>[number];

/**
 * The add-on patches an upgrade applies: those its request names, plus one for every other installed
 * add-on whose version does not support the target minor version — to the latest version that does
 * (what an install without a version would get on the target).
 */
// AMBIG (digest §5.5): the reference says only that "CCE upgrades add-ons based on the configuration"
// and that a named version "must match the target cluster version"; what happens to an add-on left out
// whose version the target does not support is not stated. Chose to patch it to the latest compatible
// version, as the console tells the operator in its first step; one that no version supports stays.
export function addonPatchesFor(store: SimulatorStore, cluster: ClusterRecord, requested: readonly AddonPatch[], targetMinor: string): AddonPatch[] {
  const named = new Set(requested.map((a) => a.addonTemplateName));
  const implied: AddonPatch[] = [];
  for (const record of addonsOfCluster(store, cluster.uid)) {
    if (named.has(record.templateName)) continue;
    const template = findTemplate(store.settings.region, record.templateName);
    if (!template) continue;
    const versions = template.versions.map((v) => versionObject(v, true));
    const current = versions.find((v) => v.version === record.version);
    if (!current || addonVersionSupportsCluster(current, targetMinor)) continue;
    const latest = latestAddonVersionFor(versions, targetMinor)?.version;
    if (latest) implied.push({ addonTemplateName: record.templateName, operation: 'patch', version: latest });
  }
  return [...requested, ...implied];
}

/** Patches the cluster's add-on instances to the versions an upgrade named, once it has succeeded. */
export function patchAddons(store: SimulatorStore, clusterUid: string, addons: readonly { addonTemplateName: string; version: string }[], at: number): void {
  for (const addon of addons) {
    const record = store.addons.ofCluster(clusterUid).find((r) => r.templateName === addon.addonTemplateName);
    if (!record || record.version === addon.version) continue;
    record.previousVersion = record.version;
    record.version = addon.version;
    record.revision += 1;
    record.updatedAt = at;
  }
}
