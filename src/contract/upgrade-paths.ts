import { z } from 'zod';
import { itemsList, optionalList, stringMapSchema } from './common.ts';
import { defineOperation } from './define-operation.ts';

/*
 * Upgrade paths (4.3.12), the version parser, and the metadata every upgrade-family response carries.
 * Apart from `upgrades.ts` because the cluster list reads the upgrade paths ("Upgrade available") and
 * should not load the whole upgrade contract for it.
 */

export interface KubernetesVersion {
  major: number;
  minor: number;
  patch?: number | undefined;
  revision?: number | undefined;
}

/** Reads `v1.28`, `v1.27.3` or `v1.27.3-r0`; `undefined` for anything else. */
export function parseKubernetesVersion(version: string): KubernetesVersion | undefined {
  const m = /^v(\d+)\.(\d+)(?:\.(\d+))?(?:-r(\d+))?$/.exec(version.trim());
  if (!m) return undefined;
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  return { major: Number(m[1]), minor: Number(m[2]), patch: num(m[3]), revision: num(m[4]) };
}

/** The generic `Metadata` object (§4.1 of the digest). */
export const upgradeMetadataSchema = z.looseObject({
  uid: z.string().optional(),
  name: z.string().optional(),
  /** Reserved; does not take effect. */
  labels: stringMapSchema.nullish(),
  annotations: stringMapSchema.nullish(),
  /** Go `time.Time` text, e.g. `2023-11-25 06:32:34.923248 +0000 UTC` (see `parseCceTimestamp`). */
  creationTimestamp: z.string().optional(),
  updateTimestamp: z.string().optional(),
});
export type UpgradeMetadata = z.infer<typeof upgradeMetadataSchema>;

export const upgradePathSchema = z.looseObject({
  /** Cluster version: `v1.19.16-r20` for v1.19 or earlier, `v1.21` for v1.21 or later. */
  version: z.string().optional(),
  /** CCE platform version `cce.X.Y`. */
  platformVersion: z.string().optional(),
  /** Versions this one can be upgraded to (full patch versions). */
  targetVersions: optionalList(z.string()).optional(),
});
export type UpgradePath = z.infer<typeof upgradePathSchema>;

/** Response of `ListAutopilotClusterUpgradePaths` (global). */
export const upgradePathsSchema = z.looseObject({
  apiVersion: z.string().optional(),
  /** `ClusterUpgradePaths`. */
  kind: z.string().optional(),
  metadata: upgradeMetadataSchema.nullish(),
  upgradePaths: itemsList(upgradePathSchema),
});
export type UpgradePaths = z.infer<typeof upgradePathsSchema>;

/**
 * The path row of a cluster. The list is global; rows are keyed by version and platform version.
 * [INF] Matched on both; when no row has the platform version, the first row of the version.
 */
export function findUpgradePath(paths: readonly UpgradePath[], version: string | undefined, platformVersion?: string): UpgradePath | undefined {
  if (!version) return undefined;
  const sameVersion = paths.filter((p) => p.version === version);
  return sameVersion.find((p) => platformVersion !== undefined && p.platformVersion === platformVersion) ?? sameVersion[0];
}

/** Global: every version's upgrade targets (no project, no cluster). */
export const listUpgradePaths = defineOperation({
  id: 'ListAutopilotClusterUpgradePaths',
  title: 'Obtaining a Cluster Upgrade Path',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/clusterupgradepaths',
  params: z.object({}),
  query: null,
  body: null,
  response: upgradePathsSchema,
  successStatus: 200,
});
