import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The releases area. English; Simplified Chinese in `releases-messages-zh-cn.ts`. */
export const releasesMessages = {
  'releases.title': 'Releases',
  'releases.description': 'List the Helm releases of a cluster with their status, install a chart, upgrade or roll back a release, and read its revision history.',
};

defineMessages(releasesMessages, { 'zh-CN': async () => (await import('./releases-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof releasesMessages, string> {}
}
