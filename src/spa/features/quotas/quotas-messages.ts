import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The quotas page. English; Simplified Chinese in `quotas-messages-zh-cn.ts`. */
export const quotasMessages = {
  'quotas.title': 'Quotas',
  'quotas.description': 'How much of the project’s quota in {region} is used, before a create runs into the limit.',
  'quotas.loadFailed': 'Could not load the quotas',
  'quotas.clusterQuota': 'Clusters',
  'quotas.usedOfLimit': '{used} of {limit} used',
  'quotas.meterLabel': '{label}: {used} of {limit} used',
  'quotas.remaining': '{remaining} more can be created',
  'quotas.full': 'Quota reached: no more can be created until one is deleted or the quota is raised',
  'quotas.tableLabel': 'All quotas',
  'quotas.column.key': 'Quota',
  'quotas.column.used': 'Used',
  'quotas.column.limit': 'Limit',
  'quotas.column.unit': 'Unit',
  'quotas.column.scope': 'Region / AZ',
};

defineMessages(quotasMessages, { 'zh-CN': async () => (await import('./quotas-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof quotasMessages, string> {}
}
