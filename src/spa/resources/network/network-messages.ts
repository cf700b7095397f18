import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The network pickers (elastic IPs by address). English; Simplified Chinese in `network-messages-zh-cn.ts`. */
export const networkMessages = {
  'network.eip': 'Free elastic IP',
  'network.eipHint': 'The unbound elastic IPs of this region, by address. Choosing one fills in its ID.',
  'network.eipChoose': 'Choose an address',
  'network.eipLoading': 'Reading the elastic IPs…',
  'network.eipNone': 'No free elastic IP: every one is bound. Buy one in the EIP console, or type the ID of one.',
  'network.eipNothingFound': 'No free elastic IP has this address.',
  'network.eipOption': '{address} — {size} Mbit/s, {share}',
  'network.eipShare.dedicated': 'dedicated bandwidth',
  'network.eipShare.shared': 'shared bandwidth',
  'network.eipsUnavailable': 'The elastic IPs could not be listed ({reason}). Type the ID of a free EIP instead.',
};

defineMessages(networkMessages, { 'zh-CN': async () => (await import('./network-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof networkMessages, string> {}
}
