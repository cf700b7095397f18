/**
 * What a target version means for each add-on installed in the cluster (digest §5.5, add-ons §3.4):
 * whether its version supports the target (it stays, or the operator may patch it to a newer
 * compatible one), or not (the upgrade patches it to the latest compatible version), or no version
 * supports the target at all. The same plan feeds step 1 (the table) and step 5 (the add-on versions
 * sent in `clusterUpgradeAction.addons`).
 */
import { addonVersionSupportsCluster, compareAddonVersions, type AddonInstance, type AddonTemplate } from '../../../contract/addons.ts';
import type { UpgradeAddonConfig } from '../../../contract/upgrades.ts';
import { compatibleVersions, proposedVersion } from '../../resources/addons/addon-actions.ts';

export type AddonOutcome =
  /** The installed version supports the target; `newer` lists the later compatible versions it may be patched to. */
  | { kind: 'stays'; newer: string[] }
  /** The installed version does not support the target: the upgrade patches it to `to` (one of `choices`). */
  | { kind: 'required'; to: string; choices: string[] }
  /** No version of the add-on supports the target. */
  | { kind: 'unsupported' }
  /** The add-on's template (or its installed version) is not in the catalogue. */
  | { kind: 'unknown' };

export interface AddonPlanEntry {
  /** `addonTemplateName`. */
  name: string;
  instance: AddonInstance;
  current: string | undefined;
  outcome: AddonOutcome;
  /** The template's preview (not stable) versions. */
  previews: string[];
}

/** The plan for every installed add-on, in the order of the instances. */
export function addonUpgradePlan(instances: readonly AddonInstance[], templates: readonly AddonTemplate[], target: string): AddonPlanEntry[] {
  return instances.map((instance) => {
    const name = instance.spec?.addonTemplateName ?? instance.metadata?.name ?? '';
    const current = instance.spec?.version ?? undefined;
    const template = templates.find((t) => t.metadata?.name === name);
    const installed = template?.spec?.versions?.find((v) => v.version === current);
    const previews = (template?.spec?.versions ?? []).filter((v) => v.stable === false && v.version !== undefined).map((v) => v.version!);
    const entry = (outcome: AddonOutcome): AddonPlanEntry => ({ name, instance, current, outcome, previews });
    if (!template || !installed || current === undefined) return entry({ kind: 'unknown' });
    const compatible = compatibleVersions(template, target).map((v) => v.version!);
    if (addonVersionSupportsCluster(installed, target)) return entry({ kind: 'stays', newer: compatible.filter((v) => compareAddonVersions(v, current) > 0) });
    const to = proposedVersion(template, target)?.version;
    return entry(to ? { kind: 'required', to, choices: compatible } : { kind: 'unsupported' });
  });
}

/** The version each add-on goes to when the operator has not chosen one: the installed one, or the one the upgrade needs. */
export function defaultAddonVersion(entry: AddonPlanEntry): string | undefined {
  return entry.outcome.kind === 'required' ? entry.outcome.to : entry.current;
}

/**
 * `clusterUpgradeAction.addons`: a `patch` for every add-on the target needs patched and every one the
 * operator chose a newer version for (`chosen` by template name).
 */
export function addonPatches(plan: readonly AddonPlanEntry[], chosen: Readonly<Record<string, string>>): UpgradeAddonConfig[] {
  return plan.flatMap((entry) => {
    const version = chosen[entry.name] ?? defaultAddonVersion(entry);
    if (!version || entry.outcome.kind === 'unknown' || entry.outcome.kind === 'unsupported') return [];
    if (entry.outcome.kind === 'stays' && version === entry.current) return [];
    return [{ addonTemplateName: entry.name, operation: 'patch' as const, version }];
  });
}
