import {
  canCancelWorkflow,
  canonicalPhase,
  isPrecheckExpired,
  PRECHECK_PHASES,
  precheckExpiry,
  UPGRADE_TASK_PHASES,
  WORKFLOW_PHASES,
  WORKFLOW_POINT_STATUSES,
  workflowPoint,
  type PrecheckTask,
  type UpgradeTask,
  type UpgradeWorkflow,
  type WorkflowPhase,
  type WorkflowPoint,
} from '../../../contract/upgrades.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';

/**
 * Where a guided upgrade stands, read from the cloud's workflow and the tasks behind its points — never
 * from the tab — so a reload, another browser or another operator lands on the same step. The few
 * choices the API does not record (the target before the workflow exists, going on without a fresh
 * backup) are the caller's `local` input.
 */
export const WIZARD_STEPS = ['target', 'start', 'precheck', 'backup', 'configure', 'upgrade', 'postcheck', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export type PrecheckVerdict = 'none' | 'running' | 'passed' | 'failed' | 'error' | 'expired';
export type UpgradeVerdict = 'none' | 'running' | 'failed' | 'succeeded';
export type StepState = 'done' | 'current' | 'upcoming';

export interface JourneyInput {
  /** The workflow shown: the cluster's open one, or the one that just ended. */
  workflow: UpgradeWorkflow | undefined;
  /** The task behind the PreCheck point, when it has one. */
  precheck?: PrecheckTask | undefined;
  /** The task behind the Cluster point, when it has one. */
  upgradeTask?: UpgradeTask | undefined;
  now: Date;
  local?: {
    /** A target is chosen but no workflow exists yet. */
    targetChosen?: boolean;
    /** The operator confirmed going on without a fresh backup. */
    backupSkipped?: boolean;
  };
}

export interface Journey {
  step: WizardStep;
  outcome: 'open' | 'success' | 'cancelled' | 'none';
  workflowPhase: WorkflowPhase | undefined;
  precheck: PrecheckVerdict;
  /** When the passed (or failed) pre-check result expires. */
  precheckExpiresAt: Date | undefined;
  upgrade: UpgradeVerdict;
  /** Cancel is offered only when the API allows it; otherwise why not. */
  cancel: { allowed: true } | { allowed: false; reason: 'noWorkflow' | 'finished' | 'taskRunning' };
  /** Retry is offered only for a failed upgrade task of an open workflow; otherwise why not. */
  retry: { allowed: true } | { allowed: false; reason: 'nothingFailed' | 'running' | 'noWorkflow' };
  /** State of every step for the stepper. */
  steps: Record<WizardStep, StepState>;
}

function pointStatus(point: WorkflowPoint | undefined) {
  return canonicalPhase(WORKFLOW_POINT_STATUSES, point?.status);
}

function precheckVerdict(
  workflow: UpgradeWorkflow | undefined,
  task: PrecheckTask | undefined,
  now: Date,
): { verdict: PrecheckVerdict; expiresAt: Date | undefined } {
  const point = workflow ? workflowPoint(workflow, 'PreCheck') : undefined;
  if (!point?.taskID && !task) return { verdict: 'none', expiresAt: undefined };
  const expiresAt = (task ? precheckExpiry(task) : undefined) ?? parseCceTimestamp(point?.expireTimeStamp);
  // The task says more than the point (Error vs Failed); the point stands in until the task is read.
  const phase = task && (!point?.taskID || task.metadata?.uid === point.taskID) ? canonicalPhase(PRECHECK_PHASES, task.status?.phase) : pointStatus(point);
  switch (phase) {
    case 'Success': {
      const expired = task ? isPrecheckExpired(task, now) : expiresAt !== undefined && expiresAt.getTime() <= now.getTime();
      return { verdict: expired ? 'expired' : 'passed', expiresAt };
    }
    case 'Failed':
      return { verdict: 'failed', expiresAt };
    case 'Error':
      return { verdict: 'error', expiresAt };
    default:
      return { verdict: 'running', expiresAt };
  }
}

function upgradeVerdict(workflow: UpgradeWorkflow | undefined, task: UpgradeTask | undefined): UpgradeVerdict {
  const point = workflow ? workflowPoint(workflow, 'Cluster') : undefined;
  if (!point?.taskID && !task) return 'none';
  const fromTask = task && (!point?.taskID || task.metadata?.uid === point.taskID) ? canonicalPhase(UPGRADE_TASK_PHASES, task.status?.phase) : undefined;
  const phase = fromTask ?? pointStatus(point);
  if (phase === 'Success') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  return 'running';
}

/** The step a workflow is at, and what the operator may do there. */
export function deriveJourney(input: JourneyInput): Journey {
  const { workflow, now } = input;
  const local = input.local ?? {};
  // AMBIG (digest §5.3): a fresh workflow has no phase; it is read as `Init`.
  const workflowPhase = workflow ? (canonicalPhase(WORKFLOW_PHASES, workflow.status?.phase) ?? 'Init') : undefined;
  const { verdict: precheck, expiresAt } = precheckVerdict(workflow, input.precheck, now);
  const upgrade = upgradeVerdict(workflow, input.upgradeTask);
  const postcheck = workflow ? pointStatus(workflowPoint(workflow, 'PostCheck')) : undefined;
  const snapshot = workflow ? pointStatus(workflowPoint(workflow, 'Snapshot')) : undefined;

  let step: WizardStep;
  let outcome: Journey['outcome'] = 'open';
  if (!workflow) {
    step = local.targetChosen ? 'start' : 'target';
    outcome = 'none';
  } else if (workflowPhase === 'Success') {
    step = 'done';
    outcome = 'success';
  } else if (workflowPhase === 'Cancel') {
    step = 'done';
    outcome = 'cancelled';
  } else if (upgrade === 'succeeded' || postcheck !== undefined) {
    step = 'postcheck';
  } else if (upgrade !== 'none') {
    step = 'upgrade';
  } else if (precheck !== 'passed') {
    step = 'precheck';
  } else if (snapshot === 'Success' || local.backupSkipped) {
    step = 'configure';
  } else {
    step = 'backup';
  }

  const current = WIZARD_STEPS.indexOf(step);
  const steps = Object.fromEntries(
    WIZARD_STEPS.map((s, i) => [
      s,
      i < current || (s === 'done' && outcome !== 'open' && outcome !== 'none') ? 'done' : i === current ? 'current' : 'upcoming',
    ]),
  ) as Record<WizardStep, StepState>;

  let cancel: Journey['cancel'];
  if (!workflow) cancel = { allowed: false, reason: 'noWorkflow' };
  else if (canCancelWorkflow(workflow)) cancel = { allowed: true };
  else cancel = { allowed: false, reason: workflowPhase === 'Success' || workflowPhase === 'Cancel' ? 'finished' : 'taskRunning' };

  let retry: Journey['retry'];
  if (!workflow || outcome !== 'open') retry = { allowed: false, reason: 'noWorkflow' };
  else if (upgrade === 'failed') retry = { allowed: true };
  else retry = { allowed: false, reason: upgrade === 'running' ? 'running' : 'nothingFailed' };

  return { step, outcome, workflowPhase, precheck, precheckExpiresAt: expiresAt, upgrade, cancel, retry, steps };
}

/** Whether anything of the journey can still change by itself: poll while so. */
export function journeyInMotion(journey: Journey): boolean {
  return journey.precheck === 'running' || journey.upgrade === 'running' || journey.workflowPhase === 'Running';
}

/** The cluster's open workflow (`Init`, `Running`, `Pending`), newest first when there were several. */
export function openWorkflowOf(workflows: readonly UpgradeWorkflow[]): UpgradeWorkflow | undefined {
  const open = workflows.filter((w) => {
    const phase = canonicalPhase(WORKFLOW_PHASES, w.status?.phase) ?? 'Init';
    return phase === 'Init' || phase === 'Running' || phase === 'Pending';
  });
  return open.sort((a, b) => createdAt(b) - createdAt(a))[0];
}

function createdAt(w: UpgradeWorkflow): number {
  return parseCceTimestamp(w.metadata?.creationTimestamp)?.getTime() ?? 0;
}
