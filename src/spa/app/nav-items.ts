import type { Capability } from '../../contract/console-api.ts';
import type { MessageKey } from '../shared/i18n/en.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to roles with this capability (the page itself also says what it needs). */
  capability?: Capability;
}

/** The console's sections, in the order an operator works through them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/clusters', label: 'nav.clusters' },
  { to: '/addons', label: 'nav.addons' },
  { to: '/upgrades', label: 'nav.upgrades' },
  { to: '/charts', label: 'nav.charts' },
  { to: '/releases', label: 'nav.releases' },
  { to: '/quotas', label: 'nav.quotas' },
  { to: '/audit', label: 'nav.audit' },
  { to: '/accounts', label: 'nav.accounts', capability: 'administer' },
];
