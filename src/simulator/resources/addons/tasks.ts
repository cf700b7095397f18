/**
 * The add-on lifecycles as tasks of the simulator's one mechanism (../../tasks/): a plan of steps over
 * scaled time, whose outcome the kind's settle effect writes onto the instance. An armed scenario for
 * the kind (and the instance as subject) makes the task fail or stall at a point of its plan.
 *
 * installing → running | installFailed; upgrading → running | upgradeFailed; rollbacking → running
 * (at the version and values rolled back to) | rollbackFailed; deleting → gone | deleteFailed.
 */
import { defineTaskKind, type TaskKind } from '../../tasks/registry.ts';
import { planOf, type TaskPlan, type TaskRecord, type TaskState } from '../../tasks/task.ts';
import type { AddonInstancePhase } from '../../../contract/addons.ts';
import type { SimulatorStore } from '../../store.ts';
import type { AddonRecord } from './state.ts';

export interface AddonTaskData {
  /** The instance's Helm revision the task produces. */
  revision: number;
}

/** Simulated durations: at speed 1 an install takes 30 s, an upgrade 25 s, a rollback 20 s, an uninstall 12 s. */
export const ADDON_PLANS = {
  install: planOf(['RenderValues', 2], ['InstallRelease', 12], ['WaitPodsReady', 16]),
  upgrade: planOf(['RenderValues', 2], ['UpgradeRelease', 10], ['WaitPodsReady', 13]),
  rollback: planOf(['RollbackRelease', 8], ['WaitPodsReady', 12]),
  delete: planOf(['UninstallRelease', 8], ['CleanUp', 4]),
} satisfies Record<string, TaskPlan>;

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

/** Settled well: the instance runs, with nothing to report. */
function running(record: AddonRecord): void {
  record.status = 'running';
  record.reason = '';
  record.message = '';
}

interface AddonKindDefinition {
  kind: string;
  label: string;
  description: string;
  subject?: string;
  /** What the reason of a failure names: `<what> failed` / `<what> cancelled`. */
  what: string;
  /** The status a failed or cancelled task leaves. */
  failedStatus: AddonInstancePhase;
  /** Written first, however the task ended. */
  settled?: (record: AddonRecord) => void;
  /** Written when it succeeded; by default the instance runs. */
  succeeded?: (store: SimulatorStore, record: AddonRecord) => void;
  /** Written when it failed or was cancelled, besides the status and the reason. */
  failed?: (record: AddonRecord) => void;
}

/** An add-on lifecycle kind: its settle effect applies to the instance only while the task still moves it. */
function defineAddonKind(definition: AddonKindDefinition): TaskKind<AddonTaskData> {
  const { kind, label, description, subject: subjectName = 'addon', what, failedStatus } = definition;
  return defineTaskKind<AddonTaskData>({
    kind,
    label,
    description,
    subject: subjectName,
    settle(store, task, state) {
      const record = subject(store, task, state);
      if (!record) return;
      definition.settled?.(record);
      if (state.phase === 'Succeeded') {
        if (definition.succeeded) definition.succeeded(store, record);
        else running(record);
        return;
      }
      record.status = failedStatus;
      definition.failed?.(record);
      failure(record, state, what);
    },
  });
}

export const installTask = defineAddonKind({
  kind: 'addon.install',
  label: 'Install add-on',
  description:
    'Installing an add-on (CreateAutopilotAddonInstance): render values, install the Helm release, wait for its pods. Failing it leaves the instance installFailed. Aim it at a template name (log-agent) or a cluster id: the instance id does not exist before.',
  subject: 'addon template or cluster',
  what: 'install',
  failedStatus: 'installFailed',
});

export const upgradeTask = defineAddonKind({
  kind: 'addon.upgrade',
  label: 'Upgrade add-on',
  description:
    'Upgrading an add-on or changing its values (UpdateAutopilotAddonInstance). Failing it leaves the instance upgradeFailed, rollbackable to the revision before.',
  what: 'upgrade',
  failedStatus: 'upgradeFailed',
  settled(record) {
    // AMBIG (digest A3): when `isRollbackable` turns true is never exemplified; chose: once an update
    // has run (succeeded or failed), the revision before it can be restored.
    record.previousVersion = record.rollbackTo?.version;
    record.isRollbackable = record.rollbackTo !== undefined;
  },
});

export const rollbackTask = defineAddonKind({
  kind: 'addon.rollback',
  label: 'Roll back add-on',
  description: 'Rolling an add-on back to its previous version and values (RollbackAutopilotAddonInstance). Failing it leaves the instance rollbackFailed.',
  what: 'rollback',
  failedStatus: 'rollbackFailed',
  succeeded(_store, record) {
    // As the rollback example shows: not rollbackable again, `previousVersion` = the version left.
    running(record);
    record.rollbackTo = undefined;
    record.isRollbackable = false;
  },
  failed(record) {
    // "Roll back the add-on again": the same revision stays the rollback target.
    record.isRollbackable = record.rollbackTo !== undefined;
  },
});

export const deleteTask = defineAddonKind({
  kind: 'addon.delete',
  label: 'Uninstall add-on',
  description: 'Uninstalling an add-on (DeleteAutopilotAddonInstance). Failing it leaves the instance deleteFailed instead of gone.',
  what: 'uninstall',
  failedStatus: 'deleteFailed',
  succeeded(store, record) {
    // AMBIG (digest A5): whether `deleteSuccess` stays listed is not documented; chose: the instance
    // is gone (get answers 404), so the template can be installed again at once.
    store.addons.remove(record.uid);
  },
});
