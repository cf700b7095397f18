import { z } from 'zod';
import { clusterIdParam, openEnum, pathSegmentSchema, stringMapSchema } from './common.ts';
import { defineOperation } from './define-operation.ts';
import type { CceErrorCode } from './error-codes.ts';

// Add-on management: §4.2.1–§4.2.7 of the API reference (seed 004 L4744–L9296; digest:
// ../shared/reference/api-addons.md). The paths carry no project and no cluster: the cluster is named
// in the body (`spec.clusterID`, rollback `clusterID`) or in the `cluster_id` query, depending on the
// operation (digest §3.8). The `{clusterid}.` host prefix of the reference's §1 is "not verified or
// used by the APIs" (digest A1), so nothing here derives a cluster from the host.

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/** `status.status` of an add-on instance (all 13 documented values, in the reference's order). */
export const ADDON_INSTANCE_PHASES = [
  /** All add-on instances (pods) are running: the add-on runs properly. */
  'running',
  /** The add-on instances are abnormal and the add-on cannot be used. */
  'abnormal',
  /** The add-on is being installed. */
  'installing',
  /** Installing the add-on failed. */
  'installFailed',
  /** The add-on is being upgraded. */
  'upgrading',
  /** Upgrading the add-on failed. */
  'upgradeFailed',
  /** The add-on is being deleted. */
  'deleting',
  /** Deleting the add-on failed. */
  'deleteFailed',
  /** Deleting the add-on succeeded. */
  'deleteSuccess',
  /** Only some instances (pods) of the add-on are running: some functions are available. */
  'available',
  /** The add-on is being rolled back (sic: "rollbacking"). */
  'rollbacking',
  /** Rolling back the add-on failed. */
  'rollbackFailed',
  /** The add-on chart instance does not exist. */
  'unknown',
] as const;
export type AddonInstancePhase = (typeof ADDON_INSTANCE_PHASES)[number];

/** The reference's meaning of each status, verbatim (AddonInstanceStatus tables), shown on hover of a badge. */
export const addonPhaseMeanings: Record<AddonInstancePhase, string> = {
  running: 'All of the add-on instances are running. This specifies that the add-on runs properly.',
  abnormal: 'The add-on instances are abnormal and the add-on cannot be used.',
  installing: 'The add-on is being installed.',
  installFailed: 'Installing the add-on failed.',
  upgrading: 'The add-on is being upgraded.',
  upgradeFailed: 'Upgrading the add-on failed.',
  deleting: 'The add-on is being deleted.',
  deleteFailed: 'Deleting the add-on failed.',
  deleteSuccess: 'Deleting the add-on succeeded.',
  available: 'Only some instances of the add-on are running. This specifies that some functions of the add-on are available.',
  rollbacking: 'The add-on is being rolled back.',
  rollbackFailed: 'Rolling back the add-on failed.',
  unknown: 'The add-on chart instance does not exist.',
};

/** What the reference tells the operator to do in a failed status, verbatim. */
export const addonPhaseRemedies: Partial<Record<AddonInstancePhase, string>> = {
  installFailed: 'Uninstall the add-on and then reinstall it.',
  upgradeFailed: 'Upgrade the add-on again or uninstall the add-on and reinstall it.',
  deleteFailed: 'Uninstall the add-on again.',
  rollbackFailed: 'Roll back the add-on again or uninstall the add-on and reinstall it.',
};

/**
 * Statuses in which the instance changes on its own: a page showing one polls (OP6/OP7; the
 * reference has no job or task for add-ons). A grouping by the status names, not stated by the reference.
 */
export const TRANSITIONAL_ADDON_PHASES = ['installing', 'upgrading', 'deleting', 'rollbacking'] as const satisfies readonly AddonInstancePhase[];

/** Statuses the reference gives a remedy for ("… failed"). */
export const FAILED_ADDON_PHASES = ['installFailed', 'upgradeFailed', 'deleteFailed', 'rollbackFailed'] as const satisfies readonly AddonInstancePhase[];

/**
 * Statuses from which a rollback is allowed: "Only when status.isRollbackable is set to true, and the
 * add-on instance is in the running, available, abnormal, upgradeFailed, or rollbackFailed state".
 */
export const ROLLBACK_ALLOWED_ADDON_PHASES = [
  'running',
  'available',
  'abnormal',
  'upgradeFailed',
  'rollbackFailed',
] as const satisfies readonly AddonInstancePhase[];

/**
 * Statuses from which an update (upgrade, or new values at the same version) is accepted.
 */
// AMBIG (digest §3.2): not documented; chose the settled statuses and the two failures whose remedy is
// to upgrade or roll back again. After installFailed or deleteFailed the remedy is to uninstall.
export const UPDATE_ALLOWED_ADDON_PHASES = [
  'running',
  'available',
  'abnormal',
  'upgradeFailed',
  'rollbackFailed',
] as const satisfies readonly AddonInstancePhase[];

/** Whether an instance in this status is still moving (install, upgrade, delete or rollback in progress). */
export function isTransitionalAddonPhase(phase: string | null | undefined): boolean {
  return (TRANSITIONAL_ADDON_PHASES as readonly string[]).includes(phase ?? '');
}

/** Whether the status is one of the four documented failures. */
export function isFailedAddonPhase(phase: string | null | undefined): boolean {
  return (FAILED_ADDON_PHASES as readonly string[]).includes(phase ?? '');
}

/** `spec.type` of a template ("The value is helm or static"), also `spec.addonTemplateType` of an instance. */
export const ADDON_TEMPLATE_TYPES = [
  /** Installed as a Helm chart. */
  'helm',
  /** Installed from static manifests. */
  'static',
] as const;
export type AddonTemplateType = (typeof ADDON_TEMPLATE_TYPES)[number];

/** Annotation key of an install request; its value is fixed at `install`. */
export const ADDON_INSTALL_ANNOTATION = 'addon.install/type';
/** Annotation key of an update (upgrade) request; its value is fixed at `upgrade`. */
export const ADDON_UPGRADE_ANNOTATION = 'addon.upgrade/type';
/** The annotations an install request carries: "the value is fixed at {"addon.install/type": "install"}". */
export const INSTALL_ADDON_ANNOTATIONS = { [ADDON_INSTALL_ANNOTATION]: 'install' } as const;
/** The annotations an update request carries: "the value is fixed at {"addon.upgrade/type": "upgrade"}". */
export const UPDATE_ADDON_ANNOTATIONS = { [ADDON_UPGRADE_ANNOTATION]: 'upgrade' } as const;

/** Server-injected key of `spec.values` (cluster and project context); present in responses only. */
export const ADDON_SYSTEM_VALUES_KEY = 'systemAutoInject';

// ---------------------------------------------------------------------------------------------
// Request bodies (strict about what the reference documents)
// ---------------------------------------------------------------------------------------------

const requiredString = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} must not be empty`);

/**
 * `values`: "Add-on template installation parameters (varying depending on the add-on)". Only the
 * top level is a documented Map<String, Object>; the `basic` / `flavor` / `custom` split is what every
 * example sends, so those three are checked to be objects when present.
 */
// AMBIG (digest A20): the SDK samples pass `basic`/`flavor`/`custom` as JSON-encoded strings; chose
// objects, as every wire example and every response shows, so a string there is refused.
export const addonValuesSchema = z.looseObject({
  /** Infrastructure settings, copied from the version's `input.basic` (SWR address, cluster IP, …). */
  basic: z.record(z.string(), z.unknown(), { error: 'values.basic must be an object' }).optional(),
  /** The chosen resource profile: one flavor object of `input.parameters`, sent whole. */
  flavor: z.record(z.string(), z.unknown(), { error: 'values.flavor must be an object' }).optional(),
  /** The add-on's own parameters; defaults in `input.parameters.custom`. */
  custom: z.record(z.string(), z.unknown(), { error: 'values.custom must be an object' }).optional(),
});
export type AddonValues = z.infer<typeof addonValuesSchema>;

/** `metadata` of an install/update request: every field optional and, apart from annotations, server-owned. */
function requestMetadataSchema(annotationKey: string, annotationValue: string, operation: string) {
  const message = `metadata.annotations must be {"${annotationKey}": "${annotationValue}"} on ${operation}`;
  return z.object(
    {
      /** Unique ID; server-owned. */
      uid: z.string().optional(),
      /** Add-on name; server-owned (the template name). */
      name: z.string().optional(),
      /** Add-on alias; server-owned. */
      alias: z.string().optional(),
      /** "This is a reserved field and does not take effect." */
      labels: stringMapSchema.optional(),
      /** Fixed per operation; optional in the table. */
      // AMBIG (digest Q5, A18): "fixed at …" yet not mandatory; chose optional, and when sent it must
      // be exactly the documented map (any other key or value is refused, not silently dropped).
      annotations: z.strictObject({ [annotationKey]: z.literal(annotationValue, { error: message }) }, { error: message }).optional(),
      updateTimestamp: z.string().optional(),
      creationTimestamp: z.string().optional(),
    },
    { error: 'metadata is required (it may be {})' },
  );
}

const envelope = {
  /** "The value is fixed at Addon and cannot be changed. Any user-defined value is invalid." */
  kind: z.literal('Addon', { error: 'kind must be "Addon"' }),
  /** "The value is fixed at v3 and cannot be changed. Any user-defined value is invalid." */
  apiVersion: z.literal('v3', { error: 'apiVersion must be "v3"' }),
};

const addonValuesRequestSchema = z.looseObject(addonValuesSchema.shape, {
  error: 'values is required (the installation parameters of the add-on; may be {})',
});

/** Body of `CreateAutopilotAddonInstance` (`InstanceRequest`, Tables 4-150 … 4-152). */
export const installAddonBodySchema = z.object({
  ...envelope,
  metadata: requestMetadataSchema(ADDON_INSTALL_ANNOTATION, INSTALL_ADDON_ANNOTATIONS[ADDON_INSTALL_ANNOTATION], 'installation'),
  spec: z.object(
    {
      /** Version to install, e.g. `1.28.6`; omitted = "the latest version supported by the cluster". */
      version: z.string().min(1, 'version must not be empty (omit it to install the latest supported version)').optional(),
      /** Cluster to install into (camel-case `ID`). */
      clusterID: requiredString('spec.clusterID (cluster ID)'),
      values: addonValuesRequestSchema,
      /** Name of the template to install, e.g. `coredns`. */
      addonTemplateName: requiredString('spec.addonTemplateName (add-on template name)'),
    },
    { error: 'spec is required' },
  ),
});
export type InstallAddonBody = z.infer<typeof installAddonBodySchema>;

/**
 * Body of `UpdateAutopilotAddonInstance` (`InstanceRequest`, Tables 4-169 … 4-171): upgrade and/or
 * change parameters. `values` replaces the installation parameters as a whole: "you need to specify
 * all the installation parameters. If the parameters are not specified, the default values in the
 * add-on template are used."
 */
export const updateAddonBodySchema = z.object({
  ...envelope,
  metadata: requestMetadataSchema(ADDON_UPGRADE_ANNOTATION, UPDATE_ADDON_ANNOTATIONS[ADDON_UPGRADE_ANNOTATION], 'update'),
  spec: z.object(
    {
      /** Target version, e.g. `1.28.6` (the current one when only parameters change). */
      // AMBIG (digest Q4): the Mandatory column says No, the description says "Upgrade: This parameter
      // is mandatory. The version number must be specified."; chose mandatory on update.
      version: requiredString('spec.version (the version to upgrade to)'),
      /** Cluster the instance runs in. */
      clusterID: requiredString('spec.clusterID (cluster ID)'),
      values: addonValuesRequestSchema,
      /** Template of the instance, e.g. `coredns`. */
      addonTemplateName: requiredString('spec.addonTemplateName (add-on template name)'),
    },
    { error: 'spec is required' },
  ),
});
export type UpdateAddonBody = z.infer<typeof updateAddonBodySchema>;

/**
 * Body of `RollbackAutopilotAddonInstance` (Table 4-180): only the cluster ID, at the top level. The
 * target is always "the source version" (the version before the last upgrade).
 */
export const rollbackAddonBodySchema = z.object({
  /** Cluster the instance runs in (top level here, not under `spec`). */
  clusterID: requiredString('clusterID (cluster ID)'),
});
export type RollbackAddonBody = z.infer<typeof rollbackAddonBodySchema>;

/**
 * The `values` of an instance, ready to be sent back in an update: without the server-injected
 * `systemAutoInject` block. Everything else is kept (the update replaces all parameters).
 */
// AMBIG (digest A17, Q25): responses add `systemAutoInject`, `basic.platform` and Helm keys that no
// request carries; chose to strip only `systemAutoInject`, which is clearly server context.
export function addonValuesForUpdate(values: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(values ?? {}) };
  delete copy[ADDON_SYSTEM_VALUES_KEY];
  return copy;
}

// ---------------------------------------------------------------------------------------------
// From a version's `input` to `values` (digest §3.5, §3.10): shared by the console's form and the simulator
// ---------------------------------------------------------------------------------------------

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The part of a version's `input` a values form is built from. */
interface AddonInputSource {
  input?: Record<string, unknown> | null;
}

/** `input.parameters` of a version (`{}` when absent or not an object). */
export function addonInputParameters(version: AddonInputSource): Record<string, unknown> {
  const parameters = isPlainObject(version.input) ? version.input.parameters : undefined;
  return isPlainObject(parameters) ? parameters : {};
}

/** A flavor (resource profile) of a version: its key in `input.parameters` and the flavor object. */
export interface AddonFlavorEntry {
  key: string;
  flavor: Record<string, unknown>;
}

/**
 * The flavors an Autopilot cluster can use: every `input.parameters` entry except `custom` whose
 * `category` includes `Autopilot` (digest §3.5). A version whose flavors carry no category at all
 * offers all of them.
 */
// AMBIG (digest §3.5): the category filter is inferred from `category` and `scenarios`; a template
// that never sets it would otherwise offer nothing.
export function addonAutopilotFlavors(version: AddonInputSource): AddonFlavorEntry[] {
  const all = Object.entries(addonInputParameters(version))
    .filter((e): e is [string, Record<string, unknown>] => e[0] !== 'custom' && isPlainObject(e[1]))
    .map(([key, flavor]) => ({ key, flavor }));
  const autopilot = all.filter((f) => Array.isArray(f.flavor.category) && f.flavor.category.includes('Autopilot'));
  return autopilot.length > 0 || all.some((f) => f.flavor.category !== undefined) ? autopilot : all;
}

/** The default Autopilot flavor: the one with `is_default: true`, else the first. */
export function defaultAddonFlavor(version: AddonInputSource): AddonFlavorEntry | undefined {
  const flavors = addonAutopilotFlavors(version);
  return flavors.find((f) => f.flavor.is_default === true) ?? flavors[0];
}

const cpuQuantity = (q: unknown): unknown =>
  typeof q === 'number' ? `${Math.round(q * 1000)}m` : typeof q === 'string' && /^\d+(\.\d+)?$/.test(q) ? `${Math.round(Number(q) * 1000)}m` : q;
const memoryQuantity = (q: unknown): unknown => {
  const m = typeof q === 'string' ? /^(\d+)Gi$/.exec(q) : null;
  return m ? `${Number(m[1]) * 1024}Mi` : q;
};

/**
 * A flavor as `values.flavor`, the way the install example sends it: the flavor object whole, `name`
 * defaulting to its key, each resource with an `id` (= its name) and CPU/memory in Kubernetes notation
 * (`1` → `1000m`, `2Gi` → `2048Mi`) (digest Q16, Q17, A16).
 */
export function addonFlavorValue(entry: AddonFlavorEntry): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(entry.flavor);
  copy.name ??= entry.key;
  if (Array.isArray(copy.resources)) {
    copy.resources = copy.resources.map((r: unknown) => {
      if (!isPlainObject(r)) return r;
      const out: Record<string, unknown> = { id: r.name, ...r };
      for (const k of ['limitsCpu', 'requestsCpu']) if (k in out) out[k] = cpuQuantity(out[k]);
      for (const k of ['limitsMem', 'requestsMem']) if (k in out) out[k] = memoryQuantity(out[k]);
      return out;
    });
  }
  return copy;
}

/** `input.parameters.custom` with the overrides of the `scenarios` whose category includes Autopilot. */
export function defaultAddonCustom(version: AddonInputSource): Record<string, unknown> {
  const custom = addonInputParameters(version).custom;
  const out: Record<string, unknown> = isPlainObject(custom) ? structuredClone(custom) : {};
  const scenarios = isPlainObject(version.input) && Array.isArray(version.input.scenarios) ? version.input.scenarios : [];
  // AMBIG (digest §3.5): nothing documents `scenarios`; read as an overlay for the matching cluster category.
  for (const s of scenarios)
    if (isPlainObject(s) && Array.isArray(s.category) && s.category.includes('Autopilot') && isPlainObject(s.custom))
      Object.assign(out, structuredClone(s.custom));
  return out;
}

/** `v1.28.5-r0` → `v1.28`: the form `values.basic.cluster_version` takes in the examples. */
export function addonClusterVersion(clusterVersion: string): string {
  return /^v?\d+\.\d+/.exec(clusterVersion)?.[0] ?? clusterVersion;
}

/**
 * The values of an install with the defaults of a version on a cluster of `clusterVersion`:
 * `basic` from `input.basic` plus `cluster_version` and `rbac_enabled` (as the request examples
 * carry them, digest A15), the default Autopilot flavor, and the default `custom` parameters.
 */
export function defaultAddonValues(version: AddonInputSource, clusterVersion: string): Record<string, unknown> {
  const basic = isPlainObject(version.input) && isPlainObject(version.input.basic) ? structuredClone(version.input.basic) : {};
  const flavor = defaultAddonFlavor(version);
  return {
    basic: { ...basic, cluster_version: addonClusterVersion(clusterVersion), rbac_enabled: true },
    ...(flavor ? { flavor: addonFlavorValue(flavor) } : {}),
    custom: defaultAddonCustom(version),
  };
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Query of `ListAutopilotAddonTemplates`. */
export const listAddonTemplatesQuerySchema = z.object({
  /** "Add-on name or alias. If this parameter is not specified, all the add-ons will be obtained." */
  // AMBIG (digest A10): matching rules are not documented; [INF] exact match on name or alias.
  addon_template_name: z.string().min(1, 'addon_template_name must not be empty (omit it to list all templates)').optional(),
});
export type ListAddonTemplatesQuery = z.infer<typeof listAddonTemplatesQuerySchema>;

/** Query of `ListAutopilotAddonInstances`: the cluster is mandatory. */
export const listAddonsQuerySchema = z.object({
  /** Cluster whose add-on instances are listed. */
  cluster_id: z.string({ error: 'cluster_id (cluster ID) is required' }).pipe(clusterIdParam),
});
export type ListAddonsQuery = z.infer<typeof listAddonsQuerySchema>;

/** Query of `ShowAutopilotAddonInstance` and `DeleteAutopilotAddonInstance`. */
// AMBIG (digest A8): seed 003 (classic CCE) marks `cluster_id` "deprecated" on the GET; seed 004 does
// not. Optional as documented; the console always sends it when it knows the cluster.
export const addonClusterQuerySchema = z.object({
  /** Cluster the instance runs in. */
  cluster_id: clusterIdParam.optional(),
});
export type AddonClusterQuery = z.infer<typeof addonClusterQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Response objects (lenient)
// ---------------------------------------------------------------------------------------------

// Go services write an empty slice or map as `null`; every list and map here accepts `null`.
const looseRecord = z.record(z.string(), z.unknown());

/** `AddonMetadata` of instances and templates. */
export const addonMetadataSchema = z.looseObject({
  /** Unique ID: a UUID for an instance (its `{id}`), the name for a template. */
  uid: z.string().optional(),
  /** Add-on name, e.g. `coredns`. */
  name: z.string().optional(),
  /** Add-on alias (display name), e.g. `kube-prometheus-stack`. */
  alias: z.string().optional(),
  /** Reserved; does not take effect. */
  labels: stringMapSchema.nullish(),
  annotations: stringMapSchema.nullish(),
  updateTimestamp: z.string().optional(),
  creationTimestamp: z.string().optional(),
});
export type AddonMetadata = z.infer<typeof addonMetadataSchema>;

/** `SupportVersions`: the cluster versions a template version can be installed on. */
export const addonSupportVersionSchema = z.looseObject({
  /** Cluster type, e.g. `VirtualMachine`. */
  clusterType: z.string().optional(),
  /** Cluster versions as regular expressions, e.g. `v1.(27|28).*`. */
  clusterVersion: z.array(z.string()).nullish(),
  /** Not in the tables; the template example carries `["Autopilot"]`. */
  category: z.array(z.string()).nullish(),
});
export type AddonSupportVersion = z.infer<typeof addonSupportVersionSchema>;

/**
 * `Versions`: one version of a template, also embedded whole as an instance's `status.currentVersion`.
 * `input` (defaults: `basic`, `parameters.custom`, `parameters.<flavorKey>`, `scenarios`) and
 * `translate` (`<locale>.addon|description|key`) are free-form in the reference, and their scalars
 * mix strings and numbers (digest Q16), so they stay `unknown` inside.
 */
export const addonVersionSchema = z.looseObject({
  /** Add-on version, e.g. `1.28.6`. */
  version: z.string().optional(),
  /** Installation parameters: the defaults a values form starts from. */
  input: looseRecord.nullish(),
  /** Whether the version is a stable release. */
  stable: z.boolean().optional(),
  /** GUI strings per locale (`en_US`, `zh_CN`, …): change log, description, field labels and help. */
  translate: looseRecord.nullish(),
  /** Cluster versions that support this add-on version (`null` inside instances). */
  supportVersions: z.array(addonSupportVersionSchema).nullish(),
  creationTimestamp: z.string().optional(),
  updateTimestamp: z.string().optional(),
});
export type AddonVersion = z.infer<typeof addonVersionSchema>;

const envelopeResponse = {
  /** Fixed at `Addon` (also for both lists). */
  kind: z.string().optional(),
  /** Fixed at `v3`. */
  apiVersion: z.string().optional(),
};

/** An add-on template (`ListAutopilotAddonTemplates` items). */
export const addonTemplateSchema = z.looseObject({
  ...envelopeResponse,
  metadata: addonMetadataSchema.optional(),
  spec: z
    .looseObject({
      /** Template type: helm or static. */
      type: openEnum(ADDON_TEMPLATE_TYPES).optional(),
      /** Whether the add-on is mandatory. */
      require: z.boolean().optional(),
      /** Group the template belongs to, e.g. `CloudNativeObservability`. */
      labels: z.array(z.string()).nullish(),
      /** URL of the logo image. */
      logoURL: z.string().optional(),
      /** Add-on details and usage description. */
      readmeURL: z.string().optional(),
      description: z.string().optional(),
      /** Template version details. */
      versions: z.array(addonVersionSchema).nullish(),
    })
    .optional(),
});
export type AddonTemplate = z.infer<typeof addonTemplateSchema>;

/** Response of `ListAutopilotAddonTemplates` (`kind` is `Addon`, not a list kind). */
export const addonTemplateListSchema = z.looseObject({
  ...envelopeResponse,
  items: z.array(addonTemplateSchema).nullish(),
});
export type AddonTemplateList = z.infer<typeof addonTemplateListSchema>;

/** `spec` of an instance (`InstanceSpec`). */
export const addonInstanceSpecSchema = z.looseObject({
  /** Cluster the instance runs in. */
  clusterID: z.string().optional(),
  /** Installed template version, e.g. `1.28.6`. */
  version: z.string().optional(),
  /** Template name, e.g. `coredns`. */
  addonTemplateName: z.string().optional(),
  /** Template type (helm or static). */
  addonTemplateType: openEnum(ADDON_TEMPLATE_TYPES).optional(),
  /** URL of the template logo. */
  addonTemplateLogo: z.string().optional(),
  /** Labels (groups) of the template, e.g. `ContainerNetwork`. */
  addonTemplateLabels: z.array(z.string()).nullish(),
  /** Template description. */
  description: z.string().optional(),
  /** Current installation parameters. */
  // AMBIG (digest A2, Q12): the get and list examples return `null` here, the install, update and
  // rollback examples an object; both are read (`null` = not returned, not "no parameters").
  values: looseRecord.nullish(),
});
export type AddonInstanceSpec = z.infer<typeof addonInstanceSpecSchema>;

/** `status` of an instance (`AddonInstanceStatus`). */
export const addonInstanceStatusSchema = z.looseObject({
  status: openEnum(ADDON_INSTANCE_PHASES).optional(),
  /** Cause of an installation failure, or of the current status (e.g. "addon upgrading"); capital R as on the wire. */
  Reason: z.string().optional(),
  /** Installation error details. */
  message: z.string().optional(),
  /** Versions the instance can be upgraded to (`null` when none). */
  targetVersions: z.array(z.string()).nullish(),
  /** The installed version, with its defaults and GUI strings. */
  currentVersion: addonVersionSchema.nullish(),
  /** Whether the instance can be rolled back to the source version (absent from older responses). */
  isRollbackable: z.boolean().optional(),
  /** The version before the last upgrade or rollback. */
  previousVersion: z.string().optional(),
});
export type AddonInstanceStatus = z.infer<typeof addonInstanceStatusSchema>;

/** An add-on instance: response of install, get, update and rollback, and items of the instance list. */
export const addonInstanceSchema = z.looseObject({
  ...envelopeResponse,
  metadata: addonMetadataSchema.optional(),
  spec: addonInstanceSpecSchema.optional(),
  status: addonInstanceStatusSchema.optional(),
});
export type AddonInstance = z.infer<typeof addonInstanceSchema>;

/** Response of `ListAutopilotAddonInstances` (`kind` is `Addon`, not a list kind). No pagination. */
export const addonInstanceListSchema = z.looseObject({
  ...envelopeResponse,
  items: z.array(addonInstanceSchema).nullish(),
});
export type AddonInstanceList = z.infer<typeof addonInstanceListSchema>;

/**
 * Response of `DeleteAutopilotAddonInstance`: the bare string `success` (Table 4-190: "- | String").
 */
// AMBIG (digest A7): printed unquoted; chose a JSON string (`"success"`); a plain-text body reads as the same string.
export const deleteAddonResponseSchema = z.string();

/** Whether the console may offer a rollback: the two conditions of the reference's rollback text. */
export function canRollbackAddon(instance: AddonInstance): boolean {
  const status = instance.status;
  return status?.isRollbackable === true && (ROLLBACK_ALLOWED_ADDON_PHASES as readonly string[]).includes(status.status ?? '');
}

/**
 * Whether a template version supports a cluster version such as `v1.28` or `v1.28.5-r0`: one of its
 * `supportVersions[].clusterVersion` patterns matches. A version without `supportVersions` is taken as
 * unrestricted.
 */
// AMBIG (digest A13): the patterns (`v1.(27|28).*`) are printed unanchored with an unescaped `.`;
// chose to anchor them at both ends and use them as written. A pattern that is not a valid regular
// expression matches nothing.
export function addonVersionSupportsCluster(version: AddonVersion, clusterVersion: string): boolean {
  const supports = version.supportVersions;
  if (!supports || supports.length === 0) return true;
  return supports.some((s) =>
    (s.clusterVersion ?? []).some((pattern) => {
      try {
        return new RegExp(`^(?:${pattern})$`).test(clusterVersion);
      } catch {
        return false;
      }
    }),
  );
}

/** Numeric order of dotted add-on versions (`1.28.10` after `1.28.6`); the reference defines no ordering (digest A14). */
export function compareAddonVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The versions that support a cluster version, newest first. */
export function addonVersionsForCluster<V extends AddonVersion>(versions: readonly V[], clusterVersion: string): V[] {
  return versions
    .filter((v) => v.version !== undefined && addonVersionSupportsCluster(v, clusterVersion))
    .sort((a, b) => compareAddonVersions(b.version!, a.version!));
}

/**
 * "The latest version supported by the cluster" (what an install without a version gets).
 */
// AMBIG (digest A14): "latest" is not defined; chose the highest version among the compatible stable
// ones, or among all compatible ones when none is stable.
export function latestAddonVersionFor<V extends AddonVersion>(versions: readonly V[], clusterVersion: string): V | undefined {
  const compatible = addonVersionsForCluster(versions, clusterVersion);
  return compatible.find((v) => v.stable !== false) ?? compatible[0];
}

// ---------------------------------------------------------------------------------------------
// Error codes the simulator uses for these operations
// ---------------------------------------------------------------------------------------------

/**
 * The `CCE.03…` codes of the reference's table for the situations of these operations. The reference
 * maps no code to an operation; this is the mapping the simulator applies (digest §1.6, A4, A12).
 */
export const addonErrorCodes = {
  /** Malformed or invalid body or query. */
  invalidRequest: 'CCE.03400001',
  unauthorized: 'CCE.03401001',
  forbidden: 'CCE.03403001',
  /** Unknown instance, or an instance of another cluster than `cluster_id` / `clusterID`. */
  notFound: 'CCE.03404001',
  /** The template is already installed in the cluster: "Addon instance has installed." */
  alreadyInstalled: 'CCE.03409001',
  /** The instance is busy (installing, upgrading, deleting, rolling back) or its cluster is changing. */
  // AMBIG (digest A12): the reference names no code for a change while another is in flight; chose
  // the documented "Resource locked by other requests.". A rollback that is not possible (not
  // rollbackable, or a status that does not allow it) is an invalid request (`invalidRequest`).
  locked: 'CCE.01429002',
  /** Too many requests. */
  throttled: 'CCE.02429001',
  internalError: 'CCE.03500001',
} as const satisfies Record<string, CceErrorCode>;

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/** Add-on instance ID; the instance's `metadata.uid` (digest A6). */
const addonIdParam = pathSegmentSchema.describe('Add-on instance ID');
const addonParams = z.object({ id: addonIdParam });

/** Answers 201 with the new instance in status `installing`; a duplicate install is 409 `CCE.03409001`. */
export const installAddon = defineOperation({
  id: 'CreateAutopilotAddonInstance',
  title: 'Installing an Add-on Instance',
  resource: 'addons',
  method: 'POST',
  path: '/autopilot/v3/addons',
  params: z.object({}),
  query: null,
  body: { kind: 'json', schema: installAddonBodySchema },
  response: addonInstanceSchema,
  successStatus: 201,
});

/** No cluster parameter: filtering templates by cluster version is the caller's (`addonVersionSupportsCluster`). */
export const listAddonTemplates = defineOperation({
  id: 'ListAutopilotAddonTemplates',
  title: 'Listing Add-on Templates',
  resource: 'addons',
  method: 'GET',
  path: '/autopilot/v3/addontemplates',
  params: z.object({}),
  query: listAddonTemplatesQuerySchema,
  body: null,
  response: addonTemplateListSchema,
  successStatus: 200,
});

/** Upgrade and/or new parameters; answers 200 with the instance in status `upgrading`. */
export const updateAddon = defineOperation({
  id: 'UpdateAutopilotAddonInstance',
  title: 'Updating an Add-on Instance',
  resource: 'addons',
  method: 'PUT',
  path: '/autopilot/v3/addons/{id}',
  params: addonParams,
  query: null,
  body: { kind: 'json', schema: updateAddonBodySchema },
  response: addonInstanceSchema,
  successStatus: 200,
});

/** Back to the source version; answers 200 with the instance in status `rollbacking`. */
export const rollbackAddon = defineOperation({
  id: 'RollbackAutopilotAddonInstance',
  title: 'Rolling Back an Add-on Instance',
  resource: 'addons',
  method: 'POST',
  path: '/autopilot/v3/addons/{id}/operation/rollback',
  params: addonParams,
  query: null,
  body: { kind: 'json', schema: rollbackAddonBodySchema },
  response: addonInstanceSchema,
  successStatus: 200,
});

/** Answers 200 (not 204) with the string `success`; the instance then goes through `deleting`. */
export const deleteAddon = defineOperation({
  id: 'DeleteAutopilotAddonInstance',
  title: 'Deleting an Add-on Instance',
  resource: 'addons',
  method: 'DELETE',
  path: '/autopilot/v3/addons/{id}',
  params: addonParams,
  query: addonClusterQuerySchema,
  body: null,
  response: deleteAddonResponseSchema,
  successStatus: 200,
});

export const showAddon = defineOperation({
  id: 'ShowAutopilotAddonInstance',
  title: 'Obtaining an Add-on Instance',
  resource: 'addons',
  method: 'GET',
  path: '/autopilot/v3/addons/{id}',
  params: addonParams,
  query: addonClusterQuerySchema,
  body: null,
  response: addonInstanceSchema,
  successStatus: 200,
});

export const listAddons = defineOperation({
  id: 'ListAutopilotAddonInstances',
  title: 'Listing Add-on Instances',
  resource: 'addons',
  method: 'GET',
  path: '/autopilot/v3/addons',
  params: z.object({}),
  query: listAddonsQuerySchema,
  body: null,
  response: addonInstanceListSchema,
  successStatus: 200,
});

/** The seven add-on operations, in the reference's order (§4.2.1–§4.2.7). */
export const addonOperations = {
  installAddon,
  listAddonTemplates,
  updateAddon,
  rollbackAddon,
  deleteAddon,
  showAddon,
  listAddons,
} as const;
