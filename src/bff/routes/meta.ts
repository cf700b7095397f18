import type { FastifyInstance } from 'fastify';
import type { DemoAccount } from '../auth/bootstrap.ts';
import type { Upstream } from '../upstream/upstream.ts';

export interface HealthBody {
  status: 'ok';
  mode: Upstream['mode'];
}

/** What the SPA needs to build CCE calls and to say where it is pointed. Never credentials. */
export interface ContextBody {
  mode: Upstream['mode'];
  region: string;
  projectId: string;
  simulator?: { speed: number };
  /** Simulator mode only: the demo accounts the sign-in page lists, with their public passwords. */
  demoAccounts?: readonly DemoAccount[];
}

/** The BFF's own read-only routes: `GET /api/health` and `GET /api/context`. */
export async function metaRoutes(app: FastifyInstance, options: { upstream: Upstream; demoAccounts: readonly DemoAccount[] }): Promise<void> {
  const { upstream } = options;
  const health: HealthBody = { status: 'ok', mode: upstream.mode };
  const context: ContextBody = {
    mode: upstream.mode,
    region: upstream.region,
    projectId: upstream.projectId,
    ...(upstream.simulator ? { simulator: { speed: upstream.simulator.speed } } : {}),
    ...(upstream.mode === 'simulator' && options.demoAccounts.length > 0 ? { demoAccounts: options.demoAccounts } : {}),
  };
  app.get('/api/health', { config: { access: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return health;
  });
  app.get('/api/context', { config: { access: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return context;
  });
}
