/**
 * The one test double of the SPA's component and page tests: the real BFF over the real simulator,
 * in one process per test run, with the simulated clock under the test's control.
 *
 * Each test opens a *world*: a fresh simulator (seeded) and a BFF app over it, listening on its own
 * 127.0.0.1 port, both on one `ManualClock`, so "advance 30 s" moves the simulator's jobs and the BFF's
 * signatures together and nothing waits on the wall clock. Each world has its own console store
 * (accounts, sessions, the audit trail, the sign-in throttle) on that clock, so tests in parallel
 * files never see each other's accounts or sign-ins: a schema of its own in the one embedded
 * PostgreSQL of the run (starting a database per world would take seconds on a busy machine).
 * Sessions idle out after 30 simulated minutes without a request, as they would in a browser.
 * The SPA's tests reach a world over HTTP only (see `src/spa/shared/test/world.ts`), as the
 * browser does.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../bff/app.ts';
import { simulatorUpstream } from '../bff/compose.ts';
import { isolatedTestStore, prepareTestStores, testConfig, TEST_USERS } from '../bff/testing.ts';
import type { Upstream } from '../bff/upstream/upstream.ts';
import { createSimulator, type Simulator } from '../simulator/create-simulator.ts';
import type { SimulatorSeed } from '../simulator/config.ts';
import { DEMO_SEED } from '../simulator/seed.ts';
import { ManualClock } from '../simulator/time.ts';

/** A fixed start, so times on screen are reproducible: 2025-03-10 08:00:00 UTC. */
const WORLD_START_MS = Date.UTC(2025, 2, 10, 8, 0, 0);

interface World {
  app: FastifyInstance;
  simulator: Simulator;
  clock: ManualClock;
  /** False while the link from the BFF to the CCE API is cut. */
  link: { up: boolean };
  close(): Promise<void>;
}

export interface WorldRequest {
  seed?: SimulatorSeed;
  /** Multiplies simulated time, as `SIMULATOR_SPEED` does. */
  speed?: number;
  clusterQuota?: number;
  /**
   * 'cloud': the BFF in cloud mode, its endpoint the simulator (signed and verified as in simulator
   * mode, but no simulator badge, demo accounts or control surface). Default 'simulator'.
   */
  mode?: 'simulator' | 'cloud';
}

async function openWorld(request: WorldRequest, schema: string): Promise<World> {
  const clock = new ManualClock(WORLD_START_MS);
  const speed = request.speed ?? 1;
  let counter = 0;
  const simulator = createSimulator({
    clock,
    seed: request.seed ?? 'demo',
    speed,
    // Deterministic, UUID-shaped ids: failures are readable and tests may name them.
    ids: () => `00000000-0000-1000-8000-${(++counter).toString(16).padStart(12, '0')}`,
    ...(request.clusterQuota !== undefined ? { clusterQuota: request.clusterQuota } : {}),
  });
  const link = { up: true };
  const { simulator: simulated, ...real } = simulatorUpstream(simulator, speed);
  // A cut link fails as a refused connection does: the BFF's own handling of an unreachable CCE answers.
  const transport: Upstream['transport'] = (url, init) =>
    link.up ? real.transport(url, init) : Promise.reject(new TypeError('fetch failed: connect ECONNREFUSED'));
  const upstream: Upstream =
    request.mode === 'cloud' ? { ...real, mode: 'cloud', transport } : { ...real, transport, ...(simulated ? { simulator: simulated } : {}) };
  const { store, drop } = await isolatedTestStore(schema, () => clock.now());
  // The test accounts are this world's demo accounts: the sign-in page lists them in simulator mode.
  const app = await buildApp({ config: testConfig(), upstream, store, clock, demoAccounts: Object.values(TEST_USERS) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const close = async () => {
    const closing = app.close();
    // The test that used this world has ended: whatever its page still had in flight is dropped, not waited for.
    app.server.closeAllConnections();
    await closing;
    simulator.close();
    await drop();
  };
  return { app, simulator, clock, link, close };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Control routes (127.0.0.1 only, test runs only): `POST /worlds` opens a world and answers its
 * `{ id, origin, users, demo, projectId, region, now }` (the test accounts, the demo seed's ids, the
 * project the console calls, the simulated time in ms); `POST /worlds/:id/advance` `{ ms }` moves its clock;
 * `POST /worlds/:id/link` `{ up }` cuts or restores the BFF's link to the CCE API;
 * `DELETE /worlds/:id` closes it.
 */
export async function startWorldServer(): Promise<{ origin: string; close(): Promise<void> }> {
  // Opened before the first world is asked for: the embedded database is the slow part.
  await prepareTestStores();
  const worlds = new Map<string, World>();
  let next = 0;
  const server: Server = createServer((request, response) => {
    const answer = (status: number, body?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const [, collection, id, action] = url.pathname.split('/');
      if (collection !== 'worlds') return answer(404);
      if (request.method === 'POST' && !id) {
        const worldId = String(++next);
        const world = await openWorld((await readJson(request)) as WorldRequest, `world_${worldId}`);
        worlds.set(worldId, world);
        const { port } = world.app.server.address() as AddressInfo;
        const { projectId, region } = world.simulator;
        return answer(201, { id: worldId, origin: `http://127.0.0.1:${port}`, users: TEST_USERS, demo: DEMO_SEED, projectId, region, now: world.clock.now() });
      }
      const world = id ? worlds.get(id) : undefined;
      if (!world) return answer(404);
      if (request.method === 'POST' && action === 'advance') {
        world.clock.advance(Number((await readJson(request)).ms ?? 0));
        return answer(204);
      }
      if (request.method === 'POST' && action === 'link') {
        world.link.up = (await readJson(request)).up === true;
        return answer(204);
      }
      if (request.method === 'DELETE' && !action) {
        worlds.delete(id!);
        await world.close();
        return answer(204);
      }
      return answer(404);
    })().catch((error: unknown) => answer(500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      for (const world of worlds.values()) await world.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
