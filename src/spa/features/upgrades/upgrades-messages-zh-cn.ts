import type { upgradesMessages } from './upgrades-messages.ts';

/** Simplified Chinese of `upgrades-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof upgradesMessages, string> = {
  'upgrades.title': '升级',
  'upgrades.description': '引导式集群升级：从升级路径中选择目标版本，执行升级前检查并确认或修复风险项，备份控制面，逐步跟踪升级进度，重试失败的步骤，最后完成升级后验证。',
};
