import { z } from 'zod';
import {
  clusterIdParam,
  closedEnum,
  itemsList,
  openEnum,
  optionalList,
  pathSegmentSchema,
  projectIdParam,
  resourceTagSchema,
  stringMapSchema,
} from './common.ts';
import { defineOperation } from './define-operation.ts';
import type { CceErrorCode } from './error-codes.ts';
import { jobSchema } from './jobs.ts';
import { certDurationBodySchema, kubeconfigSchema, PORT_ID_HEADER } from './kubeconfig.ts';
import { quotasSchema } from './quotas.ts';
import { resourceTagListSchema, tagsCreateBodySchema, tagsDeleteBodySchema } from './tags.ts';

// Cluster management, jobs, API-server EIP, access address, quotas and tags: §4.1.1–§4.1.9, §4.4.1,
// §4.5.1–§4.5.2 of the API reference (digest: ../shared/reference/api-clusters.md).

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

/** `status.phase` of a cluster, and the `status` filter of the cluster list (all 19 documented values). */
export const CLUSTER_PHASES = [
  /** The cluster is running properly. */
  'Available',
  /** The cluster is exhibiting unexpected behavior and needs to be manually deleted. */
  'Unavailable',
  /** Nodes are being added to the cluster. */
  'ScalingUp',
  /** The cluster is being downsized to fewer nodes. */
  'ScalingDown',
  /** The cluster is being created. */
  'Creating',
  /** The cluster is being deleted. */
  'Deleting',
  /** The cluster is being upgraded. */
  'Upgrading',
  /** Cluster specifications are being changed. */
  'Resizing',
  /** Cluster specification changing is abnormal. */
  'ResizeFailed',
  /** The cluster is being rolled back. */
  'RollingBack',
  /** The cluster rollback is abnormal. */
  'RollbackFailed',
  /** The cluster is being hibernated. */
  'Hibernating',
  /** The cluster is in hibernation. */
  'Hibernation',
  /** The cluster is being frozen. */
  'Freezing',
  /** The cluster has been frozen. */
  'Frozen',
  /** The cluster is being unfrozen (note the capital F). */
  'UnFreezing',
  /** The cluster is being woken up from hibernation. */
  'Awaking',
  /** The cluster does not have any resources. This field is discarded. */
  'Empty',
  /** Resources in the cluster are abnormal. You can manually delete the cluster. */
  'Error',
] as const;
export type ClusterPhase = (typeof CLUSTER_PHASES)[number];

/** The reference's meaning of each phase, verbatim (Table 4-16), shown on hover of a status badge. */
export const clusterPhaseMeanings: Record<ClusterPhase, string> = {
  Available: 'The cluster is running properly.',
  Unavailable: 'The cluster is exhibiting unexpected behavior and needs to be manually deleted.',
  ScalingUp: 'Nodes are being added to the cluster.',
  ScalingDown: 'The cluster is being downsized to fewer nodes.',
  Creating: 'The cluster is being created.',
  Deleting: 'The cluster is being deleted.',
  Upgrading: 'The cluster is being upgraded.',
  Resizing: 'Cluster specifications are being changed.',
  ResizeFailed: 'Cluster specification changing is abnormal.',
  RollingBack: 'The cluster is being rolled back.',
  RollbackFailed: 'The cluster rollback is abnormal.',
  Hibernating: 'The cluster is being hibernated.',
  Hibernation: 'The cluster is in hibernation.',
  Freezing: 'The cluster is being frozen.',
  Frozen: 'The cluster has been frozen.',
  UnFreezing: 'The cluster is being unfrozen.',
  Awaking: 'The cluster is being woken up from hibernation.',
  Empty: 'The cluster does not have any resources. This field is discarded.',
  Error: 'Resources in the cluster are abnormal. You can manually delete the cluster.',
};

/**
 * Phases in which the cluster is moving on its own: a page showing one polls until it settles.
 * (A grouping by the phase names, not stated by the reference.)
 */
export const TRANSITIONAL_CLUSTER_PHASES = [
  'ScalingUp',
  'ScalingDown',
  'Creating',
  'Deleting',
  'Upgrading',
  'Resizing',
  'RollingBack',
  'Hibernating',
  'Freezing',
  'UnFreezing',
  'Awaking',
] as const satisfies readonly ClusterPhase[];

/** Phases the reference describes as abnormal ("needs to be manually deleted", "is abnormal"). */
export const FAILED_CLUSTER_PHASES = ['Unavailable', 'ResizeFailed', 'RollbackFailed', 'Error'] as const satisfies readonly ClusterPhase[];

export function isTransitionalClusterPhase(phase: string | undefined): boolean {
  return (TRANSITIONAL_CLUSTER_PHASES as readonly string[]).includes(phase ?? '');
}

/** `spec.category`: "Only Turbo is supported." */
export const CLUSTER_CATEGORIES = ['Turbo'] as const;
/** `spec.type`: master node architecture; `VirtualMachine` = the master node is an x86 server. */
export const CLUSTER_TYPES = ['VirtualMachine'] as const;
/** `spec.flavor`: the only cluster specification. */
export const CLUSTER_FLAVORS = ['cce.autopilot.cluster'] as const;
/** `spec.containerNetwork.mode`: `eni` = Cloud Native 2.0 network. */
// AMBIG (digest §9 item 5): the table prints the option as `eni*`; every example sends `eni`, so `eni`.
export const CONTAINER_NETWORK_MODES = ['eni'] as const;
/** `spec.kubeProxyMode`: service forwarding mode; iptables is the default and only documented value. */
export const KUBE_PROXY_MODES = ['iptables'] as const;
/** `spec.billingMode`: 0 = pay-per-use (the default and only value). */
export const BILLING_MODES = [0] as const;
/** `status.endpoints[].type`: internal or external network access address of kube-apiserver. */
export const CLUSTER_ENDPOINT_TYPES = ['Internal', 'External'] as const;

/** Default service CIDR when neither `serviceNetwork.IPv4CIDR` nor `kubernetesSvcIpRange` is given. */
export const DEFAULT_SERVICE_CIDR = '10.247.0.0/16';

/**
 * Annotation key, on cluster creation, whose value is a JSON-encoded array of add-ons to install
 * (`[{"addonTemplateName": "coredns", "values": {…}}, …]`).
 */
export const CLUSTER_INSTALL_ADDONS_ANNOTATION = 'cluster.install.addons/install';

// ---------------------------------------------------------------------------------------------
// Request field rules
// ---------------------------------------------------------------------------------------------

export const CLUSTER_NAME_MIN_LENGTH = 4;
export const CLUSTER_NAME_MAX_LENGTH = 128;
export const CLUSTER_DESCRIPTION_MAX_LENGTH = 200;
/**
 * Versions a new Autopilot cluster can be created with. The reference has no API listing them; its
 * examples create v1.27 and v1.28 clusters, and v1.25 appears only as an upgrade source.
 */
// AMBIG (digest §9): no operation lists creatable versions; chose the two the examples create, newest
// first. The simulator answers CCE.01400015 for any other, as the service does.
export const CREATABLE_KUBERNETES_VERSIONS = ['v1.28', 'v1.27'] as const;

/** Kubernetes versions as the reference writes them: `v1.28`, `v1.27.3-r0`. */
export const KUBERNETES_VERSION_PATTERN = /^v\d+\.\d+(?:\.\d+)?(?:-r\d+)?$/;

/**
 * "Enter 4 to 128 characters starting with a lowercase letter and not ending with a hyphen (-). Only
 * lowercase letters, digits, and hyphens (-) are allowed." Each rule has its own message so that a
 * form tells the operator which one failed.
 */
function dnsLikeName(what: string) {
  return z
    .string({ error: `${what} is required` })
    .min(CLUSTER_NAME_MIN_LENGTH, `${what} must be ${CLUSTER_NAME_MIN_LENGTH} to ${CLUSTER_NAME_MAX_LENGTH} characters`)
    .max(CLUSTER_NAME_MAX_LENGTH, `${what} must be ${CLUSTER_NAME_MIN_LENGTH} to ${CLUSTER_NAME_MAX_LENGTH} characters`)
    .regex(/^[a-z]/, `${what} must start with a lowercase letter`)
    .regex(/^[a-z0-9-]*$/, `${what} may contain only lowercase letters, digits and hyphens (-)`)
    .refine((s) => !s.endsWith('-'), `${what} must not end with a hyphen (-)`);
}

/** Cluster name (`metadata.name`). */
export const clusterNameSchema = dnsLikeName('Cluster name');

/**
 * Cluster alias (`metadata.alias`): same rules as the name, unique. Blank means "same as the name" on
 * creation and "unchanged" on update, so the empty string is accepted.
 */
export const clusterAliasSchema = z.union([z.literal(''), dnsLikeName('Cluster alias')]);

// AMBIG (digest §9 item 3): the update table prints the forbidden set as ~\$%^&*<>[]{}()'"#\` — the
// `\` before `$` is an escape of the PDF-to-text conversion, and the trailing `\` followed by a backtick
// reads as a backslash closing a code span. Chose to forbid ~ $ % ^ & * < > [ ] { } ( ) ' " # and the
// backslash, and to allow the backtick, which the reference never clearly lists.
const DESCRIPTION_FORBIDDEN = /[~$%^&*<>[\]{}()'"#\\]/;

/** Cluster description: 0–200 characters without ~ $ % ^ & * < > [ ] { } ( ) ' " # \ (UTF-8). */
// AMBIG (digest §9 item 4): only the update table states these rules; chose to apply them on creation
// too, since the same field is stored and a description that cannot be re-saved is a trap.
export const clusterDescriptionSchema = z
  .string()
  .max(CLUSTER_DESCRIPTION_MAX_LENGTH, `Description must be at most ${CLUSTER_DESCRIPTION_MAX_LENGTH} characters`)
  .refine((s) => !DESCRIPTION_FORBIDDEN.test(s), `Description must not contain any of ~ $ % ^ & * < > [ ] { } ( ) ' " # \\`);

const DOMAIN_NAME = /^(?=.{1,253}$)(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const isIpOrDomain = (s: string) => z.ipv4().safeParse(s).success || z.ipv6().safeParse(s).success || DOMAIN_NAME.test(s);

/**
 * Custom SANs of the API server certificate: IP addresses or domain names, no duplicates. The
 * reference says "It is not supported by Autopilot clusters"; accepted so that a documented field is
 * never refused by the console, while the console never offers it.
 */
export const customSanSchema = z
  .array(z.string().refine(isIpOrDomain, 'Each SAN must be an IP address or a domain name'))
  .refine((sans) => new Set(sans).size === sans.length, 'SANs must not contain duplicates');

const cidrV4Schema = z.cidrv4({ error: 'Must be an IPv4 CIDR block such as 10.247.0.0/16' });

const subnetRequestSchema = z.object({
  /** IPv4 subnet ID of the subnet for control nodes and containers (IPv6 is not supported). */
  subnetID: z.string({ error: 'subnetID is required' }).min(1, 'subnetID must not be empty'),
});

/** Checks the add-on install annotation: a JSON array of `{addonTemplateName, values}`. */
export const clusterInstallAddonsSchema = z.array(
  z.looseObject({
    addonTemplateName: z.string().min(1),
    // AMBIG (digest §4.7, §9 item 12): the reference's samples disagree on whether `values` is an
    // object or an array; both are accepted.
    values: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  }),
);
export type ClusterInstallAddons = z.infer<typeof clusterInstallAddonsSchema>;

/** The add-ons a create request asks to install; `null` when the annotation is absent or malformed. */
export function parseInstallAddonsAnnotation(annotations: Record<string, string> | undefined): ClusterInstallAddons | null {
  const raw = annotations?.[CLUSTER_INSTALL_ADDONS_ANNOTATION];
  if (raw === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = clusterInstallAddonsSchema.safeParse(decoded);
  return parsed.success ? parsed.data : null;
}

const createAnnotationsSchema = stringMapSchema.refine(
  (annotations) => !(CLUSTER_INSTALL_ADDONS_ANNOTATION in annotations) || parseInstallAddonsAnnotation(annotations) !== null,
  {
    message: `${CLUSTER_INSTALL_ADDONS_ANNOTATION} must be a JSON array of {"addonTemplateName": …, "values": {…}}`,
    path: [CLUSTER_INSTALL_ADDONS_ANNOTATION],
  },
);

// ---------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------

/** Body of `CreateAutopilotCluster` (Tables 4-3 … 4-17). */
export const createClusterBodySchema = z.object({
  /** "Fixed at Cluster or cluster." */
  kind: z.enum(['Cluster', 'cluster'], { error: 'kind must be "Cluster"' }),
  apiVersion: z.literal('v3', { error: 'apiVersion must be "v3"' }),
  metadata: z.object({
    name: clusterNameSchema,
    /** Blank or omitted: the alias is the name. */
    alias: clusterAliasSchema.optional(),
    /** Not stored; only used to name the add-ons to install (`cluster.install.addons/install`). */
    annotations: createAnnotationsSchema.optional(),
    /** Server-owned: "A custom value will not take effect." */
    uid: z.string().optional(),
    /** Server-owned feature labels: "Customized values are invalid." */
    labels: stringMapSchema.optional(),
    creationTimestamp: z.string().optional(),
    updateTimestamp: z.string().optional(),
  }),
  spec: z.object({
    category: closedEnum(CLUSTER_CATEGORIES).optional(),
    /** Master node architecture. */
    type: closedEnum(CLUSTER_TYPES).optional(),
    flavor: z.enum(CLUSTER_FLAVORS, { error: `flavor must be "${CLUSTER_FLAVORS[0]}"` }),
    /** Kubernetes version such as `v1.28`; omitted = the latest version. */
    // The reference documents no list of versions (the console offers the latest three); which
    // versions exist is the server's decision (CCE.01400015 "Version not supported.").
    version: z.string().regex(KUBERNETES_VERSION_PATTERN, 'version must look like v1.28').optional(),
    /** Chosen by the server (`cce.X.Y`); a custom value is ignored. */
    platformVersion: z.string().optional(),
    description: clusterDescriptionSchema.optional(),
    customSan: customSanSchema.optional(),
    /** Internet access through a NAT gateway (created if the VPC has none). Creation only. */
    enableSnat: z.boolean().optional(),
    /** Image pulls from SWR through SWR/OBS endpoints (created if the VPC has none). Creation only. */
    enableSWRImageAccess: z.boolean().optional(),
    /** Whether the cluster is an Autopilot cluster. */
    enableAutopilot: z.boolean().optional(),
    /** IPv6 mode; not supported by Autopilot clusters. */
    ipv6enable: z.boolean().optional(),
    /** VPC and subnet of the master nodes. */
    hostNetwork: z.object(
      {
        /** VPC ID. */
        vpc: z.string({ error: 'hostNetwork.vpc (VPC ID) is required' }).min(1, 'hostNetwork.vpc must not be empty'),
        /** Network ID of the subnet (not its IPv4 subnet ID). */
        subnet: z.string({ error: 'hostNetwork.subnet (subnet network ID) is required' }).min(1, 'hostNetwork.subnet must not be empty'),
      },
      { error: 'hostNetwork (VPC and subnet) is required' },
    ),
    containerNetwork: z.object(
      {
        /** Container network model. */
        mode: z.enum(CONTAINER_NETWORK_MODES, { error: 'containerNetwork.mode must be "eni"' }),
      },
      { error: 'containerNetwork is required' },
    ),
    /** Cloud Native 2.0 network: the container subnets. */
    // AMBIG (digest §9 item 5): optional in the table although the mode is always `eni`; kept
    // optional as documented. When sent, its list must name at least one subnet ([INF]: an empty list
    // gives the containers nowhere to run).
    eniNetwork: z
      .object({
        subnets: z.array(subnetRequestSchema).min(1, 'eniNetwork.subnets must name at least one subnet'),
      })
      .optional(),
    /** Service CIDR; default 10.247.0.0/16. Cannot be changed after creation. */
    serviceNetwork: z.object({ IPv4CIDR: cidrV4Schema.optional() }).optional(),
    /** Authentication mode; not supported by Autopilot clusters (default `rbac`). */
    authentication: z.object({ mode: z.string().optional() }).optional(),
    billingMode: z.literal(BILLING_MODES, { error: 'billingMode must be 0 (pay-per-use)' }).optional(),
    /** Service CIDR, deprecated in favour of `serviceNetwork.IPv4CIDR`. */
    kubernetesSvcIpRange: cidrV4Schema.optional(),
    clusterTags: resourceTagListSchema.optional(),
    /** Service forwarding mode. */
    kubeProxyMode: closedEnum(KUBE_PROXY_MODES).optional(),
    /** Returned by queries only. */
    az: z.string().optional(),
    /** Enterprise project and other extensions; the reference describes it as an open extension field. */
    extendParam: z
      .looseObject({
        /** Enterprise project ID (`"0"` = default project); requires the enterprise project function. */
        enterpriseProjectId: z.string().optional(),
        /** How the cluster was upgraded to its current version. */
        upgradefrom: z.string().optional(),
      })
      .optional(),
    /** Component configuration overrides; not supported in Autopilot clusters. */
    configurationsOverride: z
      .array(
        z.object({
          name: z.string().optional(),
          configurations: z.array(z.object({ name: z.string().optional(), value: z.unknown().optional() })).optional(),
        }),
      )
      .optional(),
  }),
  /** Server-owned; accepted because the table lists it, never acted upon. */
  status: z.looseObject({}).optional(),
});
export type CreateClusterBody = z.infer<typeof createClusterBodySchema>;

// ---------------------------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------------------------

/** Body of `UpdateAutopilotCluster` (Tables 4-72 … 4-76). Only an `Available` cluster's description can change. */
export const updateClusterBodySchema = z.object({
  spec: z.object(
    {
      description: clusterDescriptionSchema.optional(),
      customSan: customSanSchema.optional(),
      /** Container subnets: "Subnets can be added and existing subnets can be deleted." */
      eniNetwork: z.object({ subnets: z.array(subnetRequestSchema).optional() }).optional(),
    },
    { error: 'spec is required' },
  ),
  metadata: z
    .object({
      /** Blank: the alias is not changed. */
      alias: clusterAliasSchema.optional(),
    })
    .optional(),
});
export type UpdateClusterBody = z.infer<typeof updateClusterBodySchema>;

// ---------------------------------------------------------------------------------------------
// Delete
// ---------------------------------------------------------------------------------------------

/** Values of the `delete_*` query options. `true` = `block`, `false` = `skip`. */
export const DELETE_OPTION_VALUES = [
  /** Delete; a failure blocks the rest of the deletion. */
  'true',
  /** Delete; a failure blocks the rest of the deletion. */
  'block',
  /** Delete once; a failure is not retried and the deletion proceeds. */
  'try',
  /** Skip. */
  'false',
  /** Skip. */
  'skip',
] as const;
export type DeleteOptionValue = (typeof DELETE_OPTION_VALUES)[number];

/** What each delete option value does, as the reference says (Table 4-93). */
export const deleteOptionValueMeanings: Record<DeleteOptionValue, string> = {
  true: 'The system starts to delete the object. If the deletion fails, subsequent processes are blocked.',
  block: 'The system starts to delete the object. If the deletion fails, subsequent processes are blocked.',
  try: 'The system starts to delete the object. If the deletion fails, no deletion retry is performed, and subsequent processes will proceed.',
  false: 'The deletion is skipped.',
  skip: 'The deletion is skipped.',
};

/** The three behaviours behind the five spellings. */
export type DeleteBehaviour = 'block' | 'try' | 'skip';
export function deleteBehaviour(value: DeleteOptionValue): DeleteBehaviour {
  if (value === 'true' || value === 'block') return 'block';
  if (value === 'false' || value === 'skip') return 'skip';
  return 'try';
}

/** `lts_reclaim_policy` values. */
export const LTS_RECLAIM_POLICIES = [
  /** Delete the log group; a failure is not retried and the deletion proceeds. */
  'Delete_Log_Group',
  /** Delete the master log stream (default); a failure is not retried and the deletion proceeds. */
  'Delete_Master_Log_Stream',
  /** Keep the LTS resources. */
  'Retain',
] as const;
export type LtsReclaimPolicy = (typeof LTS_RECLAIM_POLICIES)[number];

export const ltsReclaimPolicyMeanings: Record<LtsReclaimPolicy, string> = {
  Delete_Log_Group: 'The system starts to delete a log group. If the deletion fails, no deletion retry is performed, and subsequent processes will proceed.',
  Delete_Master_Log_Stream:
    'The system starts to delete a master log stream. If the deletion fails, no deletion retry is performed, and subsequent processes will proceed.',
  Retain: 'The deletion is skipped.',
};

/** The `delete_*` options and the resources each one deletes. */
export const DELETE_OPTION_KEYS = ['delete_efs', 'delete_eni', 'delete_net', 'delete_obs', 'delete_sfs30'] as const;
export type DeleteOptionKey = (typeof DELETE_OPTION_KEYS)[number];
export const deleteOptionResources: Record<DeleteOptionKey | 'lts_reclaim_policy', string> = {
  delete_efs: 'SFS Turbo volumes',
  delete_eni: 'ENI ports (native ENIs)',
  delete_net: 'Service and ingress resources, such as load balancers',
  delete_obs: 'OBS volumes',
  delete_sfs30: 'SFS 3.0 volumes',
  lts_reclaim_policy: 'LTS resources (log group or log stream)',
};

/**
 * What the server does when an option is omitted: ENIs and network resources are deleted (blocking),
 * volumes are kept, the master log stream is deleted.
 */
export const DELETE_OPTION_DEFAULTS = {
  delete_efs: 'skip',
  delete_eni: 'block',
  delete_net: 'block',
  delete_obs: 'skip',
  delete_sfs30: 'skip',
  lts_reclaim_policy: 'Delete_Master_Log_Stream',
} as const satisfies Record<DeleteOptionKey, DeleteOptionValue> & { lts_reclaim_policy: LtsReclaimPolicy };

const deleteOptionSchema = z.enum(DELETE_OPTION_VALUES, { error: 'must be one of true, block, try, false, skip' });

/**
 * Query of `DeleteAutopilotCluster`. Omitted options take `DELETE_OPTION_DEFAULTS` on the server; the
 * schema does not fill them in, so the request upstream is exactly what the operator chose.
 */
export const deleteClusterQuerySchema = z.object({
  /** SFS Turbo volumes (default skip). */
  delete_efs: deleteOptionSchema.optional(),
  /** ENI ports (default block). */
  delete_eni: deleteOptionSchema.optional(),
  /** Services and ingresses, e.g. load balancers (default block). */
  delete_net: deleteOptionSchema.optional(),
  /** OBS volumes (default skip). */
  delete_obs: deleteOptionSchema.optional(),
  /** SFS 3.0 volumes (default skip). */
  delete_sfs30: deleteOptionSchema.optional(),
  /** LTS log group / log stream (default Delete_Master_Log_Stream). */
  lts_reclaim_policy: z.enum(LTS_RECLAIM_POLICIES, { error: 'must be one of Delete_Log_Group, Delete_Master_Log_Stream, Retain' }).optional(),
});
export type DeleteClusterQuery = z.infer<typeof deleteClusterQuerySchema>;

/** The effective deletion behaviour of a query: every option resolved, defaults applied. */
export function resolveDeleteOptions(query: DeleteClusterQuery): Record<DeleteOptionKey, DeleteBehaviour> & { lts_reclaim_policy: LtsReclaimPolicy } {
  const resolved = {} as Record<DeleteOptionKey, DeleteBehaviour>;
  for (const key of DELETE_OPTION_KEYS) resolved[key] = deleteBehaviour(query[key] ?? DELETE_OPTION_DEFAULTS[key]);
  return { ...resolved, lts_reclaim_policy: query.lts_reclaim_policy ?? DELETE_OPTION_DEFAULTS.lts_reclaim_policy };
}

// ---------------------------------------------------------------------------------------------
// List / show queries
// ---------------------------------------------------------------------------------------------

// AMBIG (digest §9 item 13): `detail` is documented only as "set to true"; `false` is accepted as the
// obvious opposite, anything else is refused rather than silently ignored.
const detailQuerySchema = z.enum(['true', 'false'], { error: 'detail must be "true" or "false"' });

/** Query of `ShowAutopilotCluster`. */
export const showClusterQuerySchema = z.object({
  /** `true`: add the installed add-ons' name, version and status to the annotations. */
  detail: detailQuerySchema.optional(),
});

/**
 * Query of `ListAutopilotClusters`. No pagination exists. [INF] `status`, `type` and `version` are
 * exact-match filters (the reference does not spell out their semantics).
 */
export const listClustersQuerySchema = z.object({
  /** `true`: add the installed add-ons' name, version and status to the annotations. */
  detail: detailQuerySchema.optional(),
  /** Only clusters in this phase. */
  status: z.enum(CLUSTER_PHASES, { error: `status must be one of ${CLUSTER_PHASES.join(', ')}` }).optional(),
  /** Only clusters of this type. */
  type: z.enum(CLUSTER_TYPES, { error: 'type must be "VirtualMachine"' }).optional(),
  /** Only clusters of this Kubernetes version. */
  version: z.string().regex(KUBERNETES_VERSION_PATTERN, 'version must look like v1.28').optional(),
});
export type ListClustersQuery = z.infer<typeof listClustersQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Cluster object (responses: lenient)
// ---------------------------------------------------------------------------------------------

const subnetSchema = z.looseObject({
  /** IPv4 subnet ID. */
  subnetID: z.string().optional(),
});

export const clusterEndpointSchema = z.looseObject({
  /** kube-apiserver URL, e.g. `https://{uid}.cluster.cce.{region}.myhuaweicloud.com:5443`. */
  url: z.string().optional(),
  type: openEnum(CLUSTER_ENDPOINT_TYPES).optional(),
});
export type ClusterEndpoint = z.infer<typeof clusterEndpointSchema>;

export const clusterMetadataSchema = z.looseObject({
  name: z.string().optional(),
  /** Cluster ID. Not returned when creating a yearly/monthly cluster. */
  uid: z.string().optional(),
  /** Display name; not returned on creation when not configured. */
  alias: z.string().optional(),
  /** e.g. `enableAutopilot`, `jobid`; with `detail=true` also the installed add-ons. */
  annotations: stringMapSchema.optional(),
  /** Feature labels set by the system, e.g. `FeatureGates`. */
  labels: stringMapSchema.optional(),
  /** Creation time, as `2024-06-04 12:49:28.773718231 +0000 UTC` (not ISO-8601). */
  creationTimestamp: z.string().optional(),
  /** Last update time, same format as `creationTimestamp`. */
  updateTimestamp: z.string().optional(),
});

export const clusterSpecSchema = z.looseObject({
  category: openEnum(CLUSTER_CATEGORIES).optional(),
  /** Master node architecture. */
  type: openEnum(CLUSTER_TYPES).optional(),
  flavor: openEnum(CLUSTER_FLAVORS).optional(),
  /** Kubernetes version, e.g. `v1.28`. */
  version: z.string().optional(),
  /** Platform version under `version`, `cce.X.Y`. */
  platformVersion: z.string().optional(),
  description: z.string().optional(),
  /** Custom SANs of the API server certificate. */
  customSan: optionalList(z.string()).optional(),
  /** Internet access through a NAT gateway; returned by the creation API only. */
  enableSnat: z.boolean().optional(),
  /** SWR image access; returned by the creation API only. */
  enableSWRImageAccess: z.boolean().optional(),
  enableAutopilot: z.boolean().optional(),
  /** IPv6 mode (not supported by Autopilot). */
  ipv6enable: z.boolean().optional(),
  /** VPC (`vpc`) and subnet network ID (`subnet`) of the master nodes. */
  hostNetwork: z.looseObject({ vpc: z.string().optional(), subnet: z.string().optional() }).optional(),
  /** Container network model. */
  containerNetwork: z.looseObject({ mode: openEnum(CONTAINER_NETWORK_MODES).optional() }).optional(),
  /** Cloud Native 2.0 container subnets. (`eniSubnetId` appears in an example, undocumented.) */
  eniNetwork: z.looseObject({ subnets: optionalList(subnetSchema).optional() }).optional(),
  /** Service CIDR. */
  serviceNetwork: z.looseObject({ IPv4CIDR: z.string().optional() }).optional(),
  authentication: z.looseObject({ mode: z.string().optional() }).optional(),
  /** 0 = pay-per-use. */
  billingMode: z.number().optional(),
  /** Service CIDR (deprecated twin of `serviceNetwork.IPv4CIDR`). */
  kubernetesSvcIpRange: z.string().optional(),
  // AMBIG (digest §8 quirk 8): every response example prints `kubernetesSvclpRange` (lowercase L),
  // most likely a PDF-extraction I→l artefact. Both spellings are read; use `serviceCidrOf`.
  /** Misspelt twin of `kubernetesSvcIpRange` as printed in the reference's examples. */
  kubernetesSvclpRange: z.string().optional(),
  clusterTags: optionalList(resourceTagSchema).optional(),
  /** Service forwarding mode. */
  kubeProxyMode: openEnum(KUBE_PROXY_MODES).optional(),
  /** AZ; returned by queries only. */
  az: z.string().optional(),
  extendParam: z
    .looseObject({
      /** Enterprise project ID (`"0"` = default). */
      enterpriseProjectId: z.string().optional(),
      // AMBIG (digest §8 quirk 9): tables and one example say `upgradefrom`, three examples
      // `upgradeFrom`; both are read.
      /** How the cluster was upgraded to its current version. */
      upgradefrom: z.string().optional(),
      /** Spelling of `upgradefrom` in most examples. */
      upgradeFrom: z.string().optional(),
    })
    .optional(),
  /** Component configuration overrides (not supported in Autopilot). */
  configurationsOverride: optionalList(
    z.looseObject({
      name: z.string().optional(),
      configurations: optionalList(z.looseObject({ name: z.string().optional(), value: z.unknown().optional() })).optional(),
    }),
  ).optional(),
});

export const clusterStatusSchema = z.looseObject({
  phase: openEnum(CLUSTER_PHASES).optional(),
  /** Job of the current status: the creation job, or the deletion job while (or after failing) deleting. */
  jobID: z.string().optional(),
  /** Why the cluster is in this phase (only when not Available). */
  reason: z.string().optional(),
  /** Details of `reason` (only when not Available). */
  message: z.string().optional(),
  /** kube-apiserver access addresses. */
  endpoints: optionalList(clusterEndpointSchema).optional(),
  /** Whether the resource is locked by CBC (billing). */
  isLocked: z.boolean().optional(),
  /** Scenario in which the CBC resource was locked. */
  lockScene: z.string().optional(),
  /** What locked the resource. */
  lockSource: z.string().optional(),
  /** ID of the locked resource. */
  lockSourceId: z.string().optional(),
  /** Deletion options being applied; only in the response to a deletion (e.g. `{"delete_eni": "delete-block"}`). */
  deleteOption: z.record(z.string(), z.unknown()).nullish(),
  /** Deletion progress counters; only in the response to a deletion (e.g. `previous_total`, `deleted`). */
  deleteStatus: z.record(z.string(), z.unknown()).nullish(),
});

/** A cluster, as returned by create, show, list (`items[]`), update and delete. */
export const clusterSchema = z.looseObject({
  /** `Cluster` (or `cluster`). */
  kind: z.string().optional(),
  /** `v3`. */
  apiVersion: z.string().optional(),
  metadata: clusterMetadataSchema,
  spec: clusterSpecSchema.optional(),
  status: clusterStatusSchema.optional(),
});
export type Cluster = z.infer<typeof clusterSchema>;

/** Response of `ListAutopilotClusters`: every cluster of the project, unpaginated. */
export const clusterListSchema = z.looseObject({
  /** "Api type"; the example says `Cluster`. */
  kind: z.string().optional(),
  apiVersion: z.string().optional(),
  items: itemsList(clusterSchema),
});
export type ClusterList = z.infer<typeof clusterListSchema>;

/** The service CIDR of a cluster, whichever documented field carries it. */
export function serviceCidrOf(cluster: Cluster): string | undefined {
  return cluster.spec?.serviceNetwork?.IPv4CIDR ?? cluster.spec?.kubernetesSvcIpRange ?? cluster.spec?.kubernetesSvclpRange;
}

// ---------------------------------------------------------------------------------------------
// API-server EIP and access addresses
// ---------------------------------------------------------------------------------------------

export const MASTER_EIP_ACTIONS = [
  /** Bind an EIP: the API server gets a public address. */
  'bind',
  /** Unbind the EIP: the API server keeps its private address only. */
  'unbind',
] as const;
export type MasterEipAction = (typeof MASTER_EIP_ACTIONS)[number];

/**
 * Body of `UpdateAutopilotClusterEip` (`MasterEIPRequest`): `{"spec": {"action": "bind", "spec": {"id": …}}}`
 * or `{"spec": {"action": "unbind"}}`.
 */
// AMBIG (digest §9 item 6): `spec.spec.id` is described as "ENI ID" although the operation binds an
// elastic IP; read as the ID of the EIP to bind (the only reading under which bind can work).
// `spec.action` is marked Mandatory "No" but its text says "Mandatory": required.
export const masterEipRequestSchema = z.object({
  spec: z
    .object(
      {
        action: z.enum(MASTER_EIP_ACTIONS, { error: 'action must be "bind" or "unbind"' }),
        spec: z
          .object({
            /** ID of the EIP to bind; mandatory for bind, ignored for unbind. */
            id: z.string().min(1, 'id must not be empty').optional(),
          })
          .optional(),
        /** @deprecated "This field has expired and is not recommended." */
        bandwidth: z.string().optional(),
        /** @deprecated "This field has expired and is not recommended." */
        elasticip: z.string().optional(),
      },
      { error: 'spec is required' },
    )
    .refine((s) => s.action !== 'bind' || Boolean(s.spec?.id), {
      message: 'The ID of the EIP to bind (spec.spec.id) is required for bind',
      path: ['spec', 'id'],
    }),
});
export type MasterEipRequest = z.infer<typeof masterEipRequestSchema>;

/** `metadata` of the EIP / access-address objects (`Metadata`). */
const objectMetadataSchema = z.looseObject({
  uid: z.string().optional(),
  name: z.string().optional(),
  /** Reserved; does not take effect. */
  labels: stringMapSchema.nullish(),
  annotations: stringMapSchema.nullish(),
  updateTimestamp: z.string().optional(),
  creationTimestamp: z.string().optional(),
});

const eipSpecSchema = z.looseObject({
  bandwidth: z
    .looseObject({
      /** Bandwidth size (Mbit/s). */
      size: z.number().optional(),
      /** Bandwidth type, e.g. `PER` (dedicated). */
      sharetype: z.string().optional(),
    })
    .optional(),
});

/** Private and public API-server addresses. `publicEndpoint` is `""` when no EIP is bound. */
const accessEndpointsStatusSchema = z.looseObject({
  /** Private address (the VIP for an HA cluster), e.g. `https://192.168.3.238:5443`. */
  privateEndpoint: z.string().optional(),
  /** Public address, e.g. `https://8.8.8.8:5443`; empty when no EIP is bound. */
  publicEndpoint: z.string().optional(),
});

// AMBIG (digest §8 quirk 10): tables spell `IsDynamic`, examples `isDynamic`; both are read.
const dynamicFlags = {
  /** Whether the EIP is dynamically provisioned (table spelling). */
  IsDynamic: z.boolean().optional(),
  /** Whether the EIP is dynamically provisioned (example spelling). */
  isDynamic: z.boolean().optional(),
};

/** Response of a successful bind (`UpdateAutopilotClusterEip` with `action: bind`). */
export const masterEipResponseSchema = z.looseObject({
  metadata: objectMetadataSchema.optional(),
  spec: z
    .looseObject({
      action: openEnum(MASTER_EIP_ACTIONS).optional(),
      spec: z
        .looseObject({
          /** ID of the bound EIP. */
          id: z.string().optional(),
          eip: eipSpecSchema.optional(),
          ...dynamicFlags,
        })
        .optional(),
      /** The bound EIP address, e.g. `8.8.8.8`. */
      elasticIp: z.string().optional(),
    })
    .optional(),
  status: accessEndpointsStatusSchema.optional(),
});
export type MasterEipResponse = z.infer<typeof masterEipResponseSchema>;

/** Response of `ShowAutopilotClusterEndpoints` (`OpenAPI` object): the cluster's access addresses. */
export const clusterEndpointsSchema = z.looseObject({
  metadata: objectMetadataSchema.optional(),
  spec: z
    .looseObject({
      spec: z
        .looseObject({
          eip: eipSpecSchema.optional(),
          ...dynamicFlags,
        })
        .optional(),
    })
    .optional(),
  status: accessEndpointsStatusSchema.optional(),
});
export type ClusterEndpoints = z.infer<typeof clusterEndpointsSchema>;

/** The API server's addresses as the console names them, on every page. */
export interface ApiServerAddresses {
  /** Inside the VPC: the cluster's `status.endpoints` entry of type `Internal`. */
  internal: string | undefined;
  /** From the internet, through the bound EIP; undefined when none is bound. */
  public: string | undefined;
}

/**
 * The one answer to "where is this cluster's API server": the internal address is the cluster's
 * `Internal` endpoint (the reference's `status.endpoints[].type`, OP2); the access-address API's
 * `privateEndpoint` (OP9, a VIP form of the same server) stands in only when the cluster names no
 * internal endpoint. The public address comes from the access-address API when it was read (it is
 * `""` when no EIP is bound), else from the cluster's `External` endpoint.
 */
export function apiServerAddresses(cluster: Cluster, access?: ClusterEndpoints): ApiServerAddresses {
  const ofType = (type: (typeof CLUSTER_ENDPOINT_TYPES)[number]) => cluster.status?.endpoints?.find((e) => e.type === type && e.url)?.url;
  return {
    internal: ofType('Internal') ?? (access?.status?.privateEndpoint || undefined),
    public: access ? access.status?.publicEndpoint || undefined : ofType('External'),
  };
}

// ---------------------------------------------------------------------------------------------
// Error codes the simulator uses for these operations
// ---------------------------------------------------------------------------------------------

/**
 * The codes of the reference's table (`CCE_ERROR_CODES`) for the situations of these operations. The
 * reference maps no code to an operation; this is the mapping the simulator applies (digest §6.2).
 */
export const clusterErrorCodes = {
  /** Malformed or invalid body, query or parameter. */
  invalidRequest: 'CCE.01400001',
  /** A subnet of the request is not in the VPC. */
  subnetNotFound: 'CCE.01400002',
  /** Unsupported Content-Type. */
  contentTypeNotSupported: 'CCE.01400006',
  /** Creating one cluster more than the quota allows. */
  clusterQuotaExceeded: 'CCE.01400007',
  /** `spec.version` is not a version clusters can be created with. */
  versionNotSupported: 'CCE.01400015',
  /** Missing or invalid credentials. */
  unauthorized: 'CCE.01401001',
  forbidden: 'CCE.01403001',
  /** Unknown cluster or job. */
  notFound: 'CCE.01404001',
  /** A cluster with this name (or alias) exists. */
  alreadyExists: 'CCE.01409001',
  outOfDateVersion: 'CCE.01409002',
  /** The cluster is busy with another operation (not Available), e.g. deleting a cluster being created. */
  locked: 'CCE.01429002',
  /** Too many requests. */
  throttled: 'CCE.02429001',
  internalError: 'CCE.01500001',
} as const satisfies Record<string, CceErrorCode>;

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const clusterParams = z.object({ project_id: projectIdParam, cluster_id: clusterIdParam });
const jobIdParam = pathSegmentSchema.describe('Job ID');

export const createCluster = defineOperation({
  id: 'CreateAutopilotCluster',
  title: 'Creating a Cluster',
  resource: 'clusters',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters',
  params: z.object({ project_id: projectIdParam }),
  query: null,
  body: { kind: 'json', schema: createClusterBodySchema },
  response: clusterSchema,
  successStatus: 201,
});

export const showCluster = defineOperation({
  id: 'ShowAutopilotCluster',
  title: 'Obtaining a Cluster',
  resource: 'clusters',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}',
  params: clusterParams,
  query: showClusterQuerySchema,
  body: null,
  response: clusterSchema,
  successStatus: 200,
});

export const listClusters = defineOperation({
  id: 'ListAutopilotClusters',
  title: 'Obtaining Clusters in a Project',
  resource: 'clusters',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters',
  params: z.object({ project_id: projectIdParam }),
  query: listClustersQuerySchema,
  body: null,
  response: clusterListSchema,
  successStatus: 200,
});

export const updateCluster = defineOperation({
  id: 'UpdateAutopilotCluster',
  title: 'Updating a Cluster',
  resource: 'clusters',
  method: 'PUT',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: updateClusterBodySchema },
  response: clusterSchema,
  successStatus: 200,
});

/** Answers 200 with the cluster, its deletion `status.jobID`, `deleteOption` and `deleteStatus`. */
export const deleteCluster = defineOperation({
  id: 'DeleteAutopilotCluster',
  title: 'Deleting a Cluster',
  resource: 'clusters',
  method: 'DELETE',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}',
  params: clusterParams,
  query: deleteClusterQuerySchema,
  body: null,
  response: clusterSchema,
  successStatus: 200,
});

/** A POST that reads: returns a kubeconfig (secret) and the `Port-ID` response header. */
export const createClusterCert = defineOperation({
  id: 'CreateAutopilotKubernetesClusterCert',
  title: 'Obtaining a Cluster Certificate',
  resource: 'clusters',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/clustercert',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: certDurationBodySchema },
  response: kubeconfigSchema,
  successStatus: 200,
  responseHeaders: [PORT_ID_HEADER],
});

export const showJob = defineOperation({
  id: 'ShowAutopilotJob',
  title: 'Obtaining Job Information',
  resource: 'jobs',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/jobs/{job_id}',
  params: z.object({ project_id: projectIdParam, job_id: jobIdParam }),
  query: null,
  body: null,
  response: jobSchema,
  successStatus: 200,
});

/**
 * Binds or unbinds the API server's EIP. Both answer 200; bind with a `masterEipResponseSchema` body,
 * unbind with no body — so the response schema also accepts "no body" (`undefined`/`null`).
 */
export const updateClusterEip = defineOperation({
  id: 'UpdateAutopilotClusterEip',
  title: 'Binding/Unbinding Public API Server Address',
  resource: 'clusters',
  method: 'PUT',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/mastereip',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: masterEipRequestSchema },
  response: masterEipResponseSchema.nullish(),
  successStatus: 200,
});

export const showClusterEndpoints = defineOperation({
  id: 'ShowAutopilotClusterEndpoints',
  title: 'Obtaining Cluster Access Address',
  resource: 'clusters',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/openapi',
  params: clusterParams,
  query: null,
  body: null,
  response: clusterEndpointsSchema,
  successStatus: 200,
});

export const showQuotas = defineOperation({
  id: 'ShowAutopilotQuotas',
  title: 'Obtaining CCE Resource Quotas',
  resource: 'quotas',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/quotas',
  params: z.object({ project_id: projectIdParam }),
  query: null,
  body: null,
  response: quotasSchema,
  successStatus: 200,
});

/** Adds or overwrites tags (same key, new value = overwrite). Idempotent; 204 without a body. */
export const batchCreateClusterTags = defineOperation({
  id: 'BatchCreateAutopilotClusterTags',
  title: 'Adding Resource Tags to a Cluster in Batches',
  resource: 'tags',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/tags/create',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: tagsCreateBodySchema },
  response: null,
  successStatus: 204,
});

/** Deletes tags by key (a POST, not a DELETE). Idempotent: unknown keys succeed; 204 without a body. */
export const batchDeleteClusterTags = defineOperation({
  id: 'BatchDeleteAutopilotClusterTags',
  title: 'Deleting Resource Tags from a Cluster in Batches',
  resource: 'tags',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/tags/delete',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: tagsDeleteBodySchema },
  response: null,
  successStatus: 204,
});

export const clusterOperations = {
  createCluster,
  showCluster,
  listClusters,
  updateCluster,
  deleteCluster,
  createClusterCert,
  showJob,
  updateClusterEip,
  showClusterEndpoints,
  showQuotas,
  batchCreateClusterTags,
  batchDeleteClusterTags,
} as const;
