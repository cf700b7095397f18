import type { jobMessages } from './job-messages.ts';

/** Simplified Chinese of `job-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof jobMessages, string> = {
  'jobs.loadFailed': '无法加载任务',
  'jobs.progress': '已完成 {done}/{total} 个步骤',
  'jobs.subJobs': '步骤',
  'jobs.step': '步骤 {n}',
  'jobs.title': '任务 {type}',
  'jobs.meta': '任务 ID {id} · 开始于 {started} · 最近变化 {updated}',
  'jobs.polling': '任务结束前每隔几秒自动刷新。',
  'jobs.reason': '原因',
  'jobs.expired': '最近的任务（{id}）已不再保留：任务只会短期保存。',
};
