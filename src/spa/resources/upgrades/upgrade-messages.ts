import { defineMessages } from '../../shared/i18n/i18n.ts';

/** What any page shows about a cluster's upgrade (its way in, the step an upgrade is at). English; Simplified Chinese in `upgrade-messages-zh-cn.ts`. */
export const upgradeMessages = {
  'upgrade.entry.patch': 'Patch {patch}',
  'upgrade.entry.button': 'Upgrade cluster',
  'upgrade.entry.available': 'Upgrade available: {targets}',
  'upgrade.entry.upToDate': 'Up to date',
  'upgrade.entry.inFlight': 'Upgrade in progress: {step}',
  'upgrade.step.target': 'Target',
  'upgrade.step.start': 'Start',
  'upgrade.step.precheck': 'Pre-check',
  'upgrade.step.backup': 'Backup',
  'upgrade.step.configure': 'Configure',
  'upgrade.step.upgrade': 'Upgrade',
  'upgrade.step.postcheck': 'Post-check',
  'upgrade.step.done': 'Done',
};

defineMessages(upgradeMessages, { 'zh-CN': async () => (await import('./upgrade-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof upgradeMessages, string> {}
}
