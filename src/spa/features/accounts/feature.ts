import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/accounts', label: { en: 'Accounts', 'zh-CN': '账号' }, order: 80 },
  capability: 'administer',
  routes: [{ path: 'accounts', page: async () => (await import('./accounts-page.tsx')).AccountsPage }],
});
