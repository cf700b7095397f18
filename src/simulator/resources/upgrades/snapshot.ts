import type { SimulatorStore } from '../../store.ts';
import { defineTaskKind } from '../../tasks/registry.ts';
import type { TaskPlan, TaskRecord, TaskState } from '../../tasks/task.ts';
import { formatCceTimestamp } from '../../time.ts';

const SECOND = 1000;

export const snapshotTaskKind = defineTaskKind<Record<string, never>>({
  kind: 'upgrade.snapshot',
  label: 'Cluster backup',
  description: 'A control-plane backup (v3.1 snapshot, about 40 s) before an upgrade.',
  subject: 'cluster',
  // The latest backup time is read from the tasks themselves.
  settle() {},
});

/** A control-plane backup (EVS snapshot of the master's etcd data): under a minute. */
export function snapshotPlan(): TaskPlan {
  return {
    steps: [
      { name: 'Init', durationMs: 2 * SECOND },
      { name: 'EtcdSnapshot', durationMs: 25 * SECOND },
      { name: 'EvsSnapshot', durationMs: 15 * SECOND },
    ],
  };
}

// AMBIG (digest D-10): backup phases are not enumerated; the simulator uses the upgrade task's words
// (`Init`, `Running`, `Success`, `Failed`), with a whole-number progress as in the example (`"67"`).
function snapshotPhase(state: TaskState): 'Init' | 'Running' | 'Success' | 'Failed' {
  if (state.phase === 'Pending' || (state.phase === 'Running' && state.stepName === 'Init')) return 'Init';
  if (state.phase === 'Running') return 'Running';
  return state.phase === 'Succeeded' ? 'Success' : 'Failed';
}

/** A backup task as 4.3.10 lists it; `spec.items` are its sub-tasks. */
export function renderSnapshot(store: SimulatorStore, task: TaskRecord, now: number) {
  const state = store.tasks.state(task, now);
  return {
    kind: 'SnapshotTask',
    apiVersion: 'v3.1',
    metadata: {
      uid: task.id,
      creationTimestamp: formatCceTimestamp(task.startedAt, `${task.id}:created`),
      updateTimestamp: formatCceTimestamp(state.finished ? state.endsAt : state.changedAt, `${task.id}:updated`),
    },
    spec: {
      items: state.steps.slice(1).map((step, i) => ({
        id: `${task.id}-${i + 1}`,
        type: step.name,
        status: step.phase === 'Succeeded' ? 'Success' : step.phase === 'Pending' ? 'Init' : step.phase === 'Running' ? 'Running' : 'Failed',
        ...(step.startedAt !== undefined ? { creationTimestamp: formatCceTimestamp(step.startedAt, `${task.id}:${i}:created`) } : {}),
        ...(step.endedAt !== undefined ? { updateTimestamp: formatCceTimestamp(step.endedAt, `${task.id}:${i}:updated`) } : {}),
        ...(step.phase === 'Failed' ? { message: state.reason } : {}),
      })),
    },
    status: {
      phase: snapshotPhase(state),
      progress: String(state.progress),
      ...(state.finished ? { completionTime: formatCceTimestamp(state.endsAt, `${task.id}:completed`) } : {}),
    },
  };
}

/** Clock ms of the latest backup that succeeded, if any. */
export function latestBackupAt(store: SimulatorStore, clusterUid: string, now: number): number | undefined {
  let latest: number | undefined;
  for (const task of store.tasks.forSubject(clusterUid, snapshotTaskKind.kind)) {
    const state = store.tasks.state(task, now);
    if (state.phase === 'Succeeded' && (latest === undefined || state.endsAt > latest)) latest = state.endsAt;
  }
  return latest;
}

/** Whether a backup of the cluster is running. */
export function snapshotInFlight(store: SimulatorStore, clusterUid: string, now: number): boolean {
  return store.tasks.forSubject(clusterUid, snapshotTaskKind.kind).some((t) => !store.tasks.state(t, now).finished);
}
