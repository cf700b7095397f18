/**
 * The add-on lifecycles as tasks of the simulator's one mechanism (../../tasks/): a plan of steps over
 * scaled time, whose outcome the kind's settle effect writes onto the instance. An armed scenario for
 * the kind (and the instance as subject) makes the task fail or stall at a point of its plan.
 *
 * installing → running | installFailed; upgrading → running | upgradeFailed; rollbacking → running
 * (at the version and values rolled back to) | rollbackFailed; deleting → gone | deleteFailed.
 */
import { defineTaskKind, type TaskKind } from '../../tasks/registry.ts';
import type { TaskPlan, TaskRecord, TaskState } from '../../tasks/task.ts';
import type { SimulatorStore } from '../../store.ts';
import type { AddonRecord } from './state.ts';

export interface AddonTaskData {
  /** The instance's Helm revision the task produces. */
  revision: number;
}

const SECOND = 1000;

/** Simulated durations: at speed 1 an install takes 30 s, an upgrade 25 s, a rollback 20 s, an uninstall 12 s. */
export const ADDON_PLANS = {
  install: {
    steps: [
      { name: 'RenderValues', durationMs: 2 * SECOND },
      { name: 'InstallRelease', durationMs: 12 * SECOND },
      { name: 'WaitPodsReady', durationMs: 16 * SECOND },
    ],
  },
  upgrade: {
    steps: [
      { name: 'RenderValues', durationMs: 2 * SECOND },
      { name: 'UpgradeRelease', durationMs: 10 * SECOND },
      { name: 'WaitPodsReady', durationMs: 13 * SECOND },
    ],
  },
  rollback: {
    steps: [
      { name: 'RollbackRelease', durationMs: 8 * SECOND },
      { name: 'WaitPodsReady', durationMs: 12 * SECOND },
    ],
  },
  delete: {
    steps: [
      { name: 'UninstallRelease', durationMs: 8 * SECOND },
      { name: 'CleanUp', durationMs: 4 * SECOND },
    ],
  },
} as const satisfies Record<string, TaskPlan>;

/** The instance a finished task concerns, if the task is still the one moving it. */
function subject(store: SimulatorStore, task: TaskRecord<AddonTaskData>, state: TaskState): AddonRecord | undefined {
  const record = store.addons.instances.get(task.subjectId);
  if (!record || record.activeTaskId !== task.id) return undefined;
  record.activeTaskId = undefined;
  record.updatedAt = state.endsAt;
  return record;
}

function failure(record: AddonRecord, state: TaskState, what: string): void {
  record.reason = state.phase === 'Cancelled' ? `${what} cancelled` : `${what} failed`;
  record.message =
    state.phase === 'Cancelled' ? `${state.stepName} was cancelled.` : `${state.stepName}: ${state.reason || 'the release did not become ready'}`;
}

export const installTask: TaskKind<AddonTaskData> = defineTaskKind<AddonTaskData>({
  kind: 'addon.install',
  label: 'Install add-on',
  description:
    'Installing an add-on (CreateAutopilotAddonInstance): render values, install the Helm release, wait for its pods. Failing it leaves the instance installFailed. Aim it at a template name (log-agent) or a cluster id: the instance id does not exist before.',
  subject: 'addon template or cluster',
  settle(store, task, state) {
    const record = subject(store, task, state);
    if (!record) return;
    if (state.phase === 'Succeeded') {
      record.status = 'running';
      record.reason = '';
      record.message = '';
      return;
    }
    record.status = 'installFailed';
    failure(record, state, 'install');
  },
});

export const upgradeTask: TaskKind<AddonTaskData> = defineTaskKind<AddonTaskData>({
  kind: 'addon.upgrade',
  label: 'Upgrade add-on',
  description:
    'Upgrading an add-on or changing its values (UpdateAutopilotAddonInstance). Failing it leaves the instance upgradeFailed, rollbackable to the revision before.',
  subject: 'addon',
  settle(store, task, state) {
    const record = subject(store, task, state);
    if (!record) return;
    // AMBIG (digest A3): when `isRollbackable` turns true is never exemplified; chose: once an update
    // has run (succeeded or failed), the revision before it can be restored.
    record.previousVersion = record.rollbackTo?.version;
    record.isRollbackable = record.rollbackTo !== undefined;
    if (state.phase === 'Succeeded') {
      record.status = 'running';
      record.reason = '';
      record.message = '';
      return;
    }
    record.status = 'upgradeFailed';
    failure(record, state, 'upgrade');
  },
});

export const rollbackTask: TaskKind<AddonTaskData> = defineTaskKind<AddonTaskData>({
  kind: 'addon.rollback',
  label: 'Roll back add-on',
  description: 'Rolling an add-on back to its previous version and values (RollbackAutopilotAddonInstance). Failing it leaves the instance rollbackFailed.',
  subject: 'addon',
  settle(store, task, state) {
    const record = subject(store, task, state);
    if (!record) return;
    if (state.phase === 'Succeeded') {
      // As the rollback example shows: not rollbackable again, `previousVersion` = the version left.
      record.status = 'running';
      record.reason = '';
      record.message = '';
      record.rollbackTo = undefined;
      record.isRollbackable = false;
      return;
    }
    // "Roll back the add-on again": the same revision stays the rollback target.
    record.status = 'rollbackFailed';
    record.isRollbackable = record.rollbackTo !== undefined;
    failure(record, state, 'rollback');
  },
});

export const deleteTask: TaskKind<AddonTaskData> = defineTaskKind<AddonTaskData>({
  kind: 'addon.delete',
  label: 'Uninstall add-on',
  description: 'Uninstalling an add-on (DeleteAutopilotAddonInstance). Failing it leaves the instance deleteFailed instead of gone.',
  subject: 'addon',
  settle(store, task, state) {
    const record = subject(store, task, state);
    if (!record) return;
    if (state.phase === 'Succeeded') {
      // AMBIG (digest A5): whether `deleteSuccess` stays listed is not documented; chose: the instance
      // is gone (get answers 404), so the template can be installed again at once.
      store.addons.remove(record.uid);
      return;
    }
    record.status = 'deleteFailed';
    failure(record, state, 'uninstall');
  },
});
