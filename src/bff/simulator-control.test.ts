/**
 * The simulator's control surface through the BFF: roles, CSRF, audit, and its effect on the world the
 * CCE routes show. The simulator is the real one, in-process, on a clock the test owns.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../contract/console-api.ts';
import { auditPageSchema } from '../contract/console-api.ts';
import { armedScenarioSchema, simulatorStateSchema } from '../contract/simulator-control.ts';
import { createSimulator, type Simulator } from '../simulator/create-simulator.ts';
import { DEMO_SEED } from '../simulator/seed.ts';
import { TEST_START_MS, validCreateBody } from '../simulator/test-support.ts';
import { ManualClock } from '../simulator/time.ts';
import { buildApp } from './app.ts';
import { simulatorUpstream } from './compose.ts';
import { asSignedIn, signIn, spyUpstream, testConfig, testStore, TEST_USERS } from './testing.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface World {
  app: FastifyInstance;
  sim: Simulator;
  clock: ManualClock;
  as(role: Role): Promise<FastifyInstance>;
  cce: string;
}

async function start(speed = 1): Promise<World> {
  const clock = new ManualClock(TEST_START_MS);
  let n = 0;
  const sim = createSimulator({ clock, speed, seed: 'demo', ids: () => `00000000-0000-1000-8000-${(++n).toString(16).padStart(12, '0')}` });
  const app = await buildApp({ config: testConfig(), upstream: simulatorUpstream(sim, speed), store: await testStore(), clock });
  cleanups.push(
    () => app.close(),
    () => sim.close(),
  );
  return { app, sim, clock, as: async (role) => asSignedIn(app, await signIn(app, TEST_USERS[role])), cce: `/api/cce/autopilot/v3/projects/${sim.projectId}` };
}

async function auditOf(world: World, action: string) {
  const admin = await world.as('admin');
  const res = await admin.inject({ method: 'GET', url: `/api/audit?action=${action}` });
  return auditPageSchema.parse(res.json()).items;
}

const phase = async (app: FastifyInstance, url: string) =>
  app.inject({ method: 'GET', url }).then((r) => (r.statusCode === 200 ? (r.json() as { status: { phase: string } }).status.phase : r.statusCode));

describe('GET /api/simulator', () => {
  it('shows the world to any signed-in role, to nobody else', async () => {
    const world = await start();
    const viewer = await world.as('viewer');
    const res = await viewer.inject({ method: 'GET', url: '/api/simulator' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const state = simulatorStateSchema.parse(res.json());
    expect(state).toMatchObject({ seed: 'demo', speed: 1, scenarios: [] });
    expect(state.taskKinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['cluster.create', 'cluster.delete', 'cluster.upgrade']));
    const anonymous = await world.app.inject({ method: 'GET', url: '/api/simulator' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('does not exist in cloud mode', async () => {
    const app = await buildApp({ config: testConfig(), upstream: spyUpstream().upstream, store: await testStore() });
    cleanups.push(() => app.close());
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    for (const [method, url] of [
      ['GET', '/api/simulator'],
      ['POST', '/api/simulator/reset'],
      ['POST', '/api/simulator/advance'],
    ] as const) {
      const res = await operator.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect((res.json() as { error: { code: string } }).error.code).toBe('BFF.NOT_FOUND');
    }
  });
});

describe('changes through /api/simulator', () => {
  it('are refused to a viewer (recorded as denied) and without the CSRF token', async () => {
    const world = await start();
    const viewer = await world.as('viewer');
    const denied = await viewer.inject({ method: 'POST', url: '/api/simulator/reset', payload: { seed: 'empty' } });
    expect(denied.statusCode).toBe(403);
    expect((denied.json() as { error: { code: string } }).error.code).toBe('BFF.FORBIDDEN');
    const operator = await world.as('operator');
    const noCsrf = await operator.inject({ method: 'POST', url: '/api/simulator/advance', payload: { seconds: 60 }, headers: { 'x-csrf-token': 'wrong' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((noCsrf.json() as { error: { code: string } }).error.code).toBe('BFF.CSRF');
    // Nothing changed: the seeded creation is still under way.
    expect(await phase(operator, `${world.cce}/clusters/${DEMO_SEED.clusters['ml-inference']}`)).toBe('Creating');
    const admin = await world.as('admin');
    const audit = auditPageSchema.parse((await admin.inject({ method: 'GET', url: '/api/audit?outcome=denied&limit=200' })).json()).items;
    expect(audit.find((e) => e.action === 'simulator.reset')).toMatchObject({
      actor: TEST_USERS.viewer.username,
      outcome: 'denied',
      status: 403,
      summary: { route: '/api/simulator/reset' },
    });
  });

  it('advance moves lifecycles while the BFF’s signatures stay fresh; audited', async () => {
    const world = await start();
    const operator = await world.as('operator');
    const res = await operator.inject({ method: 'POST', url: '/api/simulator/advance', payload: { seconds: 20 * 60 } });
    expect(res.statusCode).toBe(200);
    expect(simulatorStateSchema.parse(res.json()).clock.advancedMs).toBe(20 * 60 * 1000);
    // 20 minutes ahead on the lifecycle clock; the host clock (and X-Sdk-Date) did not move, so CCE calls still pass.
    expect(await phase(operator, `${world.cce}/clusters/${DEMO_SEED.clusters['ml-inference']}`)).toBe('Available');
    expect(await phase(operator, `${world.cce}/clusters/${DEMO_SEED.clusters['analytics-batch']}`)).toBe('Available');
    expect((await auditOf(world, 'simulator.advance'))[0]).toMatchObject({
      actor: TEST_USERS.operator.username,
      targetKind: 'simulator',
      summary: { seconds: 1200 },
      outcome: 'success',
      status: 200,
    });
  });

  it('refuses a malformed advance or reset with field errors', async () => {
    const world = await start();
    const operator = await world.as('operator');
    const bad = await operator.inject({ method: 'POST', url: '/api/simulator/advance', payload: { seconds: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'BFF.BAD_REQUEST', fields: [{ path: 'body.seconds' }] } });
    const badSeed = await operator.inject({ method: 'POST', url: '/api/simulator/reset', payload: { seed: 'huge' } });
    expect(badSeed.json()).toMatchObject({ error: { code: 'BFF.BAD_REQUEST', fields: [{ path: 'body.seed' }] } });
    expect((await auditOf(world, 'simulator.advance'))[0]).toMatchObject({ outcome: 'failure', status: 400 });
  });

  it('arms a scenario the next cluster creation meets, lists it until used, and audits what was armed', async () => {
    const world = await start();
    const operator = await world.as('operator');
    const armed = await operator.inject({
      method: 'POST',
      url: '/api/simulator/scenarios',
      payload: { taskKind: 'cluster.create', twist: { kind: 'fail', atProgress: 40, reason: 'The master could not be scheduled.' } },
    });
    expect(armed.statusCode).toBe(201);
    const scenario = armedScenarioSchema.parse(armed.json());
    expect(scenario).toMatchObject({ taskKind: 'cluster.create', remaining: 1 });
    expect(simulatorStateSchema.parse((await operator.inject({ method: 'GET', url: '/api/simulator' })).json()).scenarios).toEqual([scenario]);

    const created = await operator.inject({ method: 'POST', url: `${world.cce}/clusters`, payload: validCreateBody('meets-the-scenario') });
    expect(created.statusCode).toBe(201);
    const uid = (created.json() as { metadata: { uid: string } }).metadata.uid;
    await operator.inject({ method: 'POST', url: '/api/simulator/advance', payload: { seconds: 120 } });
    const read = (await operator.inject({ method: 'GET', url: `${world.cce}/clusters/${uid}` })).json() as { status: { phase: string; message: string } };
    expect(read.status).toMatchObject({ phase: 'Error', message: 'The master could not be scheduled.' });
    expect(simulatorStateSchema.parse((await operator.inject({ method: 'GET', url: '/api/simulator' })).json()).scenarios).toEqual([]);
    expect((await auditOf(world, 'simulator.armScenario'))[0]).toMatchObject({
      targetId: scenario.id,
      summary: { taskKind: 'cluster.create', twist: 'fail', atProgress: 40, times: 1 },
      outcome: 'success',
      status: 201,
    });
  });

  it('refuses an unknown task kind or a bad twist on the field concerned', async () => {
    const world = await start();
    const operator = await world.as('operator');
    const unknown = await operator.inject({
      method: 'POST',
      url: '/api/simulator/scenarios',
      payload: { taskKind: 'cluster.explode', twist: { kind: 'stall', atProgress: 5 } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'BFF.BAD_REQUEST', fields: [{ path: 'body.taskKind', message: expect.stringContaining('cluster.create') }] },
    });
    const twist = await operator.inject({
      method: 'POST',
      url: '/api/simulator/scenarios',
      payload: { taskKind: 'cluster.create', twist: { kind: 'fail', atProgress: 140 } },
    });
    expect(twist.json()).toMatchObject({ error: { fields: [{ path: 'body.twist.atProgress' }] } });
    const variant = await operator.inject({
      method: 'POST',
      url: '/api/simulator/scenarios',
      payload: { taskKind: 'cluster.create', twist: { kind: 'explode' } },
    });
    expect(variant.statusCode).toBe(400);
  });

  it('disarms a scenario once; audited', async () => {
    const world = await start();
    const operator = await world.as('operator');
    const armed = await operator.inject({
      method: 'POST',
      url: '/api/simulator/scenarios',
      payload: { taskKind: 'cluster.delete', subjectId: DEMO_SEED.clusters['staging-web'], twist: { kind: 'stall', atProgress: 50 } },
    });
    const { id } = armedScenarioSchema.parse(armed.json());
    expect((await operator.inject({ method: 'DELETE', url: `/api/simulator/scenarios/${id}` })).statusCode).toBe(204);
    const again = await operator.inject({ method: 'DELETE', url: `/api/simulator/scenarios/${id}` });
    expect(again.statusCode).toBe(404);
    expect((again.json() as { error: { code: string } }).error.code).toBe('BFF.NOT_FOUND');
    expect((await auditOf(world, 'simulator.disarmScenario')).map((e) => [e.targetId, e.outcome])).toEqual([
      [id, 'failure'],
      [id, 'success'],
    ]);
  });

  it('reset brings the seeded world back; audited with the seed', async () => {
    const world = await start();
    const operator = await world.as('operator');
    await operator.inject({ method: 'DELETE', url: `${world.cce}/clusters/${DEMO_SEED.clusters['staging-web']}` });
    await operator.inject({ method: 'POST', url: '/api/simulator/advance', payload: { seconds: 600 } });
    expect(await phase(operator, `${world.cce}/clusters/${DEMO_SEED.clusters['staging-web']}`)).toBe(404);
    const reset = await operator.inject({ method: 'POST', url: '/api/simulator/reset', payload: {} });
    expect(reset.statusCode).toBe(200);
    expect(simulatorStateSchema.parse(reset.json())).toMatchObject({ seed: 'demo', clock: { advancedMs: 0 } });
    expect(await phase(operator, `${world.cce}/clusters/${DEMO_SEED.clusters['staging-web']}`)).toBe('Available');
    expect((await auditOf(world, 'simulator.reset'))[0]).toMatchObject({ targetId: 'demo', summary: { seed: 'demo' }, outcome: 'success' });
  });
});
