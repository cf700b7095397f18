import type { notFoundMessages } from './not-found-messages.ts';

/** Simplified Chinese of `not-found-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof notFoundMessages, string> = {
  'notFound.title': '页面未找到',
  'notFound.description': '地址 {path} 下没有页面。页面可能已移动，或地址输入有误。',
  'notFound.back': '前往集群列表',
};
