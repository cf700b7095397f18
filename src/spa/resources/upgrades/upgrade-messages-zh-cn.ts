import type { upgradeMessages } from './upgrade-messages.ts';

/** Simplified Chinese of `upgrade-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof upgradeMessages, string> = {
  'upgrade.entry.patch': '补丁版本 {patch}',
  'upgrade.entry.button': '升级集群',
  'upgrade.entry.available': '可升级：{targets}',
  'upgrade.entry.upToDate': '已是最新版本',
  'upgrade.entry.inFlight': '升级进行中：{step}',
  'upgrade.step.target': '目标版本',
  'upgrade.step.start': '开始',
  'upgrade.step.precheck': '升级前检查',
  'upgrade.step.backup': '备份',
  'upgrade.step.configure': '配置',
  'upgrade.step.upgrade': '升级',
  'upgrade.step.postcheck': '升级后验证',
  'upgrade.step.done': '完成',
};
