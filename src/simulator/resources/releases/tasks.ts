import { planOf, type TaskPlan } from '../../tasks/task.ts';
import { defineTaskKind } from '../../tasks/registry.ts';
import type { SimulatorStore } from '../../store.ts';
import { SUPERSEDED, latestRevision } from './model.ts';

/** What a release task works on: the release (its key is the task's subject) and the revision it moves. */
export interface ReleaseTaskData {
  key: string;
  revision: number;
  /** For a rollback, the revision rolled back to. */
  target?: number;
}

/** Simulated durations: a small chart takes tens of seconds to apply and become ready. */
export const RELEASE_PLANS = {
  install: planOf(['Validate', 2], ['Apply', 10], ['WaitReady', 8]),
  upgrade: planOf(['Validate', 2], ['Apply', 10], ['WaitReady', 8]),
  rollback: planOf(['Validate', 2], ['Apply', 8], ['WaitReady', 5]),
  delete: planOf(['Uninstall', 6]),
} satisfies Record<string, TaskPlan>;

function settleRevision(
  store: SimulatorStore,
  data: ReleaseTaskData,
  ok: boolean,
  okText: string,
  failText: (reason: string) => string,
  reason: string,
  at: number,
) {
  const release = store.releases.get(data.key);
  const revision = release?.revisions.find((r) => r.revision === data.revision);
  if (!release || !revision) return;
  revision.taskId = undefined;
  revision.updatedAt = at;
  if (ok) {
    for (const r of release.revisions) if (r !== revision && r.status === 'DEPLOYED') r.status = SUPERSEDED;
    revision.status = 'DEPLOYED';
    revision.statusDescription = okText;
  } else {
    revision.status = 'FAILED';
    revision.statusDescription = failText(reason || 'the simulated cluster refused the change');
  }
}

function defineRevisionKind(
  kind: string,
  label: string,
  description: string,
  okText: (d: ReleaseTaskData) => string,
  failText: (name: string, d: ReleaseTaskData, reason: string) => string,
) {
  return defineTaskKind<ReleaseTaskData>({
    kind,
    label,
    description,
    subject: 'release (cluster-id/namespace/name)',
    settle(store, task, state) {
      if (state.phase === 'Cancelled') return;
      const name = store.releases.get(task.data.key)?.name ?? '';
      settleRevision(
        store,
        task.data,
        state.phase === 'Succeeded',
        okText(task.data),
        (reason) => failText(name, task.data, reason),
        state.reason,
        state.changedAt,
      );
    },
  });
}

/** Installation of a release (revision 1, or a replaced release's next revision). */
export const releaseInstall = defineRevisionKind(
  'release.install',
  'Install release',
  'Installs a Helm release (PENDING_INSTALL, then DEPLOYED). Failed: the release is FAILED with the reason as its description.',
  () => 'Install complete',
  (name, _d, reason) => `Release "${name}" failed: ${reason}`,
);

export const releaseUpgrade = defineRevisionKind(
  'release.upgrade',
  'Upgrade release',
  'Upgrades a release to a new revision (PENDING_UPGRADE, then DEPLOYED). Failed: the new revision is FAILED; stalled: it stays PENDING_UPGRADE until rolled back or deleted.',
  () => 'Upgrade complete',
  (name, _d, reason) => `Upgrade "${name}" failed: ${reason}`,
);

export const releaseRollback = defineRevisionKind(
  'release.rollback',
  'Roll back release',
  'Rolls a release back to an earlier revision as a new one (PENDING_ROLLBACK, then DEPLOYED). Failed: that revision is FAILED.',
  (d) => `Rollback to ${d.target ?? '?'}`,
  (_name, d, reason) => `Rollback "${d.target ?? '?'}" failed: ${reason}`,
);

/**
 * Deletion: the release disappears when it finishes (afterwards it answers 404, digest A11). A failed
 * deletion leaves the release `UNKNOWN`, the status whose documented remedy is to delete it again.
 */
export const releaseDelete = defineTaskKind<ReleaseTaskData>({
  kind: 'release.delete',
  label: 'Delete release',
  description: 'Uninstalls a release (DELETING, then gone). Failed: the release is left UNKNOWN, to be deleted again.',
  subject: 'release (cluster-id/namespace/name)',
  settle(store, task, state) {
    const release = store.releases.get(task.data.key);
    if (!release || state.phase === 'Cancelled') return;
    if (state.phase === 'Succeeded') {
      store.releases.delete(task.data.key);
      return;
    }
    release.deleting = undefined;
    const latest = latestRevision(release);
    latest.status = 'UNKNOWN';
    latest.statusDescription = `Uninstall "${release.name}" failed: ${state.reason || 'the simulated cluster did not answer'}`;
    latest.updatedAt = state.changedAt;
  },
});
