import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The charts area. English; Simplified Chinese in `charts-messages-zh-cn.ts`. */
export const chartsMessages = {
  'charts.title': 'Charts',
  'charts.description': 'Upload Helm v3 charts ({name}-{version}.tgz), see their versions and default values, and keep an eye on the chart quota.',
};

defineMessages(chartsMessages, { 'zh-CN': async () => (await import('./charts-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof chartsMessages, string> {}
}
