import type { Cluster } from '../../../contract/clusters.ts';
import { findUpgradePath, parseKubernetesVersion, type UpgradePath } from '../../../contract/upgrade-paths.ts';

/** Newer minor versions this cluster can be upgraded to (the upgrade path's targets beyond its own minor). */
export function upgradeTargets(cluster: Cluster, paths: readonly UpgradePath[] | undefined): string[] {
  if (!paths) return [];
  const current = parseKubernetesVersion(cluster.spec?.version ?? '');
  const path = findUpgradePath(paths, cluster.spec?.version, cluster.spec?.platformVersion);
  if (!current || !path) return [];
  return (path.targetVersions ?? []).filter((target) => {
    const t = parseKubernetesVersion(target);
    return t !== undefined && (t.major > current.major || (t.major === current.major && t.minor > current.minor));
  });
}
