import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/audit', label: { en: 'Audit', 'zh-CN': '审计' }, order: 70 },
  routes: [{ path: 'audit', page: async () => (await import('./audit-page.tsx')).AuditPage }],
});
