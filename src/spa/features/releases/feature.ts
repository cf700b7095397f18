import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/releases', label: { en: 'Releases', 'zh-CN': '模板实例' }, order: 50 },
  routes: [
    { path: 'releases', page: async () => (await import('./releases-page.tsx')).ReleasesPage },
    { path: 'releases/:clusterId', page: async () => (await import('./releases-page.tsx')).ReleasesPage },
    { path: 'releases/:clusterId/:namespace/:name', page: async () => (await import('./release-detail-page.tsx')).ReleaseDetailPage },
  ],
});
