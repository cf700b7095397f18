import type { ComponentType } from 'react';
import type { Capability } from '../../../contract/console-api.ts';
import type { Language } from '../i18n/i18n.ts';

export interface FeatureRoute {
  /** Address below the console root, as React Router writes it (`clusters/:clusterId`). */
  path: string;
  /** The page's code, fetched on first use: keep it a dynamic `import()`, so only the shell is in the first bundle. */
  page: () => Promise<ComponentType>;
  /** Shown without the shell and without a session (the sign-in page). */
  bare?: boolean;
}

export interface FeatureNav {
  /** Where the entry leads; it stays highlighted on the addresses below it. */
  to: string;
  /** The entry's name in each language: the shell shows it before any page's messages load. */
  label: Record<Language, string>;
  /** Place in the navigation, lowest first (clusters 10, …, accounts 80). */
  order: number;
}

/**
 * What a feature tells the console about itself; `features/<name>/feature.ts` exports one as
 * `feature`. The router, the navigation and the message catalogs read these, so a new page touches
 * only its own folder. Its messages live beside its pages (`defineMessages`) and load with them.
 */
export interface Feature {
  routes: readonly FeatureRoute[];
  nav?: FeatureNav;
  /** Who sees the navigation entry (the page itself also says what it needs); everyone when absent. */
  capability?: Capability;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}
