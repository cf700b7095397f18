import { defineMessages } from '../../shared/i18n/i18n.ts';

/** Jobs: progress, steps and why a job failed. English; Simplified Chinese in `job-messages-zh-cn.ts`. */
export const jobMessages = {
  'jobs.loadFailed': 'Could not load the job',
  'jobs.progress': '{done} of {total} steps done',
  'jobs.subJobs': 'Steps',
  'jobs.step': 'Step {n}',
  'jobs.title': 'Job {type}',
  'jobs.meta': 'Job ID {id} · started {started} · last change {updated}',
  'jobs.polling': 'Refreshing every few seconds until the job ends.',
  'jobs.reason': 'Reason',
  'jobs.expired': 'The last job ({id}) is no longer kept: jobs are short-lived.',
};

defineMessages(jobMessages, { 'zh-CN': async () => (await import('./job-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof jobMessages, string> {}
}
