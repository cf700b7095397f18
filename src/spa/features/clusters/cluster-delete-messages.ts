import { defineMessages } from '../../shared/i18n/i18n.ts';

/** Deleting a cluster: the dialog and the progress shown afterwards. English; Simplified Chinese in `cluster-delete-messages-zh-cn.ts`. */
export const clusterDeleteMessages = {
  'clusterDelete.title': 'Delete cluster {name}',
  'clusterDelete.intro':
    'Deleting {name} removes its control plane and workloads. Choose what happens to the cloud resources the cluster created; the defaults are what the cloud does when nothing is chosen.',
  'clusterDelete.optionsLabel': 'Deletion options',
  'clusterDelete.option.delete_eni': 'ENI ports (native ENIs)',
  'clusterDelete.option.delete_net': 'Services and ingresses, such as load balancers',
  'clusterDelete.option.delete_efs': 'SFS Turbo volumes',
  'clusterDelete.option.delete_obs': 'OBS volumes',
  'clusterDelete.option.delete_sfs30': 'SFS 3.0 volumes',
  'clusterDelete.option.lts_reclaim_policy': 'Logs (LTS)',
  'clusterDelete.default': 'Default: {value}',
  'clusterDelete.mode.block': 'Delete, stop on failure',
  'clusterDelete.mode.try': 'Try to delete',
  'clusterDelete.mode.skip': 'Keep',
  'clusterDelete.modeMeaning.block': 'Delete; if deleting fails, the cluster deletion stops (block).',
  'clusterDelete.modeMeaning.try': 'Try to delete; if deleting fails, keep the resource and go on (try).',
  'clusterDelete.modeMeaning.skip': 'Do not delete (skip).',
  'clusterDelete.modesExplained':
    '“Delete, stop on failure” (block): the cluster deletion stops if this resource cannot be deleted. “Try to delete” (try): a failure leaves the resource and the deletion goes on. “Keep” (skip): the resource is not deleted.',
  'clusterDelete.lts.Delete_Log_Group': 'Delete the log group',
  'clusterDelete.lts.Delete_Master_Log_Stream': 'Delete the master log stream',
  'clusterDelete.lts.Retain': 'Keep the logs',
  'clusterDelete.ltsMeaning.Delete_Log_Group': "Deletes the cluster's whole log group; if that fails, the deletion goes on without retrying.",
  'clusterDelete.ltsMeaning.Delete_Master_Log_Stream': "Deletes only the control plane's log stream; if that fails, the deletion goes on without retrying.",
  'clusterDelete.ltsMeaning.Retain': 'Keeps the log group and streams; you can still read and delete them in LTS.',
  'clusterDelete.typeName': 'Type {name} to confirm',
  'clusterDelete.submit': 'Delete cluster',
  'clusterDelete.failed': 'The cluster could not be deleted',
  'clusterDelete.jobTitle': 'Deleting {name}',
  'clusterDelete.inProgress': '{name} is being deleted; it leaves the cluster list when the deletion finishes. You can go on working meanwhile.',
  'clusterDelete.done': '{name} has been deleted.',
  'clusterDelete.startedTitle': 'Deleting cluster {name}',
};

defineMessages(clusterDeleteMessages, { 'zh-CN': async () => (await import('./cluster-delete-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof clusterDeleteMessages, string> {}
}
