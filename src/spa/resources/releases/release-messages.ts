import { releaseStatusMeanings, releaseStatusRemedies } from '../../../contract/releases.ts';
import { defineMessages } from '../../shared/i18n/i18n.ts';

/** Release statuses: label, the reference's meaning (ReleaseResp tables) and what to do. English; Simplified Chinese in `release-messages-zh-cn.ts`. */
export const releaseMessages = {
  'releaseStatus.DEPLOYED.label': 'Deployed',
  'releaseStatus.DELETED.label': 'Deleted',
  'releaseStatus.FAILED.label': 'Failed',
  'releaseStatus.DELETING.label': 'Deleting',
  'releaseStatus.PENDING_INSTALL.label': 'Installing',
  'releaseStatus.PENDING_UPGRADE.label': 'Upgrading',
  'releaseStatus.PENDING_ROLLBACK.label': 'Rolling back',
  'releaseStatus.UNKNOWN.label': 'Unknown',
  'releaseStatus.SUPERSEDED.label': 'Superseded',
  'releaseStatus.DEPLOYED.meaning': releaseStatusMeanings.DEPLOYED,
  'releaseStatus.DELETED.meaning': releaseStatusMeanings.DELETED,
  'releaseStatus.FAILED.meaning': releaseStatusMeanings.FAILED,
  'releaseStatus.DELETING.meaning': releaseStatusMeanings.DELETING,
  'releaseStatus.PENDING_INSTALL.meaning': releaseStatusMeanings.PENDING_INSTALL,
  'releaseStatus.PENDING_UPGRADE.meaning': releaseStatusMeanings.PENDING_UPGRADE,
  'releaseStatus.PENDING_ROLLBACK.meaning': releaseStatusMeanings.PENDING_ROLLBACK,
  'releaseStatus.UNKNOWN.meaning': releaseStatusMeanings.UNKNOWN,
  'releaseStatus.SUPERSEDED.meaning': 'An earlier revision that a later one replaced; it can be rolled back to.',
  'releaseStatus.unknownValue.meaning': 'The cloud reported a status this console does not know yet: {status}.',
  'releaseStatus.missing.label': 'No status',
  'releaseStatus.missing.meaning': 'The cloud did not report a status for this release.',
  'releaseStatus.description': 'The service says: {description}',
  'releaseStatus.todo.moving': 'This changes on its own: the console refreshes until it settles. A release stuck here can be rolled back or deleted.',
  'releaseStatus.todo.failed': 'Upgrade it with corrected values, roll it back to a revision that worked, or delete it.',
  'releaseStatus.todo.unknown': releaseStatusRemedies.UNKNOWN ?? '',
};

defineMessages(releaseMessages, { 'zh-CN': async () => (await import('./release-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof releaseMessages, string> {}
}
