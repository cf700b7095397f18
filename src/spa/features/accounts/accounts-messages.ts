import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The accounts page. English; Simplified Chinese in `accounts-messages-zh-cn.ts`. */
export const accountsMessages = {
  'accounts.title': 'Accounts',
  'accounts.description':
    'Who may sign in to this console, and with which role. Viewers read; operators also change clusters, add-ons, upgrades, charts and releases; admins also manage accounts.',
  'accounts.needsAdmin': 'Managing accounts needs the admin role.',
  'accounts.create': 'Create account',
  'accounts.createTitle': 'Create an account',
  'accounts.createSubmit': 'Create account',
  'accounts.loadFailed': 'Could not load the accounts',
  'accounts.tableLabel': 'Accounts',
  'accounts.column.username': 'Username',
  'accounts.column.role': 'Role',
  'accounts.column.status': 'Status',
  'accounts.column.created': 'Created',
  'accounts.column.updated': 'Last changed',
  'accounts.column.actions': 'Actions',
  'accounts.you': 'You',
  'accounts.roleOf': 'Role of {username}',
  'accounts.status.active': 'Active',
  'accounts.status.disabled': 'Disabled',
  'accounts.enable': 'Enable {username}',
  'accounts.disable': 'Disable {username}',
  'accounts.enableTitle': 'Enable {username}?',
  'accounts.disableTitle': 'Disable {username}?',
  'accounts.enableConfirm': '{username} will be able to sign in again.',
  'accounts.disableConfirm': '{username} is signed out everywhere at once and cannot sign in until an admin enables the account again.',
  'accounts.resetPassword': 'Reset password of {username}',
  'accounts.resetTitle': 'New password for {username}',
  'accounts.resetHint': 'Every session of this account ends; it signs in again with the new password.',
  'accounts.resetSubmit': 'Set password',
  'accounts.field.username': 'Username',
  'accounts.field.password': 'Password',
  'accounts.field.newPassword': 'New password',
  'accounts.field.role': 'Role',
  'accounts.changeFailed': 'The account {username} could not be changed',
  'accounts.createFailed': 'The account could not be created',
  'accounts.selfLockout': 'You cannot disable your own account or change its role: ask another admin.',
  'accounts.passwordRule': 'At least 12 characters, not containing the username.',
  'accounts.unlockSignIn': 'Unlock sign-in of {username}',
  'accounts.status.throttled': 'Sign-in throttled',
};

defineMessages(accountsMessages, { 'zh-CN': async () => (await import('./accounts-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof accountsMessages, string> {}
}
