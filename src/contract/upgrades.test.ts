import { describe, expect, it } from 'vitest';
import {
  canCancelWorkflow,
  canonicalPhase,
  createUpgradeWorkflowBodySchema,
  currentPatchVersion,
  isLaterVersion,
  isPrecheckExpired,
  isTransitionalPrecheckPhase,
  isTransitionalSnapshotPhase,
  isTransitionalUpgradeTaskPhase,
  isUpgradeTaskFinished,
  isUpgradeTaskRetryable,
  isWorkflowInMotion,
  isWorkflowOpen,
  postcheckBodySchema,
  precheckBodySchema,
  precheckItemOutcome,
  precheckItems,
  precheckTaskListSchema,
  precheckTaskSchema,
  progressValue,
  UPGRADE_TASK_PHASES,
  upgradeBatchSizes,
  upgradeClusterBodySchema,
  upgradeInfoSchema,
  upgradeOperations,
  upgradeTaskPhaseMeanings,
  upgradeWorkflowListSchema,
  upgradeWorkflowSchema,
  updateUpgradeWorkflowBodySchema,
  upgradeErrorCodes,
  workflowPoint,
} from './upgrades.ts';
import { findUpgradePath, upgradePathsSchema } from './upgrade-paths.ts';
import { REMOVE, example, messages, withPath } from './test-support.ts';
import { CCE_ERROR_CODES } from './error-codes.ts';

const upgradeBody = (path?: string, value?: unknown): unknown =>
  path ? withPath(example('UpgradeAutopilotCluster.request.json'), path, value) : example('UpgradeAutopilotCluster.request.json');
const precheckBody = (path?: string, value?: unknown): unknown =>
  path ? withPath(example('CreateAutopilotPreCheck.request.json'), path, value) : example('CreateAutopilotPreCheck.request.json');

describe('upgrade operations', () => {
  it('are the 17 documented operations with their documented methods, paths and statuses', () => {
    const table = Object.values(upgradeOperations).map((op) => `${op.id} ${op.method} ${op.path} ${op.successStatus}`);
    const base = '/autopilot/v3/projects/{project_id}/clusters/{cluster_id}';
    const base31 = '/autopilot/v3.1/projects/{project_id}/clusters/{cluster_id}';
    expect(table).toEqual([
      `UpgradeAutopilotCluster POST ${base}/operation/upgrade 200`,
      `ShowAutopilotUpgradeClusterTask GET ${base}/operation/upgrade/tasks/{task_id} 200`,
      `RetryAutopilotUpgradeClusterTask POST ${base}/operation/upgrade/retry 200`,
      `ListAutopilotUpgradeClusterTasks GET ${base}/operation/upgrade/tasks 200`,
      `CreateAutopilotPreCheck POST ${base}/operation/precheck 200`,
      `ShowAutopilotPreCheck GET ${base}/operation/precheck/tasks/{task_id} 200`,
      `ListAutopilotPreCheckTasks GET ${base}/operation/precheck/tasks 200`,
      `CreateAutopilotPostCheck POST ${base}/operation/postcheck 200`,
      `CreateAutopilotClusterMasterSnapshot POST ${base31}/operation/snapshot 200`,
      `ListAutopilotClusterMasterSnapshotTasks GET ${base31}/operation/snapshot/tasks 200`,
      `ShowAutopilotClusterUpgradeInfo GET ${base}/upgradeinfo 200`,
      'ListAutopilotClusterUpgradePaths GET /autopilot/v3/clusterupgradepaths 200',
      'ListAutopilotClusterUpgradeFeatureGates GET /autopilot/v3/clusterupgradefeaturegates 200',
      `CreateAutopilotUpgradeWorkFlow POST ${base}/operation/upgradeworkflows 201`,
      `ListAutopilotUpgradeWorkFlows GET ${base}/operation/upgradeworkflows 200`,
      `ShowAutopilotUpgradeWorkFlow GET ${base}/operation/upgradeworkflows/{upgrade_workflow_id} 200`,
      `UpgradeAutopilotWorkFlowUpdate PATCH ${base}/operation/upgradeworkflows/{upgrade_workflow_id} 200`,
    ]);
    for (const op of Object.values(upgradeOperations)) expect(op.resource).toBe('upgrades');
  });

  it('documents no body for retry (request and response) and for the backup request', () => {
    expect(upgradeOperations.retryUpgradeTask.body).toBeNull();
    expect(upgradeOperations.retryUpgradeTask.response).toBeNull();
    expect(upgradeOperations.createSnapshot.body).toBeNull();
  });

  it('uses only documented error codes', () => {
    for (const code of Object.values(upgradeErrorCodes)) expect(CCE_ERROR_CODES).toHaveProperty([code]);
  });
});

describe('upgradeClusterBodySchema', () => {
  it('accepts the reference example and a full configuration', () => {
    expect(messages(upgradeClusterBodySchema, upgradeBody())).toEqual([]);
    const full = upgradeBody('spec.clusterUpgradeAction', {
      targetVersion: 'v1.28.3-r0',
      strategy: { type: 'inPlaceRollingUpdate', inPlaceRollingUpdate: { userDefinedStep: 60, scope: 'NodePool' } },
      addons: [{ addonTemplateName: 'coredns', operation: 'patch', version: '1.30.5', values: { basic: { replicas: 2 } } }],
      nodePoolOrder: { DefaultPool: 0, 'pool-1': 3 },
      nodeOrder: { DefaultPool: [{ nodeSelector: { key: 'zone', operator: 'in', value: ['az1'] }, priority: 1 }] },
    });
    expect(messages(upgradeClusterBodySchema, full)).toEqual([]);
  });

  it.each([
    ['metadata.kind', 'Upgrade', 'metadata.kind must be "UpgradeTask"'],
    ['metadata.apiVersion', 'v3.1', 'metadata.apiVersion must be "v3"'],
    ['spec.clusterUpgradeAction.targetVersion', '1.28', 'targetVersion must be a cluster version such as v1.28 or v1.27.3-r0'],
    ['spec.clusterUpgradeAction.targetVersion', REMOVE, 'targetVersion is required'],
    ['spec.clusterUpgradeAction.strategy', REMOVE, 'strategy is required'],
    ['spec.clusterUpgradeAction.strategy.type', 'rollingUpdate', 'strategy.type must be "inPlaceRollingUpdate"'],
    ['spec.clusterUpgradeAction.strategy.inPlaceRollingUpdate', REMOVE, 'inPlaceRollingUpdate is required for the in-place upgrade policy'],
    ['spec.clusterUpgradeAction.strategy.inPlaceRollingUpdate.userDefinedStep', 0, 'userDefinedStep must be 1 to 60'],
    ['spec.clusterUpgradeAction.strategy.inPlaceRollingUpdate.userDefinedStep', 61, 'userDefinedStep must be 1 to 60'],
    ['spec.clusterUpgradeAction.strategy.inPlaceRollingUpdate.userDefinedStep', 2.5, 'userDefinedStep must be an integer'],
    ['spec.clusterUpgradeAction.strategy.inPlaceRollingUpdate.scope', 'Node', 'scope must be "Cluster" or "NodePool"'],
    ['spec.clusterUpgradeAction', REMOVE, 'clusterUpgradeAction (target version and strategy) is required'],
    ['spec', REMOVE, 'spec is required'],
  ])('rejects %s = %s', (path, value, message) => {
    expect(messages(upgradeClusterBodySchema, upgradeBody(path, value))).toContain(message);
  });

  it('rejects add-on and node-order entries that break the documented rules', () => {
    const addon = { addonTemplateName: 'coredns', operation: 'patch', version: '1.30.5' };
    expect(messages(upgradeClusterBodySchema, upgradeBody('spec.clusterUpgradeAction.addons', [{ ...addon, operation: 'install' }]))).toContain(
      'operation must be "patch"',
    );
    expect(messages(upgradeClusterBodySchema, upgradeBody('spec.clusterUpgradeAction.addons', [{ ...addon, version: undefined }]))).toContain(
      'version is required',
    );
    const order = (operator: string, priority: number) => ({ DefaultPool: [{ nodeSelector: { key: 'zone', operator }, priority }] });
    expect(messages(upgradeClusterBodySchema, upgradeBody('spec.clusterUpgradeAction.nodeOrder', order('In', 1)))).toContain(
      'operator must be one of in, notin, exists, !, gt, lt',
    );
    expect(messages(upgradeClusterBodySchema, upgradeBody('spec.clusterUpgradeAction.nodeOrder', order('!', -1)))).toContain('priority must not be negative');
    expect(messages(upgradeClusterBodySchema, upgradeBody('spec.clusterUpgradeAction.nodePoolOrder', { DefaultPool: -1 }))).toContain(
      'node pool priority must not be negative',
    );
  });
});

describe('precheckBodySchema', () => {
  it('accepts the reference example and node-scoped skips', () => {
    expect(messages(precheckBodySchema, precheckBody())).toEqual([]);
    const skips = [
      { name: 'NodeContainererdPodRestartRisk', resourceSelector: { key: 'node.uid', operator: 'In', values: ['n-1'] } },
      { name: 'DeprecatedApiCheck' },
    ];
    expect(messages(precheckBodySchema, precheckBody('spec.skippedCheckItemList', skips))).toEqual([]);
    // "If you enter a major version, the latest patch version is automatically selected."
    expect(messages(precheckBodySchema, precheckBody('spec.targetVersion', 'v1.15'))).toEqual([]);
  });

  it.each([
    ['kind', 'PostCheckTask', 'kind must be "PreCheckTask"'],
    ['apiVersion', 'v3.1', 'apiVersion must be "v3"'],
    ['spec.clusterID', REMOVE, 'clusterID is required'],
    ['spec.clusterID', '', 'clusterID must not be empty'],
    ['spec.clusterVersion', 'v1.15', "clusterVersion must be the cluster's patch version, such as v1.27.2-r0"],
    ['spec.clusterVersion', REMOVE, 'clusterVersion is required'],
    ['spec.targetVersion', 'latest', 'targetVersion must be a cluster version such as v1.28 or v1.27.3-r0'],
    ['spec.targetVersion', 'v1.15.11-r1', 'targetVersion must be later than the current cluster version'],
    ['spec.targetVersion', 'v1.13.12-r0', 'targetVersion must be later than the current cluster version'],
    ['spec.skippedCheckItemList', [{ resourceSelector: { key: 'node.name', operator: 'In' } }], 'resourceSelector.key must be "node.uid"'],
    ['spec.skippedCheckItemList', [{ resourceSelector: { key: 'node.uid', operator: 'in' } }], 'resourceSelector.operator must be "In"'],
  ])('rejects %s = %j', (path, value, message) => {
    expect(messages(precheckBodySchema, precheckBody(path, value))).toContain(message);
  });
});

describe('post-check, workflow create and workflow update bodies', () => {
  it('accept the reference examples', () => {
    expect(messages(postcheckBodySchema, example('CreateAutopilotPostCheck.request.json'))).toEqual([]);
    expect(messages(createUpgradeWorkflowBodySchema, example('CreateAutopilotUpgradeWorkFlow.request.json'))).toEqual([]);
    expect(messages(updateUpgradeWorkflowBodySchema, example('UpgradeAutopilotWorkFlowUpdate.request.json'))).toEqual([]);
    expect(messages(postcheckBodySchema, { kind: 'PostCheckTask', apiVersion: 'v3', spec: {} })).toEqual([]);
  });

  it('reject wrong fixed values, versions and phases', () => {
    expect(messages(postcheckBodySchema, { kind: 'PreCheckTask', apiVersion: 'v3', spec: {} })).toContain('kind must be "PostCheckTask"');
    expect(messages(postcheckBodySchema, { kind: 'PostCheckTask', apiVersion: 'v3' })).toContain('spec is required');
    expect(messages(postcheckBodySchema, { kind: 'PostCheckTask', apiVersion: 'v3', spec: { targetVersion: '1.19' } })).toContain(
      'targetVersion must be a cluster version such as v1.28 or v1.27.3-r0',
    );
    expect(messages(createUpgradeWorkflowBodySchema, { kind: 'WorkFlowTask', apiVersion: 'v3', spec: {} })).toContain('targetVersion is required');
    expect(messages(createUpgradeWorkflowBodySchema, { kind: 'Workflow', apiVersion: 'v3', spec: { targetVersion: 'v1.28' } })).toContain(
      'kind must be "WorkFlowTask"',
    );
    expect(messages(updateUpgradeWorkflowBodySchema, { status: { phase: 'Success' } })).toContain('status.phase must be "Cancel" (the only supported update)');
    expect(messages(updateUpgradeWorkflowBodySchema, { status: { phase: 'cancel' } })).toContain('status.phase must be "Cancel" (the only supported update)');
    expect(messages(updateUpgradeWorkflowBodySchema, {})).toContain('status is required');
  });
});

describe('response schemas', () => {
  it('keep unknown fields and phases, read null lists as empty', () => {
    const task = precheckTaskSchema.parse({ status: { phase: 'Skipped', extra: 1, clusterCheckStatus: { itemsStatus: null } } });
    expect(task.status).toMatchObject({ phase: 'Skipped', extra: 1 });
    expect(task.status?.clusterCheckStatus?.itemsStatus).toBeUndefined();
    expect(precheckTaskListSchema.parse({ items: null }).items).toEqual([]);
    expect(upgradePathsSchema.parse({}).upgradePaths).toEqual([]);
  });

  it('read a workflow list whose items is one object (as the table types it) as a one-item list', () => {
    const one = upgradeWorkflowListSchema.parse({ kind: 'List', items: { metadata: { uid: 'w1' } } });
    expect(one.items.map((w) => w.metadata?.uid)).toEqual(['w1']);
    expect(upgradeWorkflowListSchema.parse(example('ListAutopilotUpgradeWorkFlows.response.json')).items).toHaveLength(1);
  });
});

describe('phases and helpers', () => {
  it('give every upgrade task phase a meaning and accept both spellings of Queuing', () => {
    for (const phase of UPGRADE_TASK_PHASES) expect(upgradeTaskPhaseMeanings[phase]).toBeTruthy();
    expect(canonicalPhase(UPGRADE_TASK_PHASES, 'Queueing')).toBe('Queuing');
    expect(canonicalPhase(UPGRADE_TASK_PHASES, 'running')).toBe('Running');
    expect(canonicalPhase(UPGRADE_TASK_PHASES, 'Unknown')).toBeUndefined();
    expect(UPGRADE_TASK_PHASES.filter(isTransitionalUpgradeTaskPhase)).toEqual(['Init', 'Queuing', 'Queueing', 'Running', 'Pause']);
    expect(UPGRADE_TASK_PHASES.filter(isUpgradeTaskFinished)).toEqual(['Success', 'Failed']);
    expect(isUpgradeTaskRetryable('Failed')).toBe(true);
    expect(isUpgradeTaskRetryable('Success')).toBe(false);
    expect(isTransitionalPrecheckPhase('Init')).toBe(true);
    expect(isTransitionalPrecheckPhase('Error')).toBe(false);
    expect(isTransitionalSnapshotPhase('Running')).toBe(true);
    expect(isTransitionalSnapshotPhase('Whatever')).toBe(false);
  });

  it('flatten pre-check items and tell blocking exceptions from confirmable risks', () => {
    const list = precheckTaskListSchema.parse(example('ListAutopilotPreCheckTasks.response.json'));
    const entries = precheckItems(list.items[0]?.status);
    expect(entries).toHaveLength(8);
    const failed = entries.filter((e) => precheckItemOutcome(e.item) !== 'passed');
    expect(failed.map((e) => [e.stage, e.item.name, precheckItemOutcome(e.item)])).toEqual([['addon', 'AddonLimit', 'blocking']]);
    expect(failed[0]?.item.riskSource?.addonRisks).toEqual([{ addonTemplateName: 'coredns', alias: 'CoreDNS' }]);
    expect(precheckItemOutcome({ kind: 'Risk', phase: 'Failed' })).toBe('confirm');
    expect(precheckItemOutcome({ kind: 'Risk', phase: 'Running' })).toBe('pending');
    const node = precheckItems({ nodeCheckStatus: { nodeStageStatus: [{ nodeInfo: { uid: 'n1', name: 'node-1' }, itemsStatus: [{ name: 'NodeCheck' }] }] } });
    expect(node).toEqual([{ stage: 'node', node: { uid: 'n1', name: 'node-1' }, item: { name: 'NodeCheck' } }]);
  });

  it('expire a pre-check at its Go-formatted expireTimeStamp', () => {
    const task = precheckTaskSchema.parse(example('ShowAutopilotPreCheck.response.json'));
    expect(isPrecheckExpired(task, new Date('2023-11-25T08:21:05Z'))).toBe(false);
    expect(isPrecheckExpired(task, new Date('2023-11-25T08:21:06Z'))).toBe(true);
    expect(isPrecheckExpired(precheckTaskSchema.parse({}), new Date())).toBe(false);
  });

  it('apply the documented cancel rule to the reference workflows', () => {
    const pending = upgradeWorkflowSchema.parse(example('ShowAutopilotUpgradeWorkFlow.response.json'));
    expect(pending.status?.phase).toBe('Pending');
    expect(canCancelWorkflow(pending)).toBe(true);
    expect(isWorkflowOpen(pending.status?.phase)).toBe(true);
    expect(workflowPoint(pending, 'PreCheck')?.taskID).toBe('f61e008c-1600-41c0-9bde-121de5a30660');
    expect(isWorkflowInMotion(pending)).toBe(false);

    const fresh = upgradeWorkflowSchema.parse(example('CreateAutopilotUpgradeWorkFlow.response.json'));
    expect(isWorkflowOpen(fresh.status?.phase)).toBe(true);
    expect(canCancelWorkflow(fresh)).toBe(true);

    const cancelled = upgradeWorkflowSchema.parse(example('UpgradeAutopilotWorkFlowUpdate.response.json'));
    expect(canCancelWorkflow(cancelled)).toBe(false);
    expect(isWorkflowOpen('Cancel')).toBe(false);

    const running = structuredClone(pending);
    running.status!.phase = 'Pending';
    running.status!.pointStatuses![2]!.status = 'Queuing';
    expect(canCancelWorkflow(running)).toBe(false);
    expect(isWorkflowInMotion(running)).toBe(true);
    running.status!.pointStatuses![2]!.status = 'pause';
    expect(canCancelWorkflow(running)).toBe(false);
  });

  it('compare versions the way the pre-check needs', () => {
    expect(isLaterVersion('v1.19.16-r80', 'v1.15.11-r1')).toBe(true);
    expect(isLaterVersion('v1.23.11-r0', 'v1.23.5-r0')).toBe(true);
    expect(isLaterVersion('v1.23.5-r1', 'v1.23.5-r0')).toBe(true);
    expect(isLaterVersion('v1.23.5-r0', 'v1.23.5-r0')).toBe(false);
    expect(isLaterVersion('v1.23', 'v1.23.5-r0')).toBe(true);
    expect(isLaterVersion('v1.21', 'v1.23.5-r0')).toBe(false);
    expect(isLaterVersion('next', 'v1.23.5-r0')).toBeUndefined();
  });

  it('read upgrade info, paths, progress and batch sizes', () => {
    const info = upgradeInfoSchema.parse(example('ShowAutopilotClusterUpgradeInfo.response.json'));
    expect(currentPatchVersion(info)).toBe('v1.27.2-r0');
    expect(info.spec?.versionInfo?.targetVersions).toEqual(['v1.27.3-r0']);
    const paths = upgradePathsSchema.parse(example('ListAutopilotClusterUpgradePaths.response.json')).upgradePaths;
    expect(findUpgradePath(paths, 'v1.23', 'cce.9.0')?.platformVersion).toBe('cce.9.0');
    expect(findUpgradePath(paths, 'v1.23', 'cce.99.0')?.platformVersion).toBe('cce.10.0');
    expect(findUpgradePath(paths, 'v1.28')).toBeUndefined();
    expect(progressValue('0.00')).toBe(0);
    expect(progressValue('67')).toBe(67);
    expect(progressValue('n/a')).toBeUndefined();
    expect(upgradeBatchSizes(20, 4)).toEqual([1, 2, 4, 4, 4, 4, 1]);
    expect(upgradeBatchSizes(3)).toEqual([1, 2]);
    expect(upgradeBatchSizes(0)).toEqual([]);
  });
});
