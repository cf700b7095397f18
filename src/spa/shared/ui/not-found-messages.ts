import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The page shown for an address the console does not have. English; Simplified Chinese in `not-found-messages-zh-cn.ts`. */
export const notFoundMessages = {
  'notFound.title': 'Page not found',
  'notFound.description': 'There is no page at {path}. It may have moved, or the address may be mistyped.',
  'notFound.back': 'Go to the cluster list',
};

defineMessages(notFoundMessages, { 'zh-CN': async () => (await import('./not-found-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof notFoundMessages, string> {}
}
