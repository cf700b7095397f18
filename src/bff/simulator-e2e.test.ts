/**
 * The BFF in front of the real in-process simulator: every request is signed by the BFF and verified
 * by the simulator, so these tests cover routing, signing and the simulator's answers end to end.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSimulatorEnv } from '../simulator/config.ts';
import { createSimulator, type Simulator } from '../simulator/create-simulator.ts';
import { startSimulatorServer } from '../simulator/server.ts';
import { TEST_START_MS, validCreateBody } from '../simulator/test-support.ts';
import { ManualClock } from '../simulator/time.ts';
import { BootstrapError, DEMO_ACCOUNTS } from './auth/bootstrap.ts';
import { compose, SIMULATOR_ORIGIN, simulatorUpstream } from './compose.ts';
import { loadConfig } from './config.ts';
import { asSignedIn, signedInApp, signIn, testConfig } from './testing.ts';

const SPEED = 1000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(): Promise<{ app: FastifyInstance; sim: Simulator; clock: ManualClock; base: string }> {
  const clock = new ManualClock(TEST_START_MS);
  let n = 0;
  const sim = createSimulator({ clock, speed: SPEED, seed: 'demo', ids: () => `00000000-0000-1000-8000-${(++n).toString(16).padStart(12, '0')}` });
  const app = await signedInApp({ config: testConfig(), upstream: simulatorUpstream(sim, SPEED), clock });
  cleanups.push(
    () => app.close(),
    () => sim.close(),
  );
  return { app, sim, clock, base: `/api/cce/autopilot/v3/projects/${sim.projectId}` };
}

interface ClusterList {
  items: { metadata: { name: string; uid: string }; status?: { phase?: string } }[];
}

describe('BFF → simulator', () => {
  it('lists the seeded clusters through a signed request', async () => {
    const { app, base } = await start();
    const res = await app.inject({ method: 'GET', url: `${base}/clusters` });
    expect(res.statusCode).toBe(200);
    const names = (res.json() as ClusterList).items.map((c) => c.metadata.name);
    expect(names).toContain('prod-payments');
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it('creates a cluster (201), lists it, and sees it become Available over simulated time', async () => {
    const { app, clock, base } = await start();
    const created = await app.inject({ method: 'POST', url: `${base}/clusters`, payload: validCreateBody('bff-e2e-cluster') });
    expect(created.statusCode).toBe(201);
    const uid = (created.json() as { metadata: { uid: string } }).metadata.uid;
    const list = (await app.inject({ method: 'GET', url: `${base}/clusters` })).json() as ClusterList;
    expect(list.items.find((c) => c.metadata.uid === uid)).toMatchObject({ metadata: { name: 'bff-e2e-cluster' }, status: { phase: 'Creating' } });

    clock.advance((10 * 60 * 1000) / SPEED);
    const shown = await app.inject({ method: 'GET', url: `${base}/clusters/${uid}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ status: { phase: 'Available' } });
  });

  it('passes the simulator’s documented errors through in the envelope', async () => {
    const { app, base } = await start();
    const missing = await app.inject({ method: 'GET', url: `${base}/clusters/00000000-0000-1000-8000-00000000ffff` });
    expect(missing.statusCode).toBe(404);
    const error = (missing.json() as { error: { code: string; requestId: string } }).error;
    expect(error.code).toMatch(/^CCE\.\d+/);
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(missing.headers['x-request-id']).not.toBe(error.requestId);

    const duplicate = await app.inject({ method: 'POST', url: `${base}/clusters`, payload: validCreateBody('prod-payments') });
    expect(duplicate.statusCode).toBeGreaterThanOrEqual(400);
    expect(duplicate.statusCode).toBeLessThan(500);
  });

  it('is signed with a date the simulator accepts only within 15 minutes of its clock', async () => {
    const { sim, base } = await start();
    const clock = new ManualClock(TEST_START_MS + 20 * 60 * 1000);
    const skewed = await signedInApp({ config: testConfig(), upstream: simulatorUpstream(sim, SPEED), clock });
    cleanups.push(() => skewed.close());
    const res = await skewed.inject({ method: 'GET', url: `${base}/clusters` });
    expect(res.statusCode).toBe(401);
    expect((res.json() as { error: { code: string } }).error.code).toBe('APIGW.0301');
  });
});

/** A fresh data directory for the embedded store of one composed BFF. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bff-compose-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const CLOUD_ADMIN = { username: 'cloud-admin', password: 'a long cloud admin passphrase' };

describe('compose', () => {
  it('starts in simulator mode with the simulator’s project, region and speed, and its demo accounts', async () => {
    const composed = await compose(loadConfig({ LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent', CONSOLE_DATA_DIR: dataDir() }), { SIMULATOR_SPEED: '50' });
    cleanups.push(() => composed.close());
    expect(composed.upstream).toMatchObject({ mode: 'simulator', endpoint: SIMULATOR_ORIGIN, simulator: { speed: 50 } });
    const context = (await composed.app.inject({ method: 'GET', url: '/api/context' })).json() as { projectId: string; region: string };
    expect(context).toEqual({
      mode: 'simulator',
      projectId: composed.upstream.projectId,
      region: composed.upstream.region,
      simulator: { speed: 50 },
      demoAccounts: DEMO_ACCOUNTS,
    });
    const url = `/api/cce/autopilot/v3/projects/${context.projectId}/clusters`;
    expect((await composed.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const viewer = asSignedIn(
      composed.app,
      await signIn(
        composed.app,
        DEMO_ACCOUNTS.find((a) => a.role === 'viewer')!,
      ),
    );
    expect((await viewer.inject({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('refuses to start in cloud mode without an admin', async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      CCE_ENDPOINT: 'http://127.0.0.1:9',
      HUAWEICLOUD_SDK_AK: 'AK1',
      HUAWEICLOUD_SDK_SK: 'SK1',
      HUAWEICLOUD_SDK_PROJECT_ID: '0c1e7b3a5d9f4e2a8b6c4d2e0f1a3b5c',
      HUAWEICLOUD_SDK_REGION: 'ap-southeast-3',
      CONSOLE_DATA_DIR: dataDir(),
    });
    await expect(compose(config, {})).rejects.toThrow(BootstrapError);
  });

  it('uses the keep-alive HTTP transport in cloud mode', async () => {
    const composed = await compose(
      loadConfig({
        LOG_LEVEL: 'silent',
        CCE_ENDPOINT: 'http://127.0.0.1:9',
        HUAWEICLOUD_SDK_AK: 'AK1',
        HUAWEICLOUD_SDK_SK: 'SK1',
        HUAWEICLOUD_SDK_PROJECT_ID: '0c1e7b3a5d9f4e2a8b6c4d2e0f1a3b5c',
        HUAWEICLOUD_SDK_REGION: 'ap-southeast-3',
        CONSOLE_DATA_DIR: dataDir(),
        CONSOLE_ADMIN_USER: CLOUD_ADMIN.username,
        CONSOLE_ADMIN_PASSWORD: CLOUD_ADMIN.password,
      }),
      {},
    );
    cleanups.push(() => composed.close());
    expect(composed.upstream).toMatchObject({ mode: 'cloud', endpoint: 'http://127.0.0.1:9' });
    const app = asSignedIn(composed.app, await signIn(composed.app, CLOUD_ADMIN));
    // Port 9 (discard) is closed on loopback: a real network failure, answered 504.
    const res = await app.inject({ method: 'GET', url: '/api/cce/autopilot/v3/projects/0c1e7b3a5d9f4e2a8b6c4d2e0f1a3b5c/quotas' });
    expect(res.statusCode).toBe(504);
  });
});

describe('BFF in cloud mode → standalone simulator over HTTP (the benchmark path)', () => {
  it('signs for the real host and port, lists and creates clusters', async () => {
    const env = readSimulatorEnv({ SIMULATOR_PORT: '0', SIMULATOR_SPEED: '1000' });
    const { server, simulator } = startSimulatorServer(env);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () => new Promise<void>((resolve) => server.close(() => resolve())),
      () => simulator.close(),
    );
    const port = (server.address() as AddressInfo).port;
    const composed = await compose(
      loadConfig({
        LOG_LEVEL: 'silent',
        CCE_ENDPOINT: `http://127.0.0.1:${port}`,
        HUAWEICLOUD_SDK_AK: simulator.credentials.ak,
        HUAWEICLOUD_SDK_SK: simulator.credentials.sk,
        HUAWEICLOUD_SDK_PROJECT_ID: simulator.projectId,
        HUAWEICLOUD_SDK_REGION: simulator.region,
        CONSOLE_DATA_DIR: dataDir(),
        CONSOLE_ADMIN_USER: CLOUD_ADMIN.username,
        CONSOLE_ADMIN_PASSWORD: CLOUD_ADMIN.password,
      }),
      {},
    );
    cleanups.unshift(() => composed.close());
    const app = asSignedIn(composed.app, await signIn(composed.app, CLOUD_ADMIN));
    const base = `/api/cce/autopilot/v3/projects/${simulator.projectId}`;
    const list = await app.inject({ method: 'GET', url: `${base}/clusters?status=Available` });
    expect(list.statusCode).toBe(200);
    expect((list.json() as ClusterList).items.every((c) => c.status?.phase === 'Available')).toBe(true);
    const created = await app.inject({ method: 'POST', url: `${base}/clusters`, payload: validCreateBody('over-http-cluster') });
    expect(created.statusCode).toBe(201);
    const again = (await app.inject({ method: 'GET', url: `${base}/clusters` })).json() as ClusterList;
    expect(again.items.map((c) => c.metadata.name)).toContain('over-http-cluster');
  });
});
