import { parseKubernetesVersion } from '../../../contract/upgrade-paths.ts';
import { isLaterVersion } from '../../../contract/upgrades.ts';
import type { VersionInfo } from '../clusters/cluster-model.ts';

/** `v1.27.3-r0` → `v1.27`. */
export function minorOf(version: string): string | undefined {
  const v = parseKubernetesVersion(version);
  return v ? `v${v.major}.${v.minor}` : undefined;
}

/**
 * The patch a seeded or newly created cluster runs: the one before its version's latest
 * (`v1.27.3-r0` → `v1.27.2-r0`), so that every cluster has its suggested patch to go to, as in the
 * reference's upgrade-info example (release `v1.27.2`, target `v1.27.3-r0`).
 */
export function previousPatch(latest: string): string {
  const v = parseKubernetesVersion(latest);
  if (!v || v.patch === undefined || v.patch === 0) return latest;
  return `v${v.major}.${v.minor}.${v.patch - 1}-r${v.revision ?? 0}`;
}

/** Every version's latest patch that is later than `currentPatch`, oldest first. */
export function upgradeTargets(versions: readonly VersionInfo[], currentPatch: string): string[] {
  return versions.map((v) => v.patch).filter((patch) => isLaterVersion(patch, currentPatch) === true);
}

/**
 * The version a requested target stands for, if the cluster can go there: a minor version (`v1.28`)
 * selects its latest patch ("If you enter a major version, the latest patch version is automatically
 * selected", 4.3.5); a full version must be that latest patch.
 */
// AMBIG (digest D-13): the reference resolves a minor target only for the pre-check; the simulator
// resolves it the same way for the workflow and the upgrade (their examples send `v1.23` and answer
// `v1.23.8-r0`), and accepts `v1.28.3` for `v1.28.3-r0`.
export function resolveTarget(versions: readonly VersionInfo[], currentPatch: string, requested: string): VersionInfo | undefined {
  const wanted = parseKubernetesVersion(requested);
  if (!wanted) return undefined;
  const info = versions.find((v) => v.version === `v${wanted.major}.${wanted.minor}`);
  if (!info) return undefined;
  if (wanted.patch !== undefined) {
    const latest = parseKubernetesVersion(info.patch)!;
    if (latest.patch !== wanted.patch || (latest.revision ?? 0) !== (wanted.revision ?? 0)) return undefined;
  }
  return upgradeTargets(versions, currentPatch).includes(info.patch) ? info : undefined;
}
