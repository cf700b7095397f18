import type { MessageKey } from '../shared/i18n/en.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
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
];
