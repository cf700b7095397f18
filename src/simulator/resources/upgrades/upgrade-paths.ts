import type { UpgradePaths } from '../../../contract/upgrade-paths.ts';
import { jsonResponse } from '../../http.ts';
import type { VersionInfo } from '../clusters/cluster-model.ts';

/**
 * `ListAutopilotClusterUpgradePaths` (global, read-only): one row per version and platform version,
 * listing the full patch versions it can be upgraded to — its own latest patch and every later
 * version's, as the reference's example shows (`v1.25` → `v1.25.6-r0`, `v1.27.3-r0`). Skipping
 * minor versions is allowed here because the example allows it (v1.23 → v1.27.3-r0). A cluster
 * already at its version's latest patch finds that patch here too; its own `upgradeinfo` lists only
 * later versions.
 */
export function listUpgradePaths(versions: readonly VersionInfo[]): Response {
  const body: UpgradePaths = {
    kind: 'ClusterUpgradePaths',
    apiVersion: 'v3',
    metadata: {},
    upgradePaths: versions.map((from, index) => ({
      version: from.version,
      platformVersion: from.platformVersion,
      targetVersions: versions.slice(index).map((to) => to.patch),
    })),
  };
  return jsonResponse(200, body);
}
