import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/upgrades', label: { en: 'Upgrades', 'zh-CN': '升级' }, order: 30 },
  routes: [{ path: 'upgrades', page: async () => (await import('./upgrades-page.tsx')).UpgradesPage }],
});
