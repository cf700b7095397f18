import type { Feature, FeatureNav } from '../shared/feature/define-feature.ts';

/**
 * Every feature of the console, found by its `features/<name>/feature.ts` (Vite resolves the glob at
 * build time): adding a feature folder adds its routes and navigation entry, with no list to edit.
 * Eager, because the declarations are small and the shell needs them all; the pages stay lazy.
 */
const declared = import.meta.glob<Feature>('../features/*/feature.ts', { eager: true, import: 'feature' });

export const FEATURES: readonly Feature[] = Object.values(declared);

export interface NavEntry extends FeatureNav {
  capability: Feature['capability'];
}

/** The console's sections, in the order an operator works through them. */
export const NAV_ENTRIES: readonly NavEntry[] = FEATURES.flatMap((feature) => (feature.nav ? [{ ...feature.nav, capability: feature.capability }] : [])).sort(
  (a, b) => a.order - b.order,
);
