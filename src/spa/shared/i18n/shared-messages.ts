import { defineMessages } from './i18n.ts';

/** Text of the shared components (errors, roles, common words): shown on every page. English; Simplified Chinese in `shared-messages-zh-cn.ts`. */
export const sharedMessages = {
  'app.name': 'CCE Autopilot console',
  'app.loading': 'Loading…',
  'error.requestId': 'Request ID',
  'error.code': 'Error code',
  'error.status': 'HTTP status',
  'error.retry': 'Retry',
  'error.copyRequestId': 'Copy request ID',
  'error.requestIdCopied': 'Request ID copied',
  'error.network': 'The console server could not be reached. Check your connection and that the console is running.',
  'error.badResponse': 'The console server sent an answer that could not be read.',
  'error.page.title': 'Something went wrong',
  'error.page.intro': 'This page could not be shown. Quote the request ID, if there is one, when you report the problem.',
  'error.page.back': 'Back to the cluster list',
  'error.page.reload': 'Reload the console',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'roles.viewer': 'Viewer',
  'roles.operator': 'Operator',
  'roles.admin': 'Admin',
  'roles.cannotOperate': 'Your role ({role}) can view but not change resources. Ask an admin for the operator role.',
  'roles.cannotAdminister': 'Your role ({role}) cannot manage console accounts.',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.copied': 'Copied',
  'common.dismiss': 'Dismiss',
};

defineMessages(sharedMessages, { 'zh-CN': async () => (await import('./shared-messages-zh-cn.ts')).zhCN });

declare module './message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof sharedMessages, string> {}
}
