import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The upgrades area. English; Simplified Chinese in `upgrades-messages-zh-cn.ts`. */
export const upgradesMessages = {
  'upgrades.title': 'Upgrades',
  'upgrades.description': 'Guided cluster upgrades: pick a target version from the upgrade path, run the pre-upgrade check and accept or fix its risks, back up the control plane, follow the upgrade step by step, retry a failed step, and finish with the post-upgrade check.',
};

defineMessages(upgradesMessages, { 'zh-CN': async () => (await import('./upgrades-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof upgradesMessages, string> {}
}
