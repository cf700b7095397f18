import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/addons', label: { en: 'Add-ons', 'zh-CN': '插件' }, order: 20 },
  routes: [{ path: 'addons', page: async () => (await import('./addons-page.tsx')).AddonsPage }],
});
