/**
 * `spec.values` of an install or update: defaults from the template version's `input`, and the checks
 * the service applies before it renders the chart (digest §3.5, §3.10).
 */
import {
  addonInputParameters,
  addonVersionSupportsCluster,
  compareAddonVersions,
  defaultAddonValues,
  latestAddonVersionFor,
  type AddonVersion,
} from '../../../contract/addons.ts';
import type { ClusterRecord } from '../clusters/cluster-model.ts';
import { type TemplateDefinition, type TemplateVersion } from './catalogue.ts';

type Values = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy, so stored values never alias a request or the catalogue. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The wire `Versions` object of a template version. */
export function versionObject(v: TemplateVersion, withSupport: boolean): AddonVersion {
  return {
    version: v.version,
    input: clone(v.input),
    stable: v.stable,
    translate: clone(v.translate),
    // Instances embed the version with `supportVersions: null`, as every instance example shows.
    supportVersions: withSupport ? [{ clusterType: 'VirtualMachine', clusterVersion: [...v.clusterVersions], category: ['Autopilot'] }] : null,
    creationTimestamp: v.createdAt,
    updateTimestamp: v.updatedAt,
  };
}

export function supportsCluster(v: TemplateVersion, cluster: ClusterRecord): boolean {
  return addonVersionSupportsCluster(versionObject(v, true), cluster.version);
}

/** The version an install without `spec.version` gets: "the latest version supported by the cluster". */
export function latestSupported(template: TemplateDefinition, cluster: ClusterRecord): TemplateVersion | undefined {
  const latest = latestAddonVersionFor(
    template.versions.map((v) => versionObject(v, true)),
    cluster.version,
  );
  return template.versions.find((v) => v.version === latest?.version);
}

/** `status.targetVersions`: newer stable versions the cluster supports; `null` when none, as the examples print it. */
// AMBIG (digest §3.4): which versions count is not documented; chose newer, stable and compatible
// (a preview version can still be named in an update, it is just not offered).
export function targetVersions(template: TemplateDefinition, current: string, cluster: ClusterRecord): string[] | null {
  const found = template.versions.filter((v) => v.stable && compareAddonVersions(v.version, current) > 0 && supportsCluster(v, cluster)).map((v) => v.version);
  return found.length > 0 ? found : null;
}

function flavorEntries(v: TemplateVersion): [string, Record<string, unknown>][] {
  return Object.entries(addonInputParameters(v)).filter((e): e is [string, Record<string, unknown>] => e[0] !== 'custom' && isObject(e[1]));
}

/** What a console sends for "the defaults" of a version on a cluster: `basic`, the default flavor and `custom`. */
export function defaultValues(v: TemplateVersion, cluster: ClusterRecord): Values {
  return defaultAddonValues(v, cluster.version);
}

/**
 * The values the instance runs with after an install or update: what was sent, with the template's
 * defaults where a part or a top-level key of `basic` / `custom` was not sent ("If the parameters are
 * not specified, the default values in the add-on template are used").
 */
// AMBIG (digest §3.5): whether missing keys inside `custom` take defaults is not documented; chose
// yes (one level deep), as Helm merges chart defaults under the given values. `basic.image_version` is
// set to the version installed, and `basic.platform` added, as the install response shows.
export function completeValues(sent: Values, v: TemplateVersion, cluster: ClusterRecord): Values {
  const defaults = defaultValues(v, cluster);
  const out: Values = clone(sent);
  for (const part of ['basic', 'custom'] as const) {
    const given = out[part];
    out[part] = isObject(given) ? { ...(defaults[part] as Values), ...given } : defaults[part];
  }
  if (!isObject(out.flavor) && defaults.flavor) out.flavor = defaults.flavor;
  const basic = out.basic as Values;
  if (isObject(v.input.basic) && 'image_version' in v.input.basic) basic.image_version = v.version;
  basic.platform ??= 'linux-amd64';
  delete out.systemAutoInject;
  return out;
}

const CPU = /^(\d+(\.\d+)?m?)$/;
const MEMORY = /^\d+(\.\d+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const isIp = (s: unknown) => typeof s === 'string' && (IPV4.test(s) || (s.includes(':') && /^[0-9a-fA-F:]+$/.test(s)));

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Field rules the templates' own help texts state (e.g. "A maximum of three upstream nameservers"). */
const CUSTOM_RULES: Record<string, Record<string, (value: unknown) => string | undefined>> = {
  coredns: {
    upstream_nameservers: (value) => {
      if (!Array.isArray(value)) return undefined;
      if (value.length > 3) return `at most 3 upstream nameservers can be specified, got ${value.length}.`;
      const bad = value.find((ip) => !isIp(ip));
      return bad === undefined ? undefined : `${JSON.stringify(bad)} is not an IP address.`;
    },
    stub_domains: (value) => {
      if (!isObject(value)) return undefined;
      for (const [domain, servers] of Object.entries(value)) {
        if (!Array.isArray(servers) || servers.length === 0 || !servers.every(isIp)) return `${domain} must map to a list of DNS server IP addresses.`;
      }
      return undefined;
    },
  },
  'metrics-server': {
    metric_resolution: (value) =>
      typeof value === 'string' && !/^\d+(s|m)$/.test(value) ? `${JSON.stringify(value)} is not a duration such as 30s or 1m.` : undefined,
  },
  'log-agent': {
    log_retention_days: (value) =>
      typeof value === 'number' && (!Number.isInteger(value) || value < 1 || value > 365)
        ? `must be a whole number of days from 1 to 365, got ${value}.`
        : undefined,
  },
};

/**
 * The first problem with `values` for this template version, as `path: what is wrong` (the path from
 * the request body, so a console can put it on its field), or undefined when they can be rendered.
 */
export function valuesProblem(values: Values, template: TemplateDefinition, v: TemplateVersion): string | undefined {
  const flavor = values.flavor;
  if (flavor !== undefined) {
    if (!isObject(flavor)) return 'spec.values.flavor: must be an object.';
    const names = flavorEntries(v).flatMap(([key, f]) => [key, String(f.name ?? key)]);
    // AMBIG (digest A16): `flavor.name` may be the flavor's key or its own display name; both are accepted.
    if (flavor.name === undefined || !names.includes(String(flavor.name))) {
      return `spec.values.flavor.name: ${JSON.stringify(flavor.name ?? null)} is not a flavor of ${template.name} ${v.version} (one of ${flavorEntries(v)
        .map(([k]) => k)
        .join(', ')}).`;
    }
    if (
      flavor.replicas !== undefined &&
      (typeof flavor.replicas !== 'number' || !Number.isInteger(flavor.replicas) || flavor.replicas < 1 || flavor.replicas > 50)
    ) {
      return `spec.values.flavor.replicas: must be a whole number from 1 to 50, got ${JSON.stringify(flavor.replicas)}.`;
    }
    if (flavor.resources !== undefined) {
      if (!Array.isArray(flavor.resources)) return 'spec.values.flavor.resources: must be a list.';
      for (const [i, r] of flavor.resources.entries()) {
        if (!isObject(r) || typeof r.name !== 'string') return `spec.values.flavor.resources[${i}].name: every resource needs a name.`;
        for (const k of ['limitsCpu', 'requestsCpu']) {
          const q = r[k];
          if (q !== undefined && !(typeof q === 'number' ? q > 0 : typeof q === 'string' && CPU.test(q))) {
            return `spec.values.flavor.resources[${i}].${k}: ${JSON.stringify(q)} is not a CPU quantity such as 500m or 1.`;
          }
        }
        for (const k of ['limitsMem', 'requestsMem']) {
          const q = r[k];
          if (q !== undefined && !(typeof q === 'string' && MEMORY.test(q)))
            return `spec.values.flavor.resources[${i}].${k}: ${JSON.stringify(q)} is not a memory quantity such as 512Mi or 2Gi.`;
        }
      }
    }
  }
  const custom = values.custom;
  const defaults = isObject(v.input.parameters) && isObject(v.input.parameters.custom) ? v.input.parameters.custom : {};
  if (isObject(custom)) {
    for (const [key, value] of Object.entries(custom)) {
      const expected = defaults[key];
      if (expected !== undefined && expected !== null && value !== null && kindOf(expected) !== kindOf(value)) {
        return `spec.values.custom.${key}: must be ${kindOf(expected) === 'array' ? 'a list' : kindOf(expected) === 'object' ? 'an object' : `a ${kindOf(expected)}`}, got ${kindOf(value)}.`;
      }
      const rule = CUSTOM_RULES[template.name]?.[key];
      const problem = rule?.(value);
      if (problem) return `spec.values.custom.${key}: ${problem}`;
    }
  }
  return undefined;
}
