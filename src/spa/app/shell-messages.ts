import { defineMessages } from '../shared/i18n/i18n.ts';

/** Text of the console's shell: header, navigation, user menu. English; Simplified Chinese in `shell-messages-zh-cn.ts`. */
export const shellMessages = {
  'nav.label': 'Main navigation',
  'header.toggleNavigation': 'Toggle navigation',
  'header.toggleColorScheme': 'Dark mode',
  'header.language': 'Language',
  'header.region': 'Region',
  'header.project': 'Project',
  'header.projectAndRegion': 'Project {projectId} in region {region}',
  'header.simulator': 'Simulator',
  'header.simulatorHint':
    'Simulator mode: no cloud account is used. Every call goes to the built-in CCE Autopilot simulator, signed exactly as it would be for the cloud.',
  'header.simulatorSpeed': 'Simulated time runs {speed}× faster than real time.',
  'header.contextLoading': 'Connecting…',
  'header.contextFailed': 'Project unknown: the console server did not answer.',
  'session.signOut': 'Sign out',
  'session.roleLabel': 'Role: {role}',
};

defineMessages(shellMessages, { 'zh-CN': async () => (await import('./shell-messages-zh-cn.ts')).zhCN });

declare module '../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof shellMessages, string> {}
}
