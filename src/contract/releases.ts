import { z } from 'zod';
import { opaqueDeleteResponseSchema, parseValuesField, type ParsedValues } from './charts.ts';
import { clusterIdParam, openEnum, pathSegmentSchema } from './common.ts';
import { defineOperation } from './define-operation.ts';

// Release management (charts installed in a cluster): §4.6.3, §4.6.4, §4.6.7, §4.6.9, §4.6.10 and
// §4.6.13 of the API reference (seed 004 L16359–L19271; standalone pages 000–002; digest:
// ../shared/reference/api-charts.md). Paths carry the cluster but no project
// (`/autopilot/cam/v3/clusters/{cluster_id}/…`), and single-release paths use the singular literal
// `namespace` (`/namespace/{namespace}/releases/{name}`, digest Q22), not Kubernetes' `namespaces`.

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/** `status` of a release (all 8 documented values, in the reference's order). */
export const RELEASE_STATUSES = [
  /** The release is normal. */
  'DEPLOYED',
  /** The release has been deleted. */
  'DELETED',
  /** The release fails to be deployed. */
  'FAILED',
  /** The release is being deleted. */
  'DELETING',
  /** The release is waiting to be installed. */
  'PENDING_INSTALL',
  /** The release is waiting to be upgraded. */
  'PENDING_UPGRADE',
  /** The release is waiting for rollback. */
  'PENDING_ROLLBACK',
  /** The release status is unknown, indicating that the release is abnormal. */
  'UNKNOWN',
] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** The reference's meaning of each status, verbatim (ReleaseResp tables), shown on hover of a badge. */
export const releaseStatusMeanings: Record<ReleaseStatus, string> = {
  DEPLOYED: 'The release is normal.',
  DELETED: 'The release has been deleted.',
  FAILED: 'The release fails to be deployed.',
  DELETING: 'The release is being deleted.',
  PENDING_INSTALL: 'The release is waiting to be installed.',
  PENDING_UPGRADE: 'The release is waiting to be upgraded.',
  PENDING_ROLLBACK: 'The release is waiting for rollback.',
  UNKNOWN: 'The release status is unknown, indicating that the release is abnormal.',
};

/** What the reference tells the operator to do in a status, verbatim. */
export const releaseStatusRemedies: Partial<Record<ReleaseStatus, string>> = {
  UNKNOWN: 'You can manually delete the release and reinstall it.',
};

/**
 * Statuses in which the release changes on its own: a page showing one polls until it settles, and
 * upgrade, rollback and delete wait. A grouping by the status names (digest §4.1), not stated by the
 * reference, which documents no transitions and no polling interval.
 */
export const TRANSITIONAL_RELEASE_STATUSES = ['PENDING_INSTALL', 'PENDING_UPGRADE', 'PENDING_ROLLBACK', 'DELETING'] as const satisfies readonly ReleaseStatus[];

/** Statuses the reference describes as failed or abnormal. */
export const FAILED_RELEASE_STATUSES = ['FAILED', 'UNKNOWN'] as const satisfies readonly ReleaseStatus[];

export function isTransitionalReleaseStatus(status: string | undefined): boolean {
  return (TRANSITIONAL_RELEASE_STATUSES as readonly string[]).includes(status ?? '');
}

export function isFailedReleaseStatus(status: string | undefined): boolean {
  return (FAILED_RELEASE_STATUSES as readonly string[]).includes(status ?? '');
}

/** `action` of `UpdateAutopilotRelease`: one endpoint upgrades or rolls back. */
export const RELEASE_ACTIONS = [
  /** Upgrade: deploy `chart_id` with the new `values`. */
  'upgrade',
  /** Roll back to the revision `parameters.release_version`. */
  'rollback',
] as const;
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

export const releaseActionMeanings: Record<ReleaseAction, string> = {
  upgrade: 'Upgrade the release to the chart and values given.',
  rollback: 'Roll the release back to an earlier revision (parameters.release_version).',
};

// ---------------------------------------------------------------------------------------------
// Request field rules
// ---------------------------------------------------------------------------------------------

export const RELEASE_NAME_MAX_LENGTH = 53;
export const NAMESPACE_MAX_LENGTH = 63;

// AMBIG (digest A16): the reference documents no rule for a release name or a namespace. Chose the
// rules the server cannot do without: a release is a Helm release (name at most 53 characters, a
// DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or
// digit) and a namespace is a Kubernetes namespace (a DNS-1123 label of at most 63 characters). A name
// breaking them would fail on the server anyway; the console says why before sending.

/** Release name on creation: Helm's rule, one message per broken part so a form says which one failed. */
export const releaseNameSchema = z
  .string({ error: 'Release name is required' })
  .min(1, 'Release name is required')
  .max(RELEASE_NAME_MAX_LENGTH, `Release name must be at most ${RELEASE_NAME_MAX_LENGTH} characters`)
  .regex(/^[a-z0-9.-]*$/, 'Release name may contain only lowercase letters, digits, hyphens (-) and dots (.)')
  // The checks below only look at '-' and '.', so that a name with a bad character gets one message.
  .refine((s) => !/^[-.]/.test(s), 'Release name must start with a lowercase letter or a digit')
  .refine((s) => !/[-.]$/.test(s), 'Release name must end with a lowercase letter or a digit')
  .refine((s) => /^[-.]|[-.]$/.test(s) || s.split('.').every((part) => part !== '' && !part.startsWith('-') && !part.endsWith('-')), {
    message: 'Each dot-separated part of the release name must start and end with a lowercase letter or a digit',
  });

/** Namespace of a release: a Kubernetes namespace name (DNS-1123 label). */
export const namespaceSchema = z
  .string({ error: 'Namespace is required' })
  .min(1, 'Namespace is required')
  .max(NAMESPACE_MAX_LENGTH, `Namespace must be at most ${NAMESPACE_MAX_LENGTH} characters`)
  .regex(/^[a-z0-9-]*$/, 'Namespace may contain only lowercase letters, digits and hyphens (-)')
  .refine((s) => !s.startsWith('-'), 'Namespace must start with a lowercase letter or a digit')
  .refine((s) => !s.endsWith('-'), 'Namespace must end with a lowercase letter or a digit');

const chartIdField = z.string({ error: 'chart_id (the chart to deploy) is required' }).min(1, 'chart_id must not be empty');

/**
 * `parameters` of create and update (`ReleaseReqBodyParams`, Tables 4-396, 4-409): Helm-like flags.
 * Every field is optional and no default is documented.
 */
export const releaseParametersSchema = z.object({
  /** Only verify the chart parameters; do not install (the response of a dry run is undocumented, digest A10). */
  dry_run: z.boolean({ error: 'dry_run must be true or false' }).optional(),
  /** Release name template (how it interacts with `name` is undocumented, digest Q19). */
  name_template: z.string().optional(),
  /** Disable hooks during installation. */
  no_hooks: z.boolean({ error: 'no_hooks must be true or false' }).optional(),
  /** Replace the release with the same name. */
  replace: z.boolean({ error: 'replace must be true or false' }).optional(),
  /** Rebuild the release. */
  recreate: z.boolean({ error: 'recreate must be true or false' }).optional(),
  /** Reset values during an update. */
  reset_values: z.boolean({ error: 'reset_values must be true or false' }).optional(),
  /** Revision to roll back to (a history entry's `version`). */
  // AMBIG (digest §2.3): "Integer" with no range; chose a whole number ≥ 1 since revisions count from 1
  // (every example shows revision 1).
  release_version: z
    .number({ error: 'release_version must be a revision number' })
    .int('release_version must be a whole number')
    .min(1, 'release_version must be at least 1')
    .optional(),
  /** Enable hooks during an update or deletion. */
  include_hooks: z.boolean({ error: 'include_hooks must be true or false' }).optional(),
});
export type ReleaseParameters = z.infer<typeof releaseParametersSchema>;

/**
 * `values` of create and update: the chart's value overrides, a JSON object whose shape depends on the
 * chart. Only `imagePullPolicy` and `imageTag` are documented (digest §2.4, Q14); every other key is
 * kept and sent as is.
 */
export const releaseValuesSchema = z.looseObject(
  {
    /** Image pull policy. */
    imagePullPolicy: z.string({ error: 'values.imagePullPolicy must be a string' }).optional(),
    /** Image tag. */
    imageTag: z.string({ error: 'values.imageTag must be a string' }).optional(),
  },
  { error: 'values must be a JSON object of chart values (use {} for the chart defaults)' },
);
export type ReleaseValues = z.infer<typeof releaseValuesSchema>;

// ---------------------------------------------------------------------------------------------
// Create / update bodies
// ---------------------------------------------------------------------------------------------

/** Body of `CreateAutopilotRelease` (Table 4-395). */
// AMBIG (digest Q15): both copies of the example also send `project_id` and `cluster_id`, which the
// table does not list (`cluster_id` is in the path); accepted and not required.
export const createReleaseBodySchema = z.object({
  /** The chart (one uploaded package) to install. */
  chart_id: chartIdField,
  /** Release description. */
  description: z.string().optional(),
  name: releaseNameSchema,
  /** Namespace the release is installed in; [INF] it must already exist (this API does not create it). */
  namespace: namespaceSchema,
  /** "Release version": the example sends the chart's version (`3.0.1`). */
  // AMBIG (digest Q13, A7): chose "the chart version" (the example's reading); the console sends the
  // selected chart's `version`. Only non-emptiness is checked.
  version: z.string({ error: 'version (the chart version) is required' }).min(1, 'version (the chart version) must not be empty'),
  parameters: releaseParametersSchema.optional(),
  values: releaseValuesSchema,
  /** Sent by the reference's example, not in the table (AMBIG, digest Q15): accepted, not required. */
  project_id: z.string().optional(),
  cluster_id: z.string().optional(),
});
export type CreateReleaseBody = z.infer<typeof createReleaseBodySchema>;

/**
 * Body of `UpdateAutopilotRelease` (Table 4-408): all four fields are mandatory, `parameters` too (use
 * `{}`), for a rollback as well as an upgrade.
 */
// AMBIG (digest A8): for a rollback the reference still requires `chart_id` and `values` without
// saying which; and `parameters.release_version` is optional although it names the target revision.
// Chose to require only what the table requires; the console's rollback form always sends the
// revision, the release's current chart ID and the target revision's values.
export const updateReleaseBodySchema = z.object({
  chart_id: chartIdField,
  action: z.enum(RELEASE_ACTIONS, { error: 'action must be "upgrade" or "rollback"' }),
  parameters: z.object(releaseParametersSchema.shape, { error: 'parameters is required (send {} for none)' }),
  values: releaseValuesSchema,
});
export type UpdateReleaseBody = z.infer<typeof updateReleaseBodySchema>;

/** Query of `ListAutopilotReleases`: both filters optional. */
export const listReleasesQuerySchema = z.object({
  /** Only releases of this chart. */
  chart_id: z.string().min(1, 'chart_id must not be empty').optional(),
  /** Only releases in this namespace. */
  namespace: namespaceSchema.optional(),
});
export type ListReleasesQuery = z.infer<typeof listReleasesQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Release object (responses: lenient)
// ---------------------------------------------------------------------------------------------

/** `ReleaseResp` (Tables 4-392, 4-398, 4-411, 4-420, 4-430). There is no `chart_id` (digest §2.2). */
export const releaseSchema = z.looseObject({
  name: z.string().optional(),
  /** Namespace the release belongs to. */
  namespace: z.string().optional(),
  chart_name: z.string().optional(),
  /** Whether the release's chart is public. */
  chart_public: z.boolean().optional(),
  /** Version of the deployed chart, e.g. `1.0.0`. */
  chart_version: z.string().optional(),
  cluster_id: z.string().optional(),
  /** Name of the cluster ("Current name"). */
  cluster_name: z.string().optional(),
  /** Creation time, RFC 3339 with offset in the examples (`2023-11-14T20:30:57+08:00`). */
  create_at: z.string().optional(),
  /** Last update time, same format as `create_at`. */
  update_at: z.string().optional(),
  /** Release description (the examples show Helm's own, equal to `status_description`, digest Q12). */
  description: z.string().nullish(),
  /** Release parameters (always `""` in the examples; format undocumented). */
  parameters: z.string().nullish(),
  /** Resources required by the release (always `""` in the examples; format undocumented). */
  resources: z.string().nullish(),
  status: openEnum(RELEASE_STATUSES).optional(),
  /** Why the release is in its status, e.g. `Initial install underway`. */
  status_description: z.string().nullish(),
  /** Release values: a JSON-encoded string in the examples (secrets masked as `*****`); read with `releaseValuesOf`. */
  // AMBIG (digest Q9, A6): the list example carries an array; string, object and array are accepted.
  values: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
  /** Revision number of the release (1 after installation). Not the chart version. */
  version: z.number().optional(),
});
export type Release = z.infer<typeof releaseSchema>;

// AMBIG (digest Q8, A13): the tables type the list and the history as `Array<Array<ReleaseResp>>`; the
// examples and the SDK are flat arrays. Both are read, and a nested list is flattened.
const releaseArraySchema = z
  .array(z.union([releaseSchema, z.array(releaseSchema)]))
  .nullish()
  .transform((items): Release[] => (items ?? []).flat());

/** Response of `ListAutopilotReleases`: a top-level array of releases, unpaginated. */
export const releaseListSchema = releaseArraySchema;
export type ReleaseList = z.infer<typeof releaseListSchema>;

/** Response of `ShowAutopilotReleaseHistory`: one release record per revision, order undocumented. */
export const releaseHistorySchema = releaseArraySchema;
export type ReleaseHistory = z.infer<typeof releaseHistorySchema>;

/** The release's values as an object when they parse as one (see `parseValuesField`). */
export function releaseValuesOf(release: Pick<Release, 'values'>): ParsedValues {
  return parseValuesField(release.values);
}

/** History newest revision first (the reference does not document the order, digest A12). */
export function sortReleaseHistory(history: readonly Release[]): Release[] {
  return [...history].sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
}

/**
 * Masked secrets in release values (`*****`, `******`): sending fetched values back unchanged could
 * overwrite real secrets with the mask (digest §4.3). True when a string value is only asterisks.
 */
export function hasMaskedValues(values: unknown): boolean {
  if (typeof values === 'string') return /^\*{3,}$/.test(values);
  if (Array.isArray(values)) return values.some(hasMaskedValues);
  if (values !== null && typeof values === 'object') return Object.values(values).some(hasMaskedValues);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/** Release name in a path: any safe segment, so that a release whatever its name can be shown and deleted. */
const releaseNameParam = pathSegmentSchema.describe('Release name');
/** Namespace in a path: a safe segment that is also a Kubernetes namespace name. */
const namespaceParam = pathSegmentSchema
  .max(NAMESPACE_MAX_LENGTH, `Namespace must be at most ${NAMESPACE_MAX_LENGTH} characters`)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Namespace must be a Kubernetes namespace name (lowercase letters, digits, hyphens)')
  .describe('Namespace');

const clusterParams = z.object({ cluster_id: clusterIdParam });
const releaseParams = z.object({ cluster_id: clusterIdParam, namespace: namespaceParam, name: releaseNameParam });

export const listReleases = defineOperation({
  id: 'ListAutopilotReleases',
  title: 'Obtaining a Release List',
  resource: 'releases',
  method: 'GET',
  path: '/autopilot/cam/v3/clusters/{cluster_id}/releases',
  params: clusterParams,
  query: listReleasesQuerySchema,
  body: null,
  response: releaseListSchema,
  successStatus: 200,
});

/** Answers 201 with the release, [INF] in `PENDING_INSTALL` (poll until it settles). */
export const createRelease = defineOperation({
  id: 'CreateAutopilotRelease',
  title: 'Creating a Release',
  resource: 'releases',
  method: 'POST',
  path: '/autopilot/cam/v3/clusters/{cluster_id}/releases',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: createReleaseBodySchema },
  response: releaseSchema,
  successStatus: 201,
});

export const showRelease = defineOperation({
  id: 'ShowAutopilotRelease',
  title: 'Obtaining a Release',
  resource: 'releases',
  method: 'GET',
  path: '/autopilot/cam/v3/clusters/{cluster_id}/namespace/{namespace}/releases/{name}',
  params: releaseParams,
  query: null,
  body: null,
  response: releaseSchema,
  successStatus: 200,
});

/** Upgrade or rollback (`action`); 200 with the release. */
export const updateRelease = defineOperation({
  id: 'UpdateAutopilotRelease',
  title: 'Updating a Release',
  resource: 'releases',
  method: 'PUT',
  path: '/autopilot/cam/v3/clusters/{cluster_id}/namespace/{namespace}/releases/{name}',
  params: releaseParams,
  query: null,
  body: { kind: 'json', schema: updateReleaseBodySchema },
  response: releaseSchema,
  successStatus: 200,
});

/** 200 with an opaque string body (not 204); no options (hooks, purge) are documented. */
export const deleteRelease = defineOperation({
  id: 'DeleteAutopilotRelease',
  title: 'Deleting a Release',
  resource: 'releases',
  method: 'DELETE',
  path: '/autopilot/cam/v3/clusters/{cluster_id}/namespace/{namespace}/releases/{name}',
  params: releaseParams,
  query: null,
  body: null,
  response: opaqueDeleteResponseSchema,
  successStatus: 200,
});

export const showReleaseHistory = defineOperation({
  id: 'ShowAutopilotReleaseHistory',
  title: 'Obtaining Historical Records of a Release',
  resource: 'releases',
  method: 'GET',
  path: '/autopilot/cam/v3/clusters/{cluster_id}/namespace/{namespace}/releases/{name}/history',
  params: releaseParams,
  query: null,
  body: null,
  response: releaseHistorySchema,
  successStatus: 200,
});

export const releaseOperations = {
  listReleases,
  createRelease,
  showRelease,
  updateRelease,
  deleteRelease,
  showReleaseHistory,
} as const;

/**
 * Values an upgrade leaves the release with. `reset_values: true` keeps only the values sent; otherwise
 * the values sent are merged over the deployed ones, maps key by key and everything else replaced, the
 * way Helm's `--reuse-values` merges. A key set to `null` is removed, as in Helm.
 */
// AMBIG (digest §2.3, §4.2): `reset_values` is "Whether to reset values during an update" and nothing
// else is documented; chose reset = only the new values, not reset = Helm's reuse-values merge.
export function upgradedReleaseValues(deployed: Record<string, unknown>, sent: Record<string, unknown>, resetValues: boolean): Record<string, unknown> {
  return resetValues ? mergeValues({}, sent) : mergeValues(deployed, sent);
}

function mergeValues(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete out[key];
    else if (isValuesMap(value) && isValuesMap(out[key])) out[key] = mergeValues(out[key], value);
    else if (isValuesMap(value)) out[key] = mergeValues({}, value);
    else out[key] = value;
  }
  return out;
}

function isValuesMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
