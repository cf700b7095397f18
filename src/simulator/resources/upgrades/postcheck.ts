import { defineTaskKind } from '../../tasks/registry.ts';
import type { TaskPlan, TaskState } from '../../tasks/task.ts';

export interface PostcheckData {
  /** Source (pre-upgrade) version. */
  clusterVersion: string;
  /** Current (upgraded) version. */
  targetVersion: string;
}

/**
 * The post-check ends at once: its response already carries `Success`/`Failed`/`Error` and no GET
 * exists (4.3.8). A task all the same, so an armed scenario can make it fail.
 */
// AMBIG (digest D-11): what the service checks is not documented; the simulator passes it unless a
// scenario is armed, and a passed post-check completes the workflow.
export const postcheckTaskKind = defineTaskKind<PostcheckData>({
  kind: 'upgrade.postcheck',
  label: 'Upgrade post-check',
  description: 'The post-upgrade check, answered at once; "fail" makes it report Failed.',
  subject: 'cluster',
  settle() {},
});

export function postcheckPlan(): TaskPlan {
  return { steps: [{ name: 'PostCheck', durationMs: 0 }] };
}

export function postcheckPhase(state: TaskState): 'Success' | 'Failed' | 'Error' {
  if (state.phase === 'Succeeded') return 'Success';
  return state.phase === 'Failed' ? 'Failed' : 'Error';
}
