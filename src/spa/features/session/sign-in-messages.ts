import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The sign-in page. English; Simplified Chinese in `sign-in-messages-zh-cn.ts`. */
export const signInMessages = {
  'signIn.title': 'Sign in to the CCE Autopilot console',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.failed': 'Wrong username or password.',
  'signIn.disabled': 'This account is disabled. Ask an administrator to enable it.',
  'signIn.throttled': 'Too many failed sign-ins. Wait {wait} and try again.',
  'signIn.throttledNoWait': 'Too many failed sign-ins. Wait a while and try again.',
  'signIn.wait.minutes.one': '{count} minute',
  'signIn.wait.minutes.other': '{count} minutes',
  'signIn.wait.seconds.one': '{count} second',
  'signIn.wait.seconds.other': '{count} seconds',
  'signIn.error': 'Signing in failed.',
  'signIn.sessionEnded': 'Your session ended. Sign in again to continue where you were.',
  'signIn.demo.title': 'Demo accounts',
  'signIn.demo.description':
    'This console runs against the built-in simulator, so these demo accounts exist, one per role. Their passwords are public: never use simulator mode for real work.',
  'signIn.demo.role': 'Role',
};

defineMessages(signInMessages, { 'zh-CN': async () => (await import('./sign-in-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof signInMessages, string> {}
}
