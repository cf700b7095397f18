/**
 * Add-on values in the console: where a form starts (defaults for an install, the current values for
 * an update, server-injected fields stripped as digest §3.5 says), how the form and the YAML editor
 * change them, the exact request bodies, and the difference between current and new values.
 */
import {
  INSTALL_ADDON_ANNOTATIONS,
  UPDATE_ADDON_ANNOTATIONS,
  addonValuesForUpdate,
  defaultAddonCustom,
  defaultAddonValues,
  type AddonInstance,
  type AddonVersion,
  type InstallAddonBody,
  type UpdateAddonBody,
} from '../../../contract/addons.ts';

export type AddonValues = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values an install form starts from: the version's defaults on a cluster of that Kubernetes version. */
export function installStartValues(version: AddonVersion, clusterVersion: string): AddonValues {
  return defaultAddonValues(version, clusterVersion);
}

/**
 * Values an update form starts from: the instance's current values without `systemAutoInject`
 * (digest A17). An update replaces all values ("you need to specify all the installation
 * parameters"), so nothing is dropped beyond that. Moving to another version, `basic` takes the
 * target version's infrastructure settings (image version, registry) and `custom` gains the
 * parameters the target adds, keeping every value the operator set.
 */
// AMBIG (digest A2): a get that returns `values: null` leaves nothing to start from; the form then
// starts from the defaults of the current version and `fromDefaults` says so, so the operator knows
// the update would reset what was set before.
export function updateStartValues(
  instance: AddonInstance,
  target: AddonVersion | undefined,
  clusterVersion: string,
): { values: AddonValues; fromDefaults: boolean } {
  const current = instance.spec?.values;
  const base = current ? addonValuesForUpdate(current) : defaultAddonValues(target ?? instance.status?.currentVersion ?? {}, clusterVersion);
  const values: AddonValues = structuredClone(base);
  if (target && target.version !== instance.spec?.version) {
    const targetBasic = isObject(target.input) && isObject(target.input.basic) ? target.input.basic : {};
    values.basic = { ...(isObject(values.basic) ? values.basic : {}), ...structuredClone(targetBasic) };
    values.custom = { ...defaultAddonCustom(target), ...(isObject(values.custom) ? values.custom : {}) };
  }
  return { values, fromDefaults: !current };
}

/** `values.custom[key]` set to `value` (a new object: form state stays immutable). */
export function withCustomValue(values: AddonValues, key: string, value: unknown): AddonValues {
  const custom = { ...(isObject(values.custom) ? values.custom : {}), [key]: value };
  // A cleared field leaves the parameter out (the template's default applies) rather than sending an empty or zero value.
  if (value === undefined) delete custom[key];
  return { ...values, custom };
}

/** `values.flavor` replaced by a flavor option's value. */
export function withFlavor(values: AddonValues, flavor: Record<string, unknown>): AddonValues {
  return { ...values, flavor: structuredClone(flavor) };
}

/** `values.flavor.replicas` changed. */
export function withReplicas(values: AddonValues, replicas: number): AddonValues {
  return { ...values, flavor: { ...(isObject(values.flavor) ? values.flavor : {}), replicas } };
}

export interface ValueChange {
  /** `custom.upstream_nameservers`, `flavor.resources[0].limitsCpu`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** Leaf-level differences between two values trees (lists compared element by element). */
export function diffValues(before: unknown, after: unknown, path = ''): ValueChange[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in after)) return [{ path: p, kind: 'removed' as const, before: before[k] }];
      if (!(k in before)) return [{ path: p, kind: 'added' as const, after: after[k] }];
      return diffValues(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: ValueChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= after.length) changes.push({ path: p, kind: 'removed', before: before[i] });
      else if (i >= before.length) changes.push({ path: p, kind: 'added', after: after[i] });
      else changes.push(...diffValues(before[i], after[i], p));
    }
    return changes;
  }
  if (before === undefined) return [{ path, kind: 'added', after }];
  if (after === undefined) return [{ path, kind: 'removed', before }];
  return [{ path, kind: 'changed', before, after }];
}

/** The install request exactly as sent (`CreateAutopilotAddonInstance`). */
export function installRequestBody(input: { clusterId: string; templateName: string; version: string; values: AddonValues }): InstallAddonBody {
  return {
    kind: 'Addon',
    apiVersion: 'v3',
    metadata: { annotations: { ...INSTALL_ADDON_ANNOTATIONS } },
    spec: { clusterID: input.clusterId, version: input.version, addonTemplateName: input.templateName, values: input.values },
  };
}

/** The update request exactly as sent (`UpdateAutopilotAddonInstance`): all values, the version always named. */
export function updateRequestBody(input: { clusterId: string; templateName: string; version: string; values: AddonValues }): UpdateAddonBody {
  return {
    kind: 'Addon',
    apiVersion: 'v3',
    metadata: { annotations: { ...UPDATE_ADDON_ANNOTATIONS } },
    spec: { clusterID: input.clusterId, version: input.version, addonTemplateName: input.templateName, values: input.values },
  };
}
