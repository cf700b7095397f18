import type { SimulatorStore } from '../../store.ts';
import type { TaskRecord } from '../../tasks/task.ts';
import { formatCceTimestamp } from '../../time.ts';
import { postcheckPhase } from './postcheck.ts';
import { precheckExpiresAt, precheckPhase, type PrecheckData } from './precheck.ts';
import { WORKFLOW_POINTS, type ClusterUpgradeRecord, type WorkflowPointType, type WorkflowRecord } from './state.ts';
import { upgradeTaskPhase } from './upgrade-task.ts';

type PointStatus = 'Init' | 'Queuing' | 'Running' | 'Success' | 'Failed';
export type WorkflowPhase = 'Init' | 'Running' | 'Pending' | 'Success' | 'Cancel';

interface PointView {
  taskType: WorkflowPointType;
  taskID?: string;
  status?: PointStatus;
  startTimeStamp?: string;
  endTimeStamp?: string;
  expireTimeStamp?: string;
}

/** The point of one step: its task's status as the workflow reports it (absent = not started). */
function pointView(store: SimulatorStore, workflow: WorkflowRecord, taskType: WorkflowPointType, now: number): PointView {
  const id = workflow.points[taskType];
  const task = id ? store.tasks.get(id) : undefined;
  if (!task) return { taskType };
  const state = store.tasks.state(task, now);
  let status: PointStatus;
  let expiresAt: number | undefined;
  switch (taskType) {
    case 'PreCheck': {
      const phase = precheckPhase(task as TaskRecord<PrecheckData>, state);
      status = phase === 'Error' ? 'Failed' : phase;
      expiresAt = precheckExpiresAt(task as TaskRecord<PrecheckData>, state);
      break;
    }
    case 'Cluster':
      status = upgradeTaskPhase(state);
      break;
    case 'PostCheck':
      status = postcheckPhase(state) === 'Success' ? 'Success' : state.finished ? 'Failed' : 'Running';
      break;
    default:
      status = state.phase === 'Pending' ? 'Init' : state.phase === 'Running' ? 'Running' : state.phase === 'Succeeded' ? 'Success' : 'Failed';
  }
  return {
    taskType,
    taskID: task.id,
    status,
    startTimeStamp: formatCceTimestamp(task.startedAt, `${task.id}:created`),
    ...(state.finished ? { endTimeStamp: formatCceTimestamp(state.endsAt, `${task.id}:completed`) } : {}),
    ...(expiresAt !== undefined ? { expireTimeStamp: formatCceTimestamp(expiresAt, `${task.id}:expire`) } : {}),
  };
}

/** The execution path: the backup is a point off the path (digest §5.1). */
const ON_PATH: readonly WorkflowPointType[] = ['PreCheck', 'Cluster', 'PostCheck'];

/**
 * The workflow's phase, derived from its points: `Cancel` once cancelled, `Success` once the post-check
 * passed, `Running` while a step runs, `Pending` when a step on the path failed, `Init` otherwise
 * ("No task is running", which includes the pauses between steps).
 */
// AMBIG (digest §5.3): the reference gives the meanings but no transitions; this is the order they imply.
export function workflowPhase(points: readonly PointView[], workflow: WorkflowRecord): WorkflowPhase {
  if (workflow.cancelledAt !== undefined) return 'Cancel';
  if (points.find((p) => p.taskType === 'PostCheck')?.status === 'Success') return 'Success';
  if (points.some((p) => p.status === 'Init' || p.status === 'Queuing' || p.status === 'Running')) return 'Running';
  if (points.some((p) => ON_PATH.includes(p.taskType) && p.status === 'Failed')) return 'Pending';
  return 'Init';
}

export function workflowView(store: SimulatorStore, workflow: WorkflowRecord, now: number) {
  const points = WORKFLOW_POINTS.map((t) => pointView(store, workflow, t, now));
  return { points, phase: workflowPhase(points, workflow) };
}

/** A workflow as 4.3.15 – 4.3.17 render it. `fresh`: the creation answer, which the example shows without a phase. */
export function renderWorkflow(store: SimulatorStore, workflow: WorkflowRecord, now: number, fresh = false) {
  const { points, phase } = workflowView(store, workflow, now);
  return {
    kind: 'WorkFlowTask',
    apiVersion: 'v3',
    metadata: {
      uid: workflow.uid,
      creationTimestamp: formatCceTimestamp(workflow.createdAt, `${workflow.uid}:created`),
      updateTimestamp: formatCceTimestamp(workflow.updatedAt, `${workflow.uid}:updated:${workflow.updatedAt}`),
    },
    spec: { clusterID: workflow.clusterUid, clusterVersion: workflow.clusterVersion, targetVersion: workflow.targetVersion },
    status: {
      // AMBIG (digest §6 A-3): the 201 example has no phase; a fresh workflow is `Init` on every read after.
      ...(fresh ? {} : { phase }),
      pointStatuses: points,
      // AMBIG (digest D-6): `critical` appears in no example and no edge is shown as critical; omitted.
      lineStatuses: [
        { startPoint: { taskType: 'PreCheck' }, endPoint: { taskType: 'Cluster' } },
        { startPoint: { taskType: 'Cluster' }, endPoint: { taskType: 'PostCheck' } },
      ],
    },
  };
}

/** The cluster's open workflow (`Init`, `Running` or `Pending`), if any. */
export function openWorkflow(store: SimulatorStore, record: ClusterUpgradeRecord, now: number): WorkflowRecord | undefined {
  return record.workflows.find((w) => {
    const phase = workflowView(store, w, now).phase;
    return phase === 'Init' || phase === 'Running' || phase === 'Pending';
  });
}

/**
 * Attaches a task a step started to the cluster's open workflow: the requests carry no workflow ID, so
 * the cluster is the only link.
 */
// AMBIG (digest D-1): the reference never says how tasks attach; the simulator attaches each step's
// latest task to the open workflow of its cluster, as the 4.3.16 example implies (same uid and times).
export function attach(store: SimulatorStore, record: ClusterUpgradeRecord, taskType: WorkflowPointType, taskId: string, now: number): void {
  const workflow = openWorkflow(store, record, now);
  if (!workflow) return;
  workflow.points[taskType] = taskId;
  workflow.updatedAt = now;
}
