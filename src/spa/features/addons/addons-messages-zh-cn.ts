import type { addonsMessages } from './addons-messages.ts';

/** Simplified Chinese of `addons-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof addonsMessages, string> = {
  'addons.title': '插件',
  'addons.description': '浏览插件模板及其支持的 Kubernetes 版本，并为集群安装、配置、升级、回滚或卸载插件。',
};
