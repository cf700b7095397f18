import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The add-ons area. English; Simplified Chinese in `addons-messages-zh-cn.ts`. */
export const addonsMessages = {
  'addons.title': 'Add-ons',
  'addons.description': 'Browse the add-on templates with the Kubernetes versions each one supports, and install, configure, upgrade, roll back or remove the add-ons of a cluster.',
};

defineMessages(addonsMessages, { 'zh-CN': async () => (await import('./addons-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof addonsMessages, string> {}
}
