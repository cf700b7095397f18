import type { releasesMessages } from './releases-messages.ts';

/** Simplified Chinese of `releases-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof releasesMessages, string> = {
  'releases.title': '模板实例',
  'releases.description': '列出集群中的 Helm 模板实例及其状态，从模板安装实例，升级或回滚实例，并查看其版本历史。',
};
