import { clusterPhaseMeanings } from '../../../contract/clusters.ts';
import { defineMessages } from '../../shared/i18n/i18n.ts';

/** Cluster phases and status: label, the reference's meaning (Table 4-16) and what to do. English; Simplified Chinese in `cluster-messages-zh-cn.ts`. */
export const clusterMessages = {
  'clusterStatus.unknown.label': 'Unknown',
  'clusterStatus.unknown.meaning': 'The cloud reported a phase this console does not know yet: {phase}.',
  'clusterStatus.missing.meaning': 'The cloud did not report a phase for this cluster.',
  'clusterStatus.reason': 'Reason: {reason}',
  'clusterStatus.message': 'Details: {message}',
  'clusterStatus.todo.moving': 'This changes on its own: the console refreshes until it settles.',
  'clusterStatus.todo.failed': 'The Jobs tab of the cluster shows its last job and why it failed.',
  'clusterPhase.Available.label': 'Available',
  'clusterPhase.Unavailable.label': 'Unavailable',
  'clusterPhase.ScalingUp.label': 'Scaling up',
  'clusterPhase.ScalingDown.label': 'Scaling down',
  'clusterPhase.Creating.label': 'Creating',
  'clusterPhase.Deleting.label': 'Deleting',
  'clusterPhase.Upgrading.label': 'Upgrading',
  'clusterPhase.Resizing.label': 'Resizing',
  'clusterPhase.ResizeFailed.label': 'Resize failed',
  'clusterPhase.RollingBack.label': 'Rolling back',
  'clusterPhase.RollbackFailed.label': 'Rollback failed',
  'clusterPhase.Hibernating.label': 'Hibernating',
  'clusterPhase.Hibernation.label': 'Hibernation',
  'clusterPhase.Freezing.label': 'Freezing',
  'clusterPhase.Frozen.label': 'Frozen',
  'clusterPhase.UnFreezing.label': 'Unfreezing',
  'clusterPhase.Awaking.label': 'Awaking',
  'clusterPhase.Empty.label': 'Empty',
  'clusterPhase.Error.label': 'Error',
  'clusterPhase.Available.meaning': clusterPhaseMeanings.Available,
  'clusterPhase.Unavailable.meaning': clusterPhaseMeanings.Unavailable,
  'clusterPhase.ScalingUp.meaning': clusterPhaseMeanings.ScalingUp,
  'clusterPhase.ScalingDown.meaning': clusterPhaseMeanings.ScalingDown,
  'clusterPhase.Creating.meaning': clusterPhaseMeanings.Creating,
  'clusterPhase.Deleting.meaning': clusterPhaseMeanings.Deleting,
  'clusterPhase.Upgrading.meaning': clusterPhaseMeanings.Upgrading,
  'clusterPhase.Resizing.meaning': clusterPhaseMeanings.Resizing,
  'clusterPhase.ResizeFailed.meaning': clusterPhaseMeanings.ResizeFailed,
  'clusterPhase.RollingBack.meaning': clusterPhaseMeanings.RollingBack,
  'clusterPhase.RollbackFailed.meaning': clusterPhaseMeanings.RollbackFailed,
  'clusterPhase.Hibernating.meaning': clusterPhaseMeanings.Hibernating,
  'clusterPhase.Hibernation.meaning': clusterPhaseMeanings.Hibernation,
  'clusterPhase.Freezing.meaning': clusterPhaseMeanings.Freezing,
  'clusterPhase.Frozen.meaning': clusterPhaseMeanings.Frozen,
  'clusterPhase.UnFreezing.meaning': clusterPhaseMeanings.UnFreezing,
  'clusterPhase.Awaking.meaning': clusterPhaseMeanings.Awaking,
  'clusterPhase.Empty.meaning': clusterPhaseMeanings.Empty,
  'clusterPhase.Error.meaning': clusterPhaseMeanings.Error,
};

defineMessages(clusterMessages, { 'zh-CN': async () => (await import('./cluster-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof clusterMessages, string> {}
}
