import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/charts', label: { en: 'Charts', 'zh-CN': '模板' }, order: 40 },
  routes: [
    { path: 'charts', page: async () => (await import('./charts-page.tsx')).ChartsPage },
    { path: 'charts/:chartId', page: async () => (await import('./chart-detail-page.tsx')).ChartDetailPage },
  ],
});
