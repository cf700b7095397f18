import { z } from 'zod';
import { clusterIdParam, itemsList, openEnum, optionalList, pathSegmentSchema, projectIdParam } from './common.ts';
import { KUBERNETES_VERSION_PATTERN } from './clusters.ts';
import { defineOperation } from './define-operation.ts';
import type { CceErrorCode } from './error-codes.ts';
import { parseCceTimestamp } from './time.ts';
import { listUpgradePaths, parseKubernetesVersion, upgradeMetadataSchema } from './upgrade-paths.ts';

// Cluster upgrade: §4.3.1–§4.3.17 of the API reference (digest: ../shared/reference/api-upgrade.md).
// The guided journey is: workflow (4.3.14) → pre-check (4.3.5/6) → optional backup (4.3.9/10) →
// upgrade (4.3.1/2, retry 4.3.3) → post-check (4.3.8); the workflow (4.3.16) shows where it stands
// and can only be cancelled (4.3.17). Two operations are global (no project, no cluster) and the two
// backup operations use `/autopilot/v3.1/`.

// ---------------------------------------------------------------------------------------------
// Phase helpers
// ---------------------------------------------------------------------------------------------

// The reference spells one phase three ways (`Queuing` in 4.3.2 and the workflow points, `Queueing` in
// 4.3.4, "queue" in 4.3.17's prose) and writes phases in lowercase in 4.3.17's prose (digest §6 C-25).
const PHASE_ALIASES: Record<string, string> = { queueing: 'queuing', queue: 'queuing' };

/**
 * The documented spelling of a phase, matched case-insensitively and across the reference's spelling
 * variants (`Queueing`/`queue` → `Queuing`); `undefined` when the phase is not one of `values`.
 */
export function canonicalPhase<const T extends readonly string[]>(values: T, phase: string | null | undefined): T[number] | undefined {
  if (!phase) return undefined;
  const lower = phase.trim().toLowerCase();
  const wanted = PHASE_ALIASES[lower] ?? lower;
  return values.find((v) => v.toLowerCase() === wanted) ?? values.find((v) => v.toLowerCase() === lower);
}

function phaseIn(values: readonly string[], phase: string | null | undefined): boolean {
  return canonicalPhase(values, phase) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Enumerations: upgrade task (4.3.2, 4.3.4) and upgrade info (4.3.11)
// ---------------------------------------------------------------------------------------------

/** `status.phase` of an upgrade task (4.3.2 Table 4-229, 4.3.4 Table 4-236). */
// AMBIG (digest §6 C-25): 4.3.2 spells the waiting phase `Queuing`, 4.3.4 `Queueing`; both are
// listed so either parses into a documented value with a meaning. `canonicalPhase` maps both to `Queuing`.
export const UPGRADE_TASK_PHASES = [
  /** Initializing. */
  'Init',
  /** Waiting. */
  'Queuing',
  /** Waiting (4.3.4's spelling of `Queuing`). */
  'Queueing',
  /** The driver is running. */
  'Running',
  /** Paused. No operation of the reference pauses or resumes an upgrade. */
  'Pause',
  /** Successful. */
  'Success',
  /** Failed; can be retried with `RetryAutopilotUpgradeClusterTask`. */
  'Failed',
] as const;
export type UpgradeTaskPhase = (typeof UPGRADE_TASK_PHASES)[number];

export const upgradeTaskPhaseMeanings: Record<UpgradeTaskPhase, string> = {
  Init: 'Initializing.',
  Queuing: 'Waiting.',
  Queueing: 'Waiting.',
  Running: 'The driver is running.',
  Pause: 'Paused.',
  Success: 'Successful.',
  Failed: 'Failed.',
};

/**
 * Phases in which an upgrade task may still change: a page showing one polls. `Pause` is included:
 * the reference offers no resume operation, so the task can only move on by the service's doing.
 */
export const TRANSITIONAL_UPGRADE_TASK_PHASES = ['Init', 'Queuing', 'Queueing', 'Running', 'Pause'] as const satisfies readonly UpgradeTaskPhase[];
/** Phases after which an upgrade task no longer changes (until a retry). */
export const FINISHED_UPGRADE_TASK_PHASES = ['Success', 'Failed'] as const satisfies readonly UpgradeTaskPhase[];

export function isTransitionalUpgradeTaskPhase(phase: string | null | undefined): boolean {
  return phaseIn(TRANSITIONAL_UPGRADE_TASK_PHASES, phase);
}
export function isUpgradeTaskFinished(phase: string | null | undefined): boolean {
  return phaseIn(FINISHED_UPGRADE_TASK_PHASES, phase);
}
/** Retry (4.3.3) "executes the failed cluster upgrade task again": only a failed task can be retried. */
export function isUpgradeTaskRetryable(phase: string | null | undefined): boolean {
  return canonicalPhase(UPGRADE_TASK_PHASES, phase) === 'Failed';
}

/** `status.phase` / `spec.lastUpgradeInfo.phase` of the upgrade info (4.3.11 Table 4-321; no `Queuing`). */
export const UPGRADE_INFO_PHASES = ['Init', 'Running', 'Pause', 'Success', 'Failed'] as const;
export type UpgradeInfoPhase = (typeof UPGRADE_INFO_PHASES)[number];
export const upgradeInfoPhaseMeanings: Record<UpgradeInfoPhase, string> = {
  Init: 'Initializing.',
  Running: 'Running.',
  Pause: 'Paused.',
  Success: 'Successful.',
  Failed: 'Failed.',
};

// ---------------------------------------------------------------------------------------------
// Enumerations: pre-check (4.3.5–4.3.7) and post-check (4.3.8)
// ---------------------------------------------------------------------------------------------

/** `status.phase` of a pre-check task (Table 4-244). */
export const PRECHECK_PHASES = [
  /** Initializing: the task was accepted (the create call answers with this phase). */
  'Init',
  /** The checks are running. */
  'Running',
  /** Every check item passed. */
  'Success',
  /** At least one check item failed. */
  'Failed',
  /** The check itself failed to run; `status.message` carries the log. */
  'Error',
] as const;
export type PrecheckPhase = (typeof PRECHECK_PHASES)[number];

// The reference defines only `Init` ("initializing"); the others are read from their names and the
// examples (a `Failed` task has a failed item; `status.message` is "the log for execution errors").
export const precheckPhaseMeanings: Record<PrecheckPhase, string> = {
  Init: 'Initializing.',
  Running: 'The pre-upgrade check is running.',
  Success: 'The pre-upgrade check passed.',
  Failed: 'Some check items failed.',
  Error: 'The check could not be executed; see the message for the log.',
};

export const TRANSITIONAL_PRECHECK_PHASES = ['Init', 'Running'] as const satisfies readonly PrecheckPhase[];
export const FINISHED_PRECHECK_PHASES = ['Success', 'Failed', 'Error'] as const satisfies readonly PrecheckPhase[];
export function isTransitionalPrecheckPhase(phase: string | null | undefined): boolean {
  return phaseIn(TRANSITIONAL_PRECHECK_PHASES, phase);
}

/**
 * `phase` of the three sub-checks (`clusterCheckStatus`, `addonCheckStatus`, `nodeCheckStatus`) and
 * of every check item (Tables 4-245 … 4-250).
 */
export const PRECHECK_STAGE_PHASES = ['Init', 'Running', 'Success', 'Failed'] as const;
export type PrecheckStagePhase = (typeof PRECHECK_STAGE_PHASES)[number];
export const precheckStagePhaseMeanings: Record<PrecheckStagePhase, string> = {
  Init: 'Initializing.',
  Running: 'Running.',
  Success: 'Passed.',
  Failed: 'Failed.',
};

/** Check item `kind`. */
export const PRECHECK_ITEM_KINDS = [
  /** Exceptions that need to be resolved by you. */
  'Exception',
  /** Risks that can be skipped after you confirm them. */
  'Risk',
] as const;
export type PrecheckItemKind = (typeof PRECHECK_ITEM_KINDS)[number];
export const precheckItemKindMeanings: Record<PrecheckItemKind, string> = {
  Exception: 'Exceptions that need to be resolved by you.',
  Risk: 'Risks that can be skipped after you confirm them.',
};

/** Check item `group`. */
export const PRECHECK_ITEM_GROUPS = [
  /** Cluster limit check. */
  'LimitCheck',
  /** Master node check. */
  'MasterCheck',
  /** Worker node check. */
  'NodeCheck',
  /** Add-on check. */
  'AddonCheck',
  /** Process error check. */
  'ExecuteException',
] as const;
export type PrecheckItemGroup = (typeof PRECHECK_ITEM_GROUPS)[number];
export const precheckItemGroupMeanings: Record<PrecheckItemGroup, string> = {
  LimitCheck: 'Cluster limit check.',
  MasterCheck: 'Master node check.',
  NodeCheck: 'Worker node check.',
  AddonCheck: 'Add-on check.',
  ExecuteException: 'Process error check.',
};

/** Check item `level` (severity), independent of `kind` (the examples show `Risk` + `Fatal`). */
export const PRECHECK_ITEM_LEVELS = [
  /** Information. */
  'Info',
  /** Warning. */
  'Warning',
  /** Critical. */
  'Fatal',
] as const;
export type PrecheckItemLevel = (typeof PRECHECK_ITEM_LEVELS)[number];
export const precheckItemLevelMeanings: Record<PrecheckItemLevel, string> = {
  Info: 'Information.',
  Warning: 'Warning.',
  Fatal: 'Critical.',
};

/** `skippedCheckItemList[].resourceSelector.key`: `node.uid` = node UID (the only option). */
export const SKIPPED_CHECK_ITEM_SELECTOR_KEYS = ['node.uid'] as const;
/** `skippedCheckItemList[].resourceSelector.operator` (the only option; capitalised, unlike `nodeSelector`). */
export const SKIPPED_CHECK_ITEM_SELECTOR_OPERATORS = ['In'] as const;

/** `status.phase` of a post-check task (Table 4-303). The reference gives no meanings. */
export const POSTCHECK_PHASES = ['Success', 'Failed', 'Error'] as const;
export type PostcheckPhase = (typeof POSTCHECK_PHASES)[number];

// ---------------------------------------------------------------------------------------------
// Enumerations: backups (4.3.9, 4.3.10)
// ---------------------------------------------------------------------------------------------

/**
 * Backup task phases seen or assumed. The reference does not enumerate them (digest D-10); the only
 * example shows `Running`. Responses accept any string.
 */
// AMBIG (digest §5.3, D-10): chose the upgrade task's words as the known set, because the backup is
// part of the same upgrade service and the example's `Running` is one of them.
export const KNOWN_SNAPSHOT_TASK_PHASES = ['Init', 'Queuing', 'Running', 'Success', 'Failed'] as const;
/** Whether a backup task may still change; an unknown phase is not polled forever. */
export function isTransitionalSnapshotPhase(phase: string | null | undefined): boolean {
  return phaseIn(['Init', 'Queuing', 'Running'], phase);
}

// ---------------------------------------------------------------------------------------------
// Enumerations: upgrade workflow (4.3.14–4.3.17)
// ---------------------------------------------------------------------------------------------

/** `status.phase` of an upgrade workflow ("upgrade process booting task"). */
export const WORKFLOW_PHASES = [
  /** No task is running in the upgrade process. */
  'Init',
  /** Some tasks in the upgrade process are being executed. */
  'Running',
  /** A task in the upgrade process fails to be executed (retry or cancel). */
  'Pending',
  /** All tasks in the upgrade process have been executed. */
  'Success',
  /** The upgrade process has been canceled. */
  'Cancel',
] as const;
export type WorkflowPhase = (typeof WORKFLOW_PHASES)[number];
export const workflowPhaseMeanings: Record<WorkflowPhase, string> = {
  Init: 'No task is running in the upgrade process.',
  Running: 'Some tasks in the upgrade process are being executed.',
  Pending: 'A task in the upgrade process fails to be executed.',
  Success: 'All tasks in the upgrade process have been executed.',
  Cancel: 'The upgrade process has been canceled.',
};

/** Workflow phases in which the service is moving the workflow on its own: poll. */
export const TRANSITIONAL_WORKFLOW_PHASES = ['Running'] as const satisfies readonly WorkflowPhase[];
/** Workflow phases after which the workflow is closed. */
export const FINISHED_WORKFLOW_PHASES = ['Success', 'Cancel'] as const satisfies readonly WorkflowPhase[];
/**
 * Phases of a workflow the operator can still resume. A freshly created workflow has no phase at all
 * (4.3.14 example) and is open too.
 */
export const OPEN_WORKFLOW_PHASES = ['Init', 'Running', 'Pending'] as const satisfies readonly WorkflowPhase[];

export function isTransitionalWorkflowPhase(phase: string | null | undefined): boolean {
  return phaseIn(TRANSITIONAL_WORKFLOW_PHASES, phase);
}
/** Whether a workflow is open (not Success/Cancel); no phase = just created = open. */
export function isWorkflowOpen(phase: string | null | undefined): boolean {
  return !phase || phaseIn(OPEN_WORKFLOW_PHASES, phase);
}

/** `pointStatuses[].taskType` (and `lineStatuses[].startPoint/endPoint.taskType`). */
export const WORKFLOW_TASK_TYPES = [
  /** A cluster upgrade task (`UpgradeAutopilotCluster`). */
  'Cluster',
  /** A cluster pre-upgrade check task (`CreateAutopilotPreCheck`). */
  'PreCheck',
  /** A cluster rollback task (no operation of the reference starts one). */
  'Rollback',
  /** A cluster upgrade snapshot task (`CreateAutopilotClusterMasterSnapshot`). */
  'Snapshot',
  /** A cluster post-upgrade check task (`CreateAutopilotPostCheck`). */
  'PostCheck',
] as const;
export type WorkflowTaskType = (typeof WORKFLOW_TASK_TYPES)[number];
export const workflowTaskTypeMeanings: Record<WorkflowTaskType, string> = {
  Cluster: 'A cluster upgrade task.',
  PreCheck: 'A cluster pre-upgrade check task.',
  Rollback: 'A cluster rollback task.',
  Snapshot: 'A cluster upgrade snapshot task.',
  PostCheck: 'A cluster post-upgrade check task.',
};

/** `pointStatuses[].status`. A point that has not started carries no status at all (examples). */
export const WORKFLOW_POINT_STATUSES = [
  /** The task is in the initial state. */
  'Init',
  /** The task is in the execution queue. */
  'Queuing',
  /** The task is being executed. */
  'Running',
  /** The task has been executed. */
  'Success',
  /** Executing the task failed. */
  'Failed',
] as const;
export type WorkflowPointStatus = (typeof WORKFLOW_POINT_STATUSES)[number];
export const workflowPointStatusMeanings: Record<WorkflowPointStatus, string> = {
  Init: 'The task is in the initial state.',
  Queuing: 'The task is in the execution queue.',
  Running: 'The task is being executed.',
  Success: 'The task has been executed.',
  Failed: 'Executing the task failed.',
};
export const TRANSITIONAL_WORKFLOW_POINT_STATUSES = ['Init', 'Queuing', 'Running'] as const satisfies readonly WorkflowPointStatus[];
export function isTransitionalWorkflowPointStatus(status: string | null | undefined): boolean {
  return phaseIn(TRANSITIONAL_WORKFLOW_POINT_STATUSES, status);
}

/** `status.phase` values `UpgradeAutopilotWorkFlowUpdate` accepts: "Only Cancel is supported." */
export const WORKFLOW_UPDATE_PHASES = [
  /** The upgrade is canceled. */
  'Cancel',
] as const;

// ---------------------------------------------------------------------------------------------
// Enumerations: upgrade configuration (4.3.1) and feature gates (4.3.13)
// ---------------------------------------------------------------------------------------------

/** `strategy.type`: `inPlaceRollingUpdate` = in-place upgrade (the only option). */
export const UPGRADE_STRATEGY_TYPES = ['inPlaceRollingUpdate'] as const;

/** `strategy.inPlaceRollingUpdate.scope`: scope of the node upgrade batch. */
export const IN_PLACE_UPGRADE_SCOPES = [
  /** Default: the upgrade batch remains unchanged throughout the entire upgrade process. */
  'Cluster',
  /** The upgrade batch is reset for each individual node pool. */
  'NodePool',
] as const;
export type InPlaceUpgradeScope = (typeof IN_PLACE_UPGRADE_SCOPES)[number];
export const inPlaceUpgradeScopeMeanings: Record<InPlaceUpgradeScope, string> = {
  Cluster: 'The upgrade batch will remain unchanged throughout the entire upgrade process.',
  NodePool: 'The upgrade batch will be reset for each individual node pool.',
};

/** `addons[].operation`: `patch` = the add-on version will be upgraded (the only option). */
export const ADDON_UPGRADE_OPERATIONS = ['patch'] as const;

/** `nodeOrder[pool][].nodeSelector.operator` (lowercase, unlike the pre-check selector's `In`). */
export const NODE_SELECTOR_OPERATORS = ['in', 'notin', 'exists', '!', 'gt', 'lt'] as const;

/** `userDefinedStep`: maximum nodes per batch, 1 to 60, default 20. */
export const USER_DEFINED_STEP_MIN = 1;
export const USER_DEFINED_STEP_MAX = 60;
export const USER_DEFINED_STEP_DEFAULT = 20;

/** Key of the default node pool in `nodePoolOrder` and `nodeOrder`. */
export const DEFAULT_NODE_POOL_KEY = 'DefaultPool';

/**
 * The batch sizes of an in-place upgrade of `nodes` nodes: 1, 2, 4, … doubling up to `step` ("One
 * node is upgraded in the first batch, two nodes in the second batch, and … increases by a power of 2
 * until the maximum number of nodes to be upgraded in each batch is reached").
 */
export function upgradeBatchSizes(nodes: number, step: number = USER_DEFINED_STEP_DEFAULT): number[] {
  const sizes: number[] = [];
  let left = Math.max(0, Math.floor(nodes));
  let batch = 1;
  const max = Math.max(1, Math.floor(step));
  while (left > 0) {
    const size = Math.min(batch, max, left);
    sizes.push(size);
    left -= size;
    batch *= 2;
  }
  return sizes;
}

/** Keys of `upgradeFeatureGates` (4.3.13). */
export const UPGRADE_FEATURE_GATES = [
  /** Displaying details about all cluster check items before an upgrade. */
  'DisplayPreCheckDetail',
  /** Using EVS snapshots to back up clusters. */
  'EvsSnapshot',
  /** Labeling the nodes skipped during a cluster upgrade. */
  'LabelForSkippedNode',
  /** Specifying cluster upgrade policies. */
  'UpgradeStrategy',
] as const;
export type UpgradeFeatureGate = (typeof UPGRADE_FEATURE_GATES)[number];
export const upgradeFeatureGateMeanings: Record<UpgradeFeatureGate, string> = {
  DisplayPreCheckDetail: 'Displaying details about all cluster check items before an upgrade.',
  EvsSnapshot: 'Using EVS snapshots to back up clusters.',
  LabelForSkippedNode: 'Labeling the nodes skipped during a cluster upgrade.',
  UpgradeStrategy: 'Specifying cluster upgrade policies.',
};

/** Values of `upgradeFeatureGates`. */
export const FEATURE_GATE_VALUES = [
  /** The feature is supported. */
  'Support',
  /** The feature is disabled. */
  'Disable',
  /** Determined using default CCE rules. */
  'Default',
] as const;
export type FeatureGateValue = (typeof FEATURE_GATE_VALUES)[number];
export const featureGateValueMeanings: Record<FeatureGateValue, string> = {
  Support: 'Supported.',
  Disable: 'Disabled.',
  Default: 'Determined using default CCE rules.',
};

// ---------------------------------------------------------------------------------------------
// Versions
// ---------------------------------------------------------------------------------------------

/** A full cluster patch version as the console shows it: `v1.27.2-r0`. */
export const PATCH_VERSION_PATTERN = /^v\d+\.\d+\.\d+-r\d+$/;

/**
 * Whether `target` is later than `current`. A target without a patch on the same minor version is
 * accepted: "If you enter a major version, the latest patch version is automatically selected", which
 * may be later. `undefined` when either is not a version.
 */
export function isLaterVersion(target: string, current: string): boolean | undefined {
  const t = parseKubernetesVersion(target);
  const c = parseKubernetesVersion(current);
  if (!t || !c) return undefined;
  const order = [
    [t.major, c.major],
    [t.minor, c.minor],
  ] as const;
  for (const [a, b] of order) if (a !== b) return a > b;
  if (t.patch === undefined) return true;
  if (t.patch !== (c.patch ?? 0)) return t.patch > (c.patch ?? 0);
  return (t.revision ?? 0) > (c.revision ?? 0);
}

const versionSchema = (what: string) =>
  z.string({ error: `${what} is required` }).regex(KUBERNETES_VERSION_PATTERN, `${what} must be a cluster version such as v1.28 or v1.27.3-r0`);

const patchVersionSchema = (what: string) =>
  z.string({ error: `${what} is required` }).regex(PATCH_VERSION_PATTERN, `${what} must be the cluster's patch version, such as v1.27.2-r0`);

const idSchema = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} must not be empty`);

// ---------------------------------------------------------------------------------------------
// Shared response pieces
// ---------------------------------------------------------------------------------------------

/** `progress` is a string in every example (`"0.00"`, `"67"`); a number is accepted too. */
const progressSchema = z.union([z.string(), z.number()]);

/**
 * The optional string fields of a response object, in the order given: most of what the responses of
 * this area carry (IDs, versions, times, names) is an optional string.
 */
function optionalStrings<const K extends readonly string[]>(...keys: K): { [P in K[number]]: z.ZodOptional<z.ZodString> } {
  return Object.fromEntries(keys.map((key) => [key, z.string().optional()])) as { [P in K[number]]: z.ZodOptional<z.ZodString> };
}

/** `apiVersion` (`v3`, `v3.1`) and `kind` (`UpgradeTask`, `PreCheckTask`, `List`, …) of a response. */
const typeMeta = optionalStrings('apiVersion', 'kind');

/** A task's `metadata`: its ID (what the `Show…` operation takes) and its creation and update times. */
const taskMetadataSchema = z.looseObject(optionalStrings('uid', 'creationTimestamp', 'updateTimestamp'));

/** A list response: `kind: List`, `metadata: {}` in the examples, and `items`. */
const listResponseSchema = <T extends z.ZodType>(item: T) => z.looseObject({ ...typeMeta, metadata: upgradeMetadataSchema.nullish(), items: itemsList(item) });

/** `spec` of a check task or a workflow: the cluster, its version (when the task was created) and the target. */
const checkSpecShape = optionalStrings('clusterID', 'clusterVersion', 'targetVersion');

/** The progress of a task as a number (`"0.00"` → 0, `"67"` → 67); the unit is not documented (percent is likely). */
export function progressValue(progress: string | number | null | undefined): number | undefined {
  if (progress === null || progress === undefined || progress === '') return undefined;
  const n = typeof progress === 'number' ? progress : Number(progress);
  return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Upgrade a cluster (4.3.1)
// ---------------------------------------------------------------------------------------------

const nodeSelectorOperatorSchema = z.enum(NODE_SELECTOR_OPERATORS, { error: `operator must be one of ${NODE_SELECTOR_OPERATORS.join(', ')}` });

/** A batch of nodes of one pool, chosen by label, with its priority (higher first). */
export const nodePrioritySchema = z.object({
  /** Node label selector ("Only labels on the nodes are allowed."). */
  nodeSelector: z.object(
    {
      /** Label key. */
      key: idSchema('nodeSelector.key'),
      /** Label values (singular `value`, unlike the pre-check's `values`). */
      value: z.array(z.string()).optional(),
      operator: nodeSelectorOperatorSchema,
    },
    { error: 'nodeSelector is required' },
  ),
  // AMBIG (digest §6 C-32): "Options: Positive integers" but "Default value: 0" and Mandatory; chose
  // a required non-negative integer, because 0 is the documented default and lowest priority.
  /** Priority of the batch; larger = higher. */
  priority: z.int({ error: 'priority must be an integer' }).min(0, 'priority must not be negative'),
});

/** One add-on to upgrade together with the cluster. */
export const upgradeAddonConfigSchema = z.object({
  /** Name of an add-on installed in the cluster. */
  addonTemplateName: idSchema('addonTemplateName'),
  /** `patch`: the add-on version will be upgraded. */
  operation: z.enum(ADDON_UPGRADE_OPERATIONS, { error: 'operation must be "patch"' }),
  /** Target add-on version; "must match the target cluster version". */
  version: idSchema('version'),
  /** Add-on parameters. */
  values: z.record(z.string(), z.unknown()).optional(),
});
export type UpgradeAddonConfig = z.infer<typeof upgradeAddonConfigSchema>;

export const upgradeStrategySchema = z
  .object(
    {
      /** Upgrade policy type. */
      type: z.enum(UPGRADE_STRATEGY_TYPES, { error: 'strategy.type must be "inPlaceRollingUpdate"' }),
      /** In-place upgrade configuration; mandatory when the type is `inPlaceRollingUpdate`. */
      inPlaceRollingUpdate: z
        .object({
          /** Maximum number of nodes upgraded per batch (1–60, default 20). */
          userDefinedStep: z
            .int({ error: 'userDefinedStep must be an integer' })
            .min(USER_DEFINED_STEP_MIN, `userDefinedStep must be ${USER_DEFINED_STEP_MIN} to ${USER_DEFINED_STEP_MAX}`)
            .max(USER_DEFINED_STEP_MAX, `userDefinedStep must be ${USER_DEFINED_STEP_MIN} to ${USER_DEFINED_STEP_MAX}`)
            .optional(),
          /** Scope of the node upgrade batch (default `Cluster`). */
          scope: z.enum(IN_PLACE_UPGRADE_SCOPES, { error: 'scope must be "Cluster" or "NodePool"' }).optional(),
        })
        .optional(),
    },
    { error: 'strategy is required' },
  )
  .refine((s) => s.type !== 'inPlaceRollingUpdate' || s.inPlaceRollingUpdate !== undefined, {
    message: 'inPlaceRollingUpdate is required for the in-place upgrade policy',
    path: ['inPlaceRollingUpdate'],
  });

const nodePoolPrioritySchema = z.int({ error: 'node pool priority must be an integer' }).min(0, 'node pool priority must not be negative');

/** Body of `UpgradeAutopilotCluster` (Tables 4-210 … 4-218). */
export const upgradeClusterBodySchema = z.object({
  metadata: z.object(
    {
      apiVersion: z.literal('v3', { error: 'metadata.apiVersion must be "v3"' }),
      kind: z.literal('UpgradeTask', { error: 'metadata.kind must be "UpgradeTask"' }),
    },
    { error: 'metadata is required' },
  ),
  spec: z.object(
    {
      // AMBIG (digest §6 C-33): `clusterUpgradeAction` is Mandatory "No" but holds the mandatory
      // `strategy` and `targetVersion`; chose required, since without it no target version is named.
      clusterUpgradeAction: z.object(
        {
          addons: z.array(upgradeAddonConfigSchema).optional(),
          /** Node batches per node pool ID (`DefaultPool` for the default pool). */
          nodeOrder: z.record(z.string().min(1), z.array(nodePrioritySchema)).optional(),
          /** Node pool priorities by node pool ID (`DefaultPool`); 0 (default) is the lowest. */
          nodePoolOrder: z.record(z.string().min(1), nodePoolPrioritySchema).optional(),
          strategy: upgradeStrategySchema,
          // AMBIG (digest D-13): the example sends `v1.23` and the response resolves it to
          // `v1.23.8-r0`; both a minor and a full patch version are accepted.
          /** Target cluster version, later than the current one. */
          targetVersion: versionSchema('targetVersion'),
        },
        { error: 'clusterUpgradeAction (target version and strategy) is required' },
      ),
    },
    { error: 'spec is required' },
  ),
});
export type UpgradeClusterBody = z.infer<typeof upgradeClusterBodySchema>;

/** Response of `UpgradeAutopilotCluster`: the new upgrade task's ID and the resolved configuration. */
export const upgradeClusterResponseSchema = z.looseObject({
  /** `uid`: the upgrade task ID, for `ShowAutopilotUpgradeClusterTask`. */
  metadata: z.looseObject(optionalStrings('uid')).optional(),
  spec: z
    .looseObject({
      clusterUpgradeAction: z
        .looseObject({
          // `version`: the current cluster version; `targetVersion`: resolved to a patch version (e.g.
          // `v1.23.8-r0`); `targetPlatformVersion`: internal platform version of the target (e.g.
          // `cce.10`), which cannot be specified.
          ...optionalStrings('version', 'targetVersion', 'targetPlatformVersion'),
          strategy: z
            .looseObject({
              type: openEnum(UPGRADE_STRATEGY_TYPES).optional(),
              inPlaceRollingUpdate: z
                .looseObject({
                  /** Maximum nodes per batch. */
                  userDefinedStep: z.number().optional(),
                  scope: openEnum(IN_PLACE_UPGRADE_SCOPES).optional(),
                })
                .optional(),
            })
            .optional(),
          /** Cluster configuration specified during the upgrade (no request field sets it). */
          config: z.record(z.string(), z.unknown()).nullish(),
        })
        .optional(),
    })
    .optional(),
});
export type UpgradeClusterResponse = z.infer<typeof upgradeClusterResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Upgrade tasks (4.3.2, 4.3.4) and upgrade info (4.3.11)
// ---------------------------------------------------------------------------------------------

/** `{phase, progress, completionTime}` of an upgrade task (`UpgradeInfoStatus` in 4.3.11). */
const upgradeTaskStatusSchema = z.looseObject({
  phase: openEnum(UPGRADE_TASK_PHASES).optional(),
  /** Upgrade task progress, a string such as `"0.00"` (see `progressValue`). */
  progress: progressSchema.optional(),
  /** End time of the upgrade task (present in examples even while `Init`). */
  completionTime: z.string().optional(),
});

/** An upgrade task (`ShowAutopilotUpgradeClusterTask`, `items[]` of the list). */
export const upgradeTaskSchema = z.looseObject({
  /** `v3`, `UpgradeTask`. */
  ...typeMeta,
  metadata: taskMetadataSchema.optional(),
  spec: z
    .looseObject({
      /** The source (`version`) and target cluster versions. */
      ...optionalStrings('version', 'targetVersion'),
      /** Additional information about the upgrade task (never shown in the reference). */
      items: z.record(z.string(), z.unknown()).nullish(),
    })
    .optional(),
  status: upgradeTaskStatusSchema.optional(),
});
export type UpgradeTask = z.infer<typeof upgradeTaskSchema>;

/** Response of `ListAutopilotUpgradeClusterTasks` (`kind: List`, unpaginated). */
export const upgradeTaskListSchema = listResponseSchema(upgradeTaskSchema);
export type UpgradeTaskList = z.infer<typeof upgradeTaskListSchema>;

/** Response of `ShowAutopilotClusterUpgradeInfo`. */
export const upgradeInfoSchema = z.looseObject({
  /** `UpgradeInfo`. */
  ...typeMeta,
  metadata: upgradeMetadataSchema.nullish(),
  spec: z
    .looseObject({
      /** The last cluster upgrade. */
      lastUpgradeInfo: upgradeTaskStatusSchema.optional(),
      versionInfo: z
        .looseObject({
          /** The official version (`release`, e.g. `v1.27.2`), its patch (`r0`) and the recommended target patch (`suggestPatch`, `r0`). */
          ...optionalStrings('release', 'patch', 'suggestPatch'),
          /** Versions the cluster can be upgraded to, e.g. `v1.27.3-r0`. */
          targetVersions: optionalList(z.string()).optional(),
        })
        .optional(),
      upgradeFeatureGates: z
        .looseObject({
          /** Whether the cluster upgrade console supports v4 (used by the CCE console). */
          supportUpgradePageV4: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
  /** Status of the current (or last) upgrade task. */
  status: upgradeTaskStatusSchema.extend({ phase: openEnum(UPGRADE_INFO_PHASES).optional() }).optional(),
});
export type UpgradeInfo = z.infer<typeof upgradeInfoSchema>;

/**
 * The cluster's current patch version from its upgrade info (`release` + `-` + `patch`, e.g.
 * `v1.27.2-r0`), as the pre-check's `clusterVersion` wants it.
 */
// AMBIG (digest §5.6): the reference never says how to build the "patch version"; joining release and
// patch is the only reading that yields the documented form (`v1.15.11-r1`).
export function currentPatchVersion(info: UpgradeInfo): string | undefined {
  const release = info.spec?.versionInfo?.release;
  const patch = info.spec?.versionInfo?.patch;
  if (!release) return undefined;
  return patch ? `${release}-${patch}` : release;
}

// ---------------------------------------------------------------------------------------------
// Feature gates (4.3.13); upgrade paths (4.3.12) are in upgrade-paths.ts
// ---------------------------------------------------------------------------------------------

/** Response of `ListAutopilotClusterUpgradeFeatureGates` (global). */
export const upgradeFeatureGatesSchema = z.looseObject({
  /** `ClusterUpgradeFeatureGates`. */
  ...typeMeta,
  metadata: upgradeMetadataSchema.nullish(),
  /** Gate (`UPGRADE_FEATURE_GATES`) → `Support` / `Disable` / `Default`. */
  upgradeFeatureGates: z.record(z.string(), z.string()).nullish(),
});
export type UpgradeFeatureGates = z.infer<typeof upgradeFeatureGatesSchema>;

// ---------------------------------------------------------------------------------------------
// Pre-check (4.3.5 – 4.3.7)
// ---------------------------------------------------------------------------------------------

/** A check item to skip; node items can be narrowed to nodes with `resourceSelector`. */
export const skippedCheckItemSchema = z.object({
  /** Name of the check item, e.g. `NodeContainererdPodRestartRisk`. */
  name: z.string().min(1, 'name must not be empty').optional(),
  /** Nodes to skip the item for; "available only for node check, but not for cluster check or add-on check". */
  resourceSelector: z
    .object({
      key: z.enum(SKIPPED_CHECK_ITEM_SELECTOR_KEYS, { error: 'resourceSelector.key must be "node.uid"' }),
      /** Node UIDs. */
      values: z.array(z.string().min(1)).optional(),
      operator: z.enum(SKIPPED_CHECK_ITEM_SELECTOR_OPERATORS, { error: 'resourceSelector.operator must be "In"' }),
    })
    .optional(),
});

/** Body of `CreateAutopilotPreCheck` (Tables 4-238 … 4-241). */
export const precheckBodySchema = z.object({
  apiVersion: z.literal('v3', { error: 'apiVersion must be "v3"' }),
  kind: z.literal('PreCheckTask', { error: 'kind must be "PreCheckTask"' }),
  spec: z
    .object(
      {
        /** Cluster ID (the path's `cluster_id` again). */
        clusterID: idSchema('clusterID'),
        /** The current cluster's patch version, e.g. `v1.15.11-r1`. */
        clusterVersion: patchVersionSchema('clusterVersion'),
        /** Target version; a minor version (`v1.23`) selects its latest patch. */
        targetVersion: versionSchema('targetVersion'),
        skippedCheckItemList: z.array(skippedCheckItemSchema).optional(),
      },
      { error: 'spec is required' },
    )
    .refine((s) => isLaterVersion(s.targetVersion, s.clusterVersion) !== false, {
      message: 'targetVersion must be later than the current cluster version',
      path: ['targetVersion'],
    }),
});
export type PrecheckBody = z.infer<typeof precheckBodySchema>;

/** What a check item found; one list per kind of risk. */
export const riskSourceSchema = z.looseObject({
  /** Configuration changes the upgrade makes. */
  // `package`: the component; `sourceFile`: where the configuration comes from ("How to Obtain");
  // `nodeMsg`: node information; `field`: the parameter; `operation`: the change operation type;
  // `originalValue` and `value` (the current one).
  configurationRisks: optionalList(
    z.looseObject(optionalStrings('package', 'sourceFile', 'nodeMsg', 'field', 'operation', 'originalValue', 'value')),
  ).optional(),
  /** Calls to APIs the target version removes. */
  // `url`: the request path, e.g. `/apis/policy/v1beta1/podsecuritypolicies`; `userAgent`: the client.
  deprecatedAPIRisks: optionalList(z.looseObject(optionalStrings('url', 'userAgent'))).optional(),
  /** Worker nodes at risk (note the capital `NodeID`). */
  nodeRisks: optionalList(z.looseObject({ NodeID: z.string().optional() })).optional(),
  /** Add-ons at risk. */
  // The add-on template name (`coredns`) and its alias (`CoreDNS`).
  addonRisks: optionalList(z.looseObject(optionalStrings('addonTemplateName', 'alias'))).optional(),
});
export type RiskSource = z.infer<typeof riskSourceSchema>;

/** One check item's result (`PreCheckItemStatus`). */
export const precheckItemStatusSchema = z.looseObject({
  /** Check item name, e.g. `DeprecatedApiCheck`. */
  name: z.string().optional(),
  /** `Exception` (must be resolved) or `Risk` (can be skipped once confirmed). */
  kind: openEnum(PRECHECK_ITEM_KINDS).optional(),
  group: openEnum(PRECHECK_ITEM_GROUPS).optional(),
  /** Severity. */
  level: openEnum(PRECHECK_ITEM_LEVELS).optional(),
  phase: openEnum(PRECHECK_STAGE_PHASES).optional(),
  /** `check item succeed`, or what is wrong. */
  message: z.string().optional(),
  riskSource: riskSourceSchema.nullish(),
  errorCodes: optionalList(z.string()).optional(),
});
export type PrecheckItemStatus = z.infer<typeof precheckItemStatusSchema>;

const precheckStageSchema = z.looseObject({
  phase: openEnum(PRECHECK_STAGE_PHASES).optional(),
  /** The stage's check items. */
  itemsStatus: optionalList(precheckItemStatusSchema).optional(),
});

/** The node stage: per-node check items. */
const nodeCheckStatusSchema = z.looseObject({
  phase: openEnum(PRECHECK_STAGE_PHASES).optional(),
  nodeStageStatus: optionalList(
    z.looseObject({
      /** The node checked (`uid` is the node UID). */
      nodeInfo: z.looseObject(optionalStrings('uid', 'name', 'status', 'nodeType')).optional(),
      itemsStatus: optionalList(precheckItemStatusSchema).optional(),
    }),
  ).optional(),
});

/** `PrecheckStatus`. */
export const precheckStatusSchema = z.looseObject({
  phase: openEnum(PRECHECK_PHASES).optional(),
  /** When the check result expires (1 h after completion in the examples). */
  expireTimeStamp: z.string().optional(),
  /** Typically the log of an execution error. */
  message: z.string().optional(),
  /** Cluster restriction checks. */
  clusterCheckStatus: precheckStageSchema.optional(),
  /** Add-on checks. */
  addonCheckStatus: precheckStageSchema.optional(),
  /** Node checks. */
  nodeCheckStatus: nodeCheckStatusSchema.optional(),
});
export type PrecheckStatus = z.infer<typeof precheckStatusSchema>;

const skippedCheckItemResponseSchema = z.looseObject({
  name: z.string().optional(),
  resourceSelector: z.looseObject({ ...optionalStrings('key', 'operator'), values: optionalList(z.string()).optional() }).optional(),
});

/** A pre-check task (`CreateAutopilotPreCheck` response, `ShowAutopilotPreCheck`, list `items[]`). */
export const precheckTaskSchema = z.looseObject({
  /** `PreCheckTask`. */
  ...typeMeta,
  /** `uid`: the pre-check task ID, for `ShowAutopilotPreCheck`. */
  metadata: taskMetadataSchema.optional(),
  spec: z
    .looseObject({
      ...checkSpecShape,
      skippedCheckItemList: optionalList(skippedCheckItemResponseSchema).optional(),
    })
    .optional(),
  status: precheckStatusSchema.optional(),
});
export type PrecheckTask = z.infer<typeof precheckTaskSchema>;

/** Response of `ListAutopilotPreCheckTasks`. */
export const precheckTaskListSchema = listResponseSchema(precheckTaskSchema);
export type PrecheckTaskList = z.infer<typeof precheckTaskListSchema>;

/** Where an item sits in a pre-check result. */
export type PrecheckStage = 'cluster' | 'addon' | 'node';

export interface PrecheckItemEntry {
  stage: PrecheckStage;
  /** For node items: the node checked. */
  node?: { uid?: string | undefined; name?: string | undefined } | undefined;
  item: PrecheckItemStatus;
}

/** Every check item of a pre-check, flattened, in the order cluster → add-on → nodes. */
export function precheckItems(status: PrecheckStatus | undefined): PrecheckItemEntry[] {
  if (!status) return [];
  const entries: PrecheckItemEntry[] = [];
  for (const item of status.clusterCheckStatus?.itemsStatus ?? []) entries.push({ stage: 'cluster', item });
  for (const item of status.addonCheckStatus?.itemsStatus ?? []) entries.push({ stage: 'addon', item });
  for (const node of status.nodeCheckStatus?.nodeStageStatus ?? []) {
    for (const item of node.itemsStatus ?? []) entries.push({ stage: 'node', node: { uid: node.nodeInfo?.uid, name: node.nodeInfo?.name }, item });
  }
  return entries;
}

/**
 * What a check item means for the upgrade: a failed `Exception` must be resolved (`blocking`), a
 * failed `Risk` "can be skipped after you confirm" it (`confirm`). [INF] from the kind meanings; the
 * reference does not say whether the upgrade itself refuses to start (digest D-4).
 */
export function precheckItemOutcome(item: PrecheckItemStatus): 'passed' | 'pending' | 'blocking' | 'confirm' {
  const phase = canonicalPhase(PRECHECK_STAGE_PHASES, item.phase);
  if (phase === 'Success') return 'passed';
  if (phase === 'Failed') return canonicalPhase(PRECHECK_ITEM_KINDS, item.kind) === 'Risk' ? 'confirm' : 'blocking';
  return 'pending';
}

/** When a pre-check result expires, or `undefined` when it has no (readable) expiry. */
export function precheckExpiry(task: PrecheckTask): Date | undefined {
  return parseCceTimestamp(task.status?.expireTimeStamp);
}

/** Whether a pre-check result has expired at `now`; a result without an expiry never expires. */
export function isPrecheckExpired(task: PrecheckTask, now: Date = new Date()): boolean {
  const expiry = precheckExpiry(task);
  return expiry !== undefined && expiry.getTime() <= now.getTime();
}

// ---------------------------------------------------------------------------------------------
// Post-check (4.3.8)
// ---------------------------------------------------------------------------------------------

/**
 * Body of `CreateAutopilotPostCheck` (Tables 4-298, 4-299). Note the direction: `clusterVersion` is the
 * **source** (pre-upgrade) version and `targetVersion` the **current** (upgraded) version.
 */
export const postcheckBodySchema = z.object({
  apiVersion: z.literal('v3', { error: 'apiVersion must be "v3"' }),
  kind: z.literal('PostCheckTask', { error: 'kind must be "PostCheckTask"' }),
  spec: z.object(
    {
      clusterID: idSchema('clusterID').optional(),
      /** Source (pre-upgrade) cluster version. */
      clusterVersion: versionSchema('clusterVersion').optional(),
      /** Current (post-upgrade) cluster version. */
      targetVersion: versionSchema('targetVersion').optional(),
    },
    { error: 'spec is required' },
  ),
});
export type PostcheckBody = z.infer<typeof postcheckBodySchema>;

/** Response of `CreateAutopilotPostCheck`; the result is already in `status.phase` (no GET exists). */
export const postcheckTaskSchema = z.looseObject({
  /** `PostCheckTask`. */
  ...typeMeta,
  /** `uid`: the post-check task ID. */
  metadata: z.looseObject(optionalStrings('uid')).optional(),
  /** `clusterVersion` is the source version, `targetVersion` the current one. */
  spec: z.looseObject(checkSpecShape).optional(),
  status: z.looseObject({ phase: openEnum(POSTCHECK_PHASES).optional() }).optional(),
});
export type PostcheckTask = z.infer<typeof postcheckTaskSchema>;

// ---------------------------------------------------------------------------------------------
// Backups (4.3.9, 4.3.10)
// ---------------------------------------------------------------------------------------------

/** Response of `CreateAutopilotClusterMasterSnapshot`: `uid` at the top, `kind`/`apiVersion` inside `metadata`. */
export const snapshotCreateResponseSchema = z.looseObject({
  /** Backup task ID (find it in `ListAutopilotClusterMasterSnapshotTasks`). */
  uid: z.string().optional(),
  /** `v3.1`, `Snapshot`. */
  metadata: z.looseObject(typeMeta).optional(),
});
export type SnapshotCreateResponse = z.infer<typeof snapshotCreateResponseSchema>;

/** A backup task (`SnapshotTask`). */
export const snapshotTaskSchema = z.looseObject({
  /** `SnapshotTask`. */
  ...typeMeta,
  /** `uid`: the backup task ID. */
  metadata: taskMetadataSchema.optional(),
  /** "To be deprecated"; `{}` in the example. */
  spec: z
    .looseObject({
      /** Sub-tasks (`id` is the sub-task ID); type and status values are not documented. */
      items: optionalList(z.looseObject(optionalStrings('id', 'type', 'status', 'creationTimestamp', 'updateTimestamp', 'message'))).optional(),
    })
    .nullish(),
  status: z
    .looseObject({
      /** Not enumerated by the reference (see `KNOWN_SNAPSHOT_TASK_PHASES`). */
      phase: openEnum(KNOWN_SNAPSHOT_TASK_PHASES).optional(),
      /** e.g. `"67"`. */
      progress: progressSchema.optional(),
      completionTime: z.string().optional(),
    })
    .optional(),
});
export type SnapshotTask = z.infer<typeof snapshotTaskSchema>;

/** Response of `ListAutopilotClusterMasterSnapshotTasks`. */
export const snapshotTaskListSchema = listResponseSchema(snapshotTaskSchema).extend({
  /** `latestBackupTime`: the time of the latest backup. */
  status: z.looseObject(optionalStrings('latestBackupTime')).optional(),
});
export type SnapshotTaskList = z.infer<typeof snapshotTaskListSchema>;

// ---------------------------------------------------------------------------------------------
// Upgrade workflows (4.3.14 – 4.3.17)
// ---------------------------------------------------------------------------------------------

/** Body of `CreateAutopilotUpgradeWorkFlow` (Tables 4-331, 4-332). */
export const createUpgradeWorkflowBodySchema = z.object({
  kind: z.literal('WorkFlowTask', { error: 'kind must be "WorkFlowTask"' }),
  apiVersion: z.literal('v3', { error: 'apiVersion must be "v3"' }),
  spec: z.object(
    {
      // AMBIG (digest §6 A-2): Mandatory "Yes" in the table, but the example request and every SDK
      // sample send only `targetVersion`; chose optional so the documented example is valid (the
      // cluster is in the path anyway). The console always sends it.
      /** Cluster ID (the path's `cluster_id` again). */
      clusterID: idSchema('clusterID').optional(),
      /** Current cluster version. */
      clusterVersion: versionSchema('clusterVersion').optional(),
      /** Target cluster version, e.g. `v1.28` or `v1.27.3-r0`. */
      targetVersion: versionSchema('targetVersion'),
    },
    { error: 'spec is required' },
  ),
});
export type CreateUpgradeWorkflowBody = z.infer<typeof createUpgradeWorkflowBodySchema>;

/**
 * Body of `UpgradeAutopilotWorkFlowUpdate`: `{"status": {"phase": "Cancel"}}`, the only update.
 */
// AMBIG (digest §6 C-33): `status` and `status.phase` are Mandatory "No" although they are the whole
// purpose of the call; chose required, because an empty update has nothing to do.
export const updateUpgradeWorkflowBodySchema = z.object({
  status: z.object(
    {
      phase: z.enum(WORKFLOW_UPDATE_PHASES, { error: 'status.phase must be "Cancel" (the only supported update)' }),
    },
    { error: 'status is required' },
  ),
});
export type UpdateUpgradeWorkflowBody = z.infer<typeof updateUpgradeWorkflowBodySchema>;

const taskTypeRefSchema = z.looseObject({ taskType: openEnum(WORKFLOW_TASK_TYPES).optional() });

/** One task of the workflow (`PointStatus`). A point that has not started carries only `taskType`. */
export const workflowPointSchema = z.looseObject({
  taskType: openEnum(WORKFLOW_TASK_TYPES).optional(),
  status: openEnum(WORKFLOW_POINT_STATUSES).optional(),
  // `taskID`: the task behind the point (e.g. the pre-check uid for `PreCheck`); its start and end
  // times; `expireTimeStamp`: the expiration time (pre-check points only).
  ...optionalStrings('taskID', 'startTimeStamp', 'endTimeStamp', 'expireTimeStamp'),
});
export type WorkflowPoint = z.infer<typeof workflowPointSchema>;

/** An edge of the workflow's execution path (`LineStatus`). */
export const workflowLineSchema = z.looseObject({
  startPoint: taskTypeRefSchema.optional(),
  endPoint: taskTypeRefSchema.optional(),
  /** Whether it is a key path ("An upgrade can be canceled only after the key path is executed"); a String. */
  critical: z.union([z.string(), z.boolean()]).optional(),
});
export type WorkflowLine = z.infer<typeof workflowLineSchema>;

/** `WorkFlowStatus`. */
export const workflowStatusSchema = z.looseObject({
  /** Absent on a freshly created workflow. */
  phase: openEnum(WORKFLOW_PHASES).optional(),
  /** Each task of the upgrade process (PreCheck, Snapshot, Cluster, PostCheck in the examples). */
  pointStatuses: optionalList(workflowPointSchema).optional(),
  /** The execution path (PreCheck → Cluster → PostCheck in the examples; Snapshot is off the path). */
  lineStatuses: optionalList(workflowLineSchema).optional(),
});

/** An upgrade workflow ("upgrade process booting task", `WorkFlowTask`). */
export const upgradeWorkflowSchema = z.looseObject({
  /** `WorkFlowTask`, `v3`. */
  ...typeMeta,
  /** `metadata.uid` is the `upgrade_workflow_id`. */
  metadata: upgradeMetadataSchema.optional(),
  /** `clusterVersion`: the cluster's version when the workflow was created. */
  spec: z.looseObject(checkSpecShape).optional(),
  status: workflowStatusSchema.optional(),
});
export type UpgradeWorkflow = z.infer<typeof upgradeWorkflowSchema>;

/** Response of `ListAutopilotUpgradeWorkFlows`: the cluster's workflows, past and open. */
export const upgradeWorkflowListSchema = z.looseObject({
  /** `List`. */
  ...typeMeta,
  // AMBIG (digest §6 A-4): the table types `items` as one "UpgradeWorkflow object", the example shows
  // an array; both are read, always as an array.
  items: z
    .union([z.array(upgradeWorkflowSchema), upgradeWorkflowSchema])
    .nullish()
    .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
export type UpgradeWorkflowList = z.infer<typeof upgradeWorkflowListSchema>;

/** The point of one task type in a workflow. */
export function workflowPoint(workflow: UpgradeWorkflow, taskType: WorkflowTaskType): WorkflowPoint | undefined {
  return workflow.status?.pointStatuses?.find((p) => p.taskType === taskType);
}

/** Whether a workflow may still change on its own or by a task the operator started: poll it. */
export function isWorkflowInMotion(workflow: UpgradeWorkflow): boolean {
  if (isTransitionalWorkflowPhase(workflow.status?.phase)) return true;
  return (workflow.status?.pointStatuses ?? []).some((p) => isTransitionalWorkflowPointStatus(p.status));
}

const CANCEL_FORBIDDEN_WORKFLOW_PHASES = ['Running', 'Success', 'Cancel'] as const;
// 4.3.17 names `pause` and `queue` too, which the point enum lacks.
const CANCEL_FORBIDDEN_POINT_STATUSES = ['Running', 'Init', 'Pause', 'Queuing'] as const;

/**
 * Whether `UpgradeAutopilotWorkFlowUpdate` may cancel the workflow: "the status of the upgrade process
 * booting task cannot be running, success, or cancel, and the status of the upgrade subtask cannot be
 * running, init, pause, or queue".
 */
// AMBIG (digest D-6): `lineStatuses[].critical` says "An upgrade can be canceled only after the key
// path is executed", yet the 4.3.15 example cancels a workflow before any task ran; no example marks
// an edge critical. Chose to apply the explicit 4.3.17 rule only.
export function canCancelWorkflow(workflow: UpgradeWorkflow): boolean {
  if (phaseIn(CANCEL_FORBIDDEN_WORKFLOW_PHASES, workflow.status?.phase)) return false;
  return !(workflow.status?.pointStatuses ?? []).some((p) => phaseIn(CANCEL_FORBIDDEN_POINT_STATUSES, p.status));
}

// ---------------------------------------------------------------------------------------------
// Error codes the simulator uses for these operations
// ---------------------------------------------------------------------------------------------

/**
 * The reference maps no code to any upgrade operation ("See Error Codes"); this is the mapping the
 * simulator applies (digest §5.7).
 */
export const upgradeErrorCodes = {
  /** Malformed body, or a target version that is not later than the current one. */
  invalidRequest: 'CCE.01400001',
  /** The target version is not one the cluster can be upgraded to. */
  versionNotSupported: 'CCE.01400015',
  unauthorized: 'CCE.01401001',
  /** "Cluster upgrade APIs are available only upon request." */
  forbidden: 'CCE.01403001',
  /** Unknown cluster, task or workflow. */
  notFound: 'CCE.01404001',
  /** An open workflow exists already. */
  alreadyExists: 'CCE.01409001',
  /** The cluster or workflow is busy (e.g. cancel while a task runs, retry with nothing failed). */
  locked: 'CCE.01429002',
  throttled: 'CCE.02429001',
  internalError: 'CCE.01500001',
} as const satisfies Record<string, CceErrorCode>;

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const clusterParams = z.object({ project_id: projectIdParam, cluster_id: clusterIdParam });
const taskParams = z.object({ project_id: projectIdParam, cluster_id: clusterIdParam, task_id: pathSegmentSchema.describe('Task ID') });
const workflowParams = z.object({
  project_id: projectIdParam,
  cluster_id: clusterIdParam,
  upgrade_workflow_id: pathSegmentSchema.describe('Upgrade workflow ID'),
});

/** Starts an upgrade; "Cluster upgrade APIs are available only upon request." */
export const upgradeCluster = defineOperation({
  id: 'UpgradeAutopilotCluster',
  title: 'Upgrading a Cluster',
  resource: 'upgrades',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgrade',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: upgradeClusterBodySchema },
  response: upgradeClusterResponseSchema,
  successStatus: 200,
});

export const showUpgradeTask = defineOperation({
  id: 'ShowAutopilotUpgradeClusterTask',
  title: 'Obtaining Cluster Upgrade Task Details',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgrade/tasks/{task_id}',
  params: taskParams,
  query: null,
  body: null,
  response: upgradeTaskSchema,
  successStatus: 200,
});

/** Re-runs the failed upgrade task: no task ID, no body, and a 200 without a body. */
export const retryUpgradeTask = defineOperation({
  id: 'RetryAutopilotUpgradeClusterTask',
  title: 'Retrying a Cluster Upgrade Task',
  resource: 'upgrades',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgrade/retry',
  params: clusterParams,
  query: null,
  body: null,
  response: null,
  successStatus: 200,
});

export const listUpgradeTasks = defineOperation({
  id: 'ListAutopilotUpgradeClusterTasks',
  title: 'Obtaining a List of Cluster Upgrade Task Details',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgrade/tasks',
  params: clusterParams,
  query: null,
  body: null,
  response: upgradeTaskListSchema,
  successStatus: 200,
});

/** Starts a pre-check; the 200 means "accepted" (`status.phase: Init`), not "passed". */
export const createPrecheck = defineOperation({
  id: 'CreateAutopilotPreCheck',
  title: 'Performing a Pre-upgrade Check for a Cluster',
  resource: 'upgrades',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/precheck',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: precheckBodySchema },
  response: precheckTaskSchema,
  successStatus: 200,
});

export const showPrecheck = defineOperation({
  id: 'ShowAutopilotPreCheck',
  title: 'Obtaining Details About a Pre-upgrade Check Task of a Cluster',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/precheck/tasks/{task_id}',
  // AMBIG (digest §6 C-35): the parameter table calls `task_id` the upgrade task ID; the function text
  // says it is the pre-check task's uid, which is the only reading that makes this operation useful.
  params: taskParams,
  query: null,
  body: null,
  response: precheckTaskSchema,
  successStatus: 200,
});

export const listPrechecks = defineOperation({
  id: 'ListAutopilotPreCheckTasks',
  title: 'Obtaining a List of Pre-upgrade Check Tasks of a Cluster',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/precheck/tasks',
  params: clusterParams,
  query: null,
  body: null,
  response: precheckTaskListSchema,
  successStatus: 200,
});

export const createPostcheck = defineOperation({
  id: 'CreateAutopilotPostCheck',
  title: 'Performing a Post-upgrade Check for a Cluster',
  resource: 'upgrades',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/postcheck',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: postcheckBodySchema },
  response: postcheckTaskSchema,
  successStatus: 200,
});

/** Backs up the cluster (v3.1 path, no body). */
export const createSnapshot = defineOperation({
  id: 'CreateAutopilotClusterMasterSnapshot',
  title: 'Backing Up a Cluster',
  resource: 'upgrades',
  method: 'POST',
  path: '/autopilot/v3.1/projects/{project_id}/clusters/{cluster_id}/operation/snapshot',
  params: clusterParams,
  query: null,
  body: null,
  response: snapshotCreateResponseSchema,
  successStatus: 200,
});

export const listSnapshotTasks = defineOperation({
  id: 'ListAutopilotClusterMasterSnapshotTasks',
  title: 'Obtaining a List of Cluster Backup Task Details',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3.1/projects/{project_id}/clusters/{cluster_id}/operation/snapshot/tasks',
  params: clusterParams,
  query: null,
  body: null,
  response: snapshotTaskListSchema,
  successStatus: 200,
});

export const showUpgradeInfo = defineOperation({
  id: 'ShowAutopilotClusterUpgradeInfo',
  title: 'Obtaining the Cluster Upgrade Information',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/upgradeinfo',
  params: clusterParams,
  query: null,
  body: null,
  response: upgradeInfoSchema,
  successStatus: 200,
});

/** Global: the upgrade feature gates (no project, no cluster). */
export const listUpgradeFeatureGates = defineOperation({
  id: 'ListAutopilotClusterUpgradeFeatureGates',
  title: 'Obtaining the Configuration of Cluster Upgrade Feature Gates',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/clusterupgradefeaturegates',
  params: z.object({}),
  query: null,
  body: null,
  response: upgradeFeatureGatesSchema,
  successStatus: 200,
});

/** Opens the guided upgrade ("booting task"); answers 201. */
export const createUpgradeWorkflow = defineOperation({
  id: 'CreateAutopilotUpgradeWorkFlow',
  title: 'Enabling the Cluster Upgrade Process Booting Task',
  resource: 'upgrades',
  method: 'POST',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgradeworkflows',
  params: clusterParams,
  query: null,
  body: { kind: 'json', schema: createUpgradeWorkflowBodySchema },
  response: upgradeWorkflowSchema,
  successStatus: 201,
});

export const listUpgradeWorkflows = defineOperation({
  id: 'ListAutopilotUpgradeWorkFlows',
  title: 'Obtaining a List of Upgrade Workflows',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgradeworkflows',
  params: clusterParams,
  query: null,
  body: null,
  response: upgradeWorkflowListSchema,
  successStatus: 200,
});

export const showUpgradeWorkflow = defineOperation({
  id: 'ShowAutopilotUpgradeWorkFlow',
  title: 'Obtaining Details About a Specified Cluster Upgrade Booting Task',
  resource: 'upgrades',
  method: 'GET',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgradeworkflows/{upgrade_workflow_id}',
  params: workflowParams,
  query: null,
  body: null,
  response: upgradeWorkflowSchema,
  successStatus: 200,
});

/** Cancels a workflow (the only documented update); see `canCancelWorkflow`. */
export const updateUpgradeWorkflow = defineOperation({
  id: 'UpgradeAutopilotWorkFlowUpdate',
  title: 'Updating the Status of a Specified Cluster Upgrade Booting Task',
  resource: 'upgrades',
  method: 'PATCH',
  path: '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgradeworkflows/{upgrade_workflow_id}',
  params: workflowParams,
  query: null,
  body: { kind: 'json', schema: updateUpgradeWorkflowBodySchema },
  response: upgradeWorkflowSchema,
  successStatus: 200,
});

export const upgradeOperations = {
  upgradeCluster,
  showUpgradeTask,
  retryUpgradeTask,
  listUpgradeTasks,
  createPrecheck,
  showPrecheck,
  listPrechecks,
  createPostcheck,
  createSnapshot,
  listSnapshotTasks,
  showUpgradeInfo,
  listUpgradePaths,
  listUpgradeFeatureGates,
  createUpgradeWorkflow,
  listUpgradeWorkflows,
  showUpgradeWorkflow,
  updateUpgradeWorkflow,
} as const;
