import type { quotasMessages } from './quotas-messages.ts';

/** Simplified Chinese of `quotas-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof quotasMessages, string> = {
  'quotas.title': '配额',
  'quotas.description': '项目在 {region} 的配额使用情况，避免创建时超出限制。',
  'quotas.loadFailed': '无法加载配额',
  'quotas.clusterQuota': '集群',
  'quotas.usedOfLimit': '已用 {used} / {limit}',
  'quotas.meterLabel': '{label}：已用 {used} / {limit}',
  'quotas.remaining': '还可创建 {remaining} 个',
  'quotas.full': '配额已用完：删除资源或提升配额后才能继续创建',
  'quotas.tableLabel': '全部配额',
  'quotas.column.key': '配额',
  'quotas.column.used': '已用',
  'quotas.column.limit': '上限',
  'quotas.column.unit': '单位',
  'quotas.column.scope': '区域 / 可用区',
};
