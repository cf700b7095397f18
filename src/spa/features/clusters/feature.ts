import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  nav: { to: '/clusters', label: { en: 'Clusters', 'zh-CN': '集群' }, order: 10 },
  routes: [
    // The console's first page: its code is fetched alongside the shell (see `preloadPage`).
    { path: 'clusters', page: async () => (await import('./clusters-page.tsx')).ClustersPage },
    { path: 'clusters/new', page: async () => (await import('./create-cluster-page.tsx')).CreateClusterPage },
    { path: 'clusters/:clusterId', page: async () => (await import('./cluster-detail-page.tsx')).ClusterDetailPage },
  ],
});
