import type { chartsMessages } from './charts-messages.ts';

/** Simplified Chinese of `charts-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof chartsMessages, string> = {
  'charts.title': '模板',
  'charts.description': '上传 Helm v3 模板（{name}-{version}.tgz），查看其版本和默认配置值，并关注模板配额。',
};
