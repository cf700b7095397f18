import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/quotas', label: { en: 'Quotas', 'zh-CN': '配额' }, order: 60 },
  routes: [{ path: 'quotas', page: async () => (await import('./quotas-page.tsx')).QuotasPage }],
});
