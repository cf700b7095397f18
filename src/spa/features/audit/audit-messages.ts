import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The audit page. English; Simplified Chinese in `audit-messages-zh-cn.ts`. */
export const auditMessages = {
  'audit.title': 'Audit',
  'audit.description': 'Every change made through this console, newest first: who did what to which resource, when, and how it ended.',
  'audit.tableLabel': 'Audit trail',
  'audit.loadFailed': 'Could not load the audit trail',
  'audit.empty': 'No entries match these filters.',
  'audit.emptyHint': 'Changes made through the console are recorded here. Widen the time range or clear the filters to see more.',
  'audit.loadOlder': 'Load older entries',
  'audit.showDetails': 'Details',
  'audit.hideDetails': 'Hide details',
  'audit.filter.actor': 'User',
  'audit.filter.action': 'Operation',
  'audit.filter.target': 'Target name or ID',
  'audit.filter.outcome': 'Outcome',
  'audit.filter.anyOutcome': 'Any',
  'audit.filter.from': 'From',
  'audit.filter.to': 'To',
  'audit.filter.apply': 'Apply filters',
  'audit.filter.clear': 'Clear filters',
  'audit.column.time': 'Time',
  'audit.column.actor': 'User',
  'audit.column.action': 'Operation',
  'audit.column.target': 'Target',
  'audit.column.outcome': 'Outcome',
  'audit.column.requestId': 'Request ID',
  'audit.outcome.success': 'Succeeded',
  'audit.outcome.failure': 'Failed',
  'audit.outcome.denied': 'Refused',
};

defineMessages(auditMessages, { 'zh-CN': async () => (await import('./audit-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof auditMessages, string> {}
}
