import type { PrecheckBody, PrecheckItemGroup, PrecheckItemKind, PrecheckItemLevel, RiskSource } from '../../../contract/upgrades.ts';
import type { SimulatorStore } from '../../store.ts';
import { defineTaskKind } from '../../tasks/registry.ts';
import type { TaskPlan, TaskRecord, TaskState } from '../../tasks/task.ts';
import { formatCceTimestamp } from '../../time.ts';
import type { CheckedAddon } from './cluster-link.ts';
import type { CheckedNode, ClusterUpgradeRecord } from './state.ts';

const SECOND = 1000;
const HOUR = 3_600_000;

/** How long a pre-check result stays valid after it completed: 1 h in every example of the reference. */
// AMBIG (digest D-5): the reference gives `expireTimeStamp` but not whether it is enforced; the
// simulator refuses an upgrade whose latest pre-check has expired (see upgrade-task.ts).
export const PRECHECK_VALIDITY_MS = HOUR;

type Stage = 'cluster' | 'addon' | 'node';
type SkippedItem = NonNullable<PrecheckBody['spec']['skippedCheckItemList']>[number];

/** One check item's finding, decided when the check starts (what the world looked like then). */
export interface Finding {
  stage: Stage;
  /** Node items: the node checked. */
  node?: CheckedNode;
  name: string;
  kind: PrecheckItemKind;
  group: PrecheckItemGroup;
  level: PrecheckItemLevel;
  failed: boolean;
  /** Failed, then skipped on request (`skippedCheckItemList`). */
  skipped?: boolean;
  message: string;
  riskSource: RiskSource;
}

export interface PrecheckData {
  clusterVersion: string;
  targetVersion: string;
  skipped: SkippedItem[];
  findings: Finding[];
  nodes: CheckedNode[];
}

export const precheckTaskKind = defineTaskKind<PrecheckData>({
  kind: 'upgrade.precheck',
  label: 'Upgrade pre-check',
  description:
    'A pre-upgrade check (cluster, add-on and node items, about 24 s). A "precheck" scenario sets what it finds (clean, exception, risks); "fail" makes the check itself break (phase Error, with a log).',
  subject: 'cluster',
  // The result is a pure function of the findings and the clock; nothing else changes when it ends.
  settle() {},
});

const STAGES: readonly { stage: Stage; step: string; ms: number }[] = [
  { stage: 'cluster', step: 'ClusterCheck', ms: 8 * SECOND },
  { stage: 'addon', step: 'AddonCheck', ms: 6 * SECOND },
  { stage: 'node', step: 'NodeCheck', ms: 10 * SECOND },
];

/** The check's plan; the `error` preset breaks it half-way with a log, as a pre-check `Error`. */
export function precheckPlan(record: ClusterUpgradeRecord): TaskPlan {
  const steps = STAGES.map((s) => ({ name: s.step, durationMs: s.ms }));
  if (record.preset !== 'error') return { steps };
  const reason =
    'execute addon check failed: get addon instances of cluster timeout after 30s (request to cce-addon-manager: context deadline exceeded); retry the pre-check';
  return { steps, twist: { kind: 'fail', atProgress: 45, reason } };
}

function pass(stage: Stage, name: string, kind: PrecheckItemKind, group: PrecheckItemGroup, level: PrecheckItemLevel, node?: CheckedNode): Finding {
  return { stage, ...(node ? { node } : {}), name, kind, group, level, failed: false, message: 'check item succeed', riskSource: {} };
}

/**
 * What a pre-check finds on a cluster with this record's preset, using names, kinds, groups and levels
 * of the reference's examples (digest §7). Passing items say "check item succeed" with an empty risk
 * source, as in the examples.
 */
export function precheckFindings(record: ClusterUpgradeRecord, targetVersion: string, addons: readonly CheckedAddon[]): Finding[] {
  const risks = record.preset === 'risks';
  const findings: Finding[] = [
    pass('cluster', 'BlackLimit', 'Exception', 'LimitCheck', 'Fatal'),
    pass('cluster', 'MasterSSH', 'Exception', 'LimitCheck', 'Fatal'),
    pass('cluster', 'ReleaseLimit', 'Exception', 'LimitCheck', 'Warning'),
    pass('cluster', 'ClusterNoArm', 'Exception', 'LimitCheck', 'Warning'),
    pass('cluster', 'ResiduePackageVersion', 'Risk', 'LimitCheck', 'Info'),
  ];
  const deprecated = pass('cluster', 'DeprecatedApiCheck', 'Risk', 'LimitCheck', 'Info');
  const configuration = pass('cluster', 'ClusterConfigurationCheck', 'Risk', 'LimitCheck', 'Warning');
  if (risks) {
    Object.assign(deprecated, {
      failed: true,
      message: `APIs removed in ${targetVersion} were called in the last 30 days; migrate these clients before upgrading`,
      riskSource: {
        deprecatedAPIRisks: [
          { url: '/apis/policy/v1beta1/podsecuritypolicies', userAgent: 'kubectl/v1.24.3 (linux/amd64) kubernetes/aef86a9' },
          { url: '/apis/autoscaling/v2beta2/namespaces/shop/horizontalpodautoscalers', userAgent: 'Helm/3.9.0' },
        ],
      },
    });
    Object.assign(configuration, {
      failed: true,
      message: 'custom control-plane parameters will be changed by the upgrade',
      riskSource: {
        configurationRisks: [
          {
            package: 'kube-apiserver',
            sourceFile: '/opt/cloud/cce/kubernetes/kube-apiserver/kube-apiserver.conf',
            nodeMsg: 'master',
            field: 'feature-gates',
            operation: 'modify',
            originalValue: 'PodSecurityPolicy=true',
            value: 'PodSecurityPolicy=false',
          },
          {
            package: 'kube-controller-manager',
            sourceFile: '/opt/cloud/cce/kubernetes/kube-controller-manager/kube-controller-manager.conf',
            nodeMsg: 'master',
            field: 'horizontal-pod-autoscaler-sync-period',
            operation: 'delete',
            originalValue: '30s',
            value: '',
          },
        ],
      },
    });
  }
  findings.push(deprecated, configuration);

  const abnormal = addons.filter((a) => !a.healthy);
  const addonLimit = pass('addon', 'AddonLimit', 'Exception', 'AddonCheck', 'Warning');
  if (abnormal.length > 0) {
    Object.assign(addonLimit, {
      failed: true,
      message: abnormal.map((a) => `addon [ ${a.alias} ] status is abnormal, check and try again`).join('; '),
      riskSource: { addonRisks: abnormal.map((a) => ({ addonTemplateName: a.addonTemplateName, alias: a.alias })) },
    });
  }
  findings.push(addonLimit, pass('addon', 'CoreDNSConfLimit', 'Exception', 'AddonCheck', 'Fatal'));
  const everest = pass('addon', 'EverestLimitHungVersion', 'Risk', 'AddonCheck', 'Fatal');
  if (risks) {
    Object.assign(everest, {
      failed: true,
      message: 'the installed everest version may hang volume detach during the upgrade; upgrade the add-on with the cluster',
      riskSource: { addonRisks: [{ addonTemplateName: 'everest', alias: 'CCE Container Storage (Everest)' }] },
    });
  }
  findings.push(everest);

  for (const [n, node] of record.nodes.entries()) {
    findings.push(pass('node', 'NodeStatusCheck', 'Exception', 'NodeCheck', 'Fatal', node));
    const restart = pass('node', 'NodeContainererdPodRestartRisk', 'Risk', 'NodeCheck', 'Warning', node);
    if (risks && n === 0) {
      Object.assign(restart, {
        failed: true,
        message: `pods on node ${node.name} will restart when containerd is upgraded`,
        riskSource: { nodeRisks: [{ NodeID: node.uid }] },
      });
    }
    findings.push(restart);
  }
  return findings;
}

function skipMatches(skip: SkippedItem, finding: Finding): boolean {
  if (skip.name !== undefined && skip.name !== finding.name) return false;
  if (!skip.resourceSelector) return skip.name !== undefined;
  // "available only for node check, but not for cluster check or add-on check"
  if (finding.stage !== 'node' || !finding.node) return false;
  return (skip.resourceSelector.values ?? []).includes(finding.node.uid);
}

/**
 * Applies `skippedCheckItemList`: a failed `Risk` the list names is skipped (reported as passed, its
 * message saying so).
 */
// AMBIG (digest D-4): only `Risk`s "can be skipped after you confirm them"; an `Exception` "needs to be
// resolved by you". Chose to keep a named failed `Exception` failing rather than refuse the request.
export function applySkips(findings: Finding[], skipped: readonly SkippedItem[]): Finding[] {
  return findings.map((f) => {
    if (!f.failed || f.kind !== 'Risk' || !skipped.some((s) => skipMatches(s, f))) return f;
    return { ...f, failed: false, skipped: true, message: `check item skipped as confirmed: ${f.message}` };
  });
}

type Phase = 'Init' | 'Running' | 'Success' | 'Failed';

/** Overall phase of a pre-check: `Failed` when an item failed, `Error` when the check itself broke. */
export function precheckPhase(task: TaskRecord<PrecheckData>, state: TaskState): 'Init' | 'Running' | 'Success' | 'Failed' | 'Error' {
  switch (state.phase) {
    case 'Pending':
      return 'Init';
    case 'Running':
      return 'Running';
    case 'Succeeded':
      return task.data.findings.some((f) => f.failed) ? 'Failed' : 'Success';
    default:
      return 'Error';
  }
}

/** When the result expires; only for a check that completed (Success or Failed). */
export function precheckExpiresAt(task: TaskRecord<PrecheckData>, state: TaskState): number | undefined {
  return state.phase === 'Succeeded' ? state.endsAt + PRECHECK_VALIDITY_MS : undefined;
}

function renderItem(finding: Finding, stagePhase: Phase) {
  const done = stagePhase === 'Success' || stagePhase === 'Failed';
  return {
    name: finding.name,
    kind: finding.kind,
    group: finding.group,
    level: finding.level,
    phase: done ? (finding.failed ? 'Failed' : 'Success') : stagePhase,
    message: done ? finding.message : '',
    riskSource: done ? finding.riskSource : {},
  };
}

/** A pre-check task as 4.3.5–4.3.7 render it. */
export function renderPrecheck(store: SimulatorStore, task: TaskRecord<PrecheckData>, clusterUid: string, now: number) {
  const state = store.tasks.state(task, now);
  const phase = precheckPhase(task, state);
  const stagePhase = (stage: Stage): Phase => {
    const index = STAGES.findIndex((s) => s.stage === stage);
    const step = state.steps[index];
    if (!step || step.phase === 'Pending' || step.phase === 'Cancelled') return 'Init';
    if (step.phase === 'Running') return 'Running';
    if (step.phase === 'Failed') return 'Failed';
    return task.data.findings.some((f) => f.stage === stage && f.failed) ? 'Failed' : 'Success';
  };
  const itemsOf = (stage: Stage) => {
    const p = stagePhase(stage);
    return task.data.findings.filter((f) => f.stage === stage).map((f) => renderItem(f, p));
  };
  const nodePhase = stagePhase('node');
  const expiresAt = precheckExpiresAt(task, state);
  const salt = task.id;
  return {
    apiVersion: 'v3',
    kind: 'PreCheckTask',
    metadata: {
      uid: task.id,
      creationTimestamp: formatCceTimestamp(task.startedAt, `${salt}:created`),
      updateTimestamp: formatCceTimestamp(state.finished ? state.endsAt : state.changedAt, `${salt}:updated`),
    },
    spec: {
      clusterID: clusterUid,
      clusterVersion: task.data.clusterVersion,
      targetVersion: task.data.targetVersion,
      ...(task.data.skipped.length > 0 ? { skippedCheckItemList: task.data.skipped } : {}),
    },
    status: {
      phase,
      ...(expiresAt !== undefined ? { expireTimeStamp: formatCceTimestamp(expiresAt, `${salt}:expire`) } : {}),
      ...(phase === 'Error' ? { message: state.reason } : {}),
      clusterCheckStatus: { phase: stagePhase('cluster'), itemsStatus: itemsOf('cluster') },
      addonCheckStatus: { phase: stagePhase('addon'), itemsStatus: itemsOf('addon') },
      nodeCheckStatus: {
        phase: nodePhase,
        nodeStageStatus: task.data.nodes.map((node) => ({
          nodeInfo: { uid: node.uid, name: node.name, status: node.status, nodeType: node.nodeType },
          itemsStatus: task.data.findings.filter((f) => f.stage === 'node' && f.node?.uid === node.uid).map((f) => renderItem(f, nodePhase)),
        })),
      },
    },
  };
}
