import { defineFeature } from '../../shared/feature/define-feature.ts';

export const feature = defineFeature({
  routes: [{ path: 'sign-in', bare: true, page: async () => (await import('./sign-in-page.tsx')).SignInPage }],
});
