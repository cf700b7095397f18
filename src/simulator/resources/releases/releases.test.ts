import { describe, expect, it } from 'vitest';
import { armScenarioBodySchema, type ArmScenarioBody } from '../../../contract/simulator-control.ts';
import { DEMO_SEED } from '../../seed.ts';
import { startTestSimulator, type TestSimulator } from '../../test-support.ts';
import { seedChartId } from '../charts/seed.ts';

const PAYMENTS = DEMO_SEED.clusters['prod-payments'];
const SEARCH = DEMO_SEED.clusters['prod-search'];
const STAGING = DEMO_SEED.clusters['staging-web'];
const CREATING = DEMO_SEED.clusters['ml-inference'];
const WEB = seedChartId('web-frontend', '1.2.0');
const WORKER = seedChartId('batch-worker', '0.9.3');
const REDIS_1 = seedChartId('redis-cache', '1.0.0');
const REDIS_2 = seedChartId('redis-cache', '2.0.0');

type Release = Record<string, unknown> & { status: string; version: number; values: string; chart_version: string };

const list = (cluster: string) => `/autopilot/cam/v3/clusters/${cluster}/releases`;
const one = (cluster: string, namespace: string, name: string) => `/autopilot/cam/v3/clusters/${cluster}/namespace/${namespace}/releases/${name}`;

async function install(t: TestSimulator, body: Record<string, unknown>, cluster = PAYMENTS) {
  return t.json<Release>('POST', list(cluster), { body: { chart_id: WEB, name: 'shop', namespace: 'default', version: '1.2.0', values: {}, ...body } });
}

async function show(t: TestSimulator, namespace = 'default', name = 'shop', cluster = PAYMENTS) {
  return t.json<Release>('GET', one(cluster, namespace, name));
}

async function update(t: TestSimulator, body: Record<string, unknown>, namespace = 'default', name = 'shop', cluster = PAYMENTS) {
  return t.json<Release>('PUT', one(cluster, namespace, name), { body: { chart_id: WEB, parameters: {}, values: {}, ...body } });
}

const history = async (t: TestSimulator, namespace = 'default', name = 'shop', cluster = PAYMENTS) =>
  (await t.json<Release[]>('GET', `${one(cluster, namespace, name)}/history`)).body;

describe('releases: list and show', () => {
  it('lists a cluster’s releases with every ReleaseResp field, filtered by namespace and chart', async () => {
    const t = startTestSimulator();
    const { status, body } = await t.json<Release[]>('GET', list(PAYMENTS));
    expect(status).toBe(200);
    expect(body.map((r) => `${String(r.namespace)}/${String(r.name)}`)).toEqual(['data/session-cache', 'web/storefront']);
    const storefront = body.find((r) => r.name === 'storefront')!;
    expect(Object.keys(storefront).sort()).toEqual(
      [
        'chart_name',
        'chart_public',
        'chart_version',
        'cluster_id',
        'cluster_name',
        'create_at',
        'description',
        'name',
        'namespace',
        'parameters',
        'resources',
        'status',
        'status_description',
        'update_at',
        'values',
        'version',
      ].sort(),
    );
    expect(storefront).toMatchObject({
      chart_name: 'web-frontend',
      chart_version: '1.2.0',
      cluster_id: PAYMENTS,
      cluster_name: 'prod-payments',
      status: 'DEPLOYED',
      version: 2,
      parameters: '',
      resources: '',
    });
    expect(JSON.parse(storefront.values)).toEqual({ replicaCount: 4, ingress: { enabled: true, host: 'shop.example.com' } });
    expect(String(storefront.create_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);

    expect((await t.json<Release[]>('GET', list(PAYMENTS), { query: { namespace: 'data' } })).body.map((r) => r.name)).toEqual(['session-cache']);
    expect((await t.json<Release[]>('GET', list(PAYMENTS), { query: { chart_id: WEB } })).body.map((r) => r.name)).toEqual(['storefront']);
    expect((await t.json<Release[]>('GET', list(PAYMENTS), { query: { chart_id: WORKER } })).body).toEqual([]);
    expect((await t.json('GET', list('7378a198-a3fe-11eb-ad37-0255ac100b07'))).status).toBe(404);
  });

  it('seeds one failed release, one unknown and one stuck pending upgrade', async () => {
    const t = startTestSimulator();
    const indexer = (await show(t, 'jobs', 'indexer', SEARCH)).body;
    expect(indexer).toMatchObject({ status: 'FAILED', version: 2, status_description: expect.stringContaining('Upgrade "indexer" failed') });
    const stuck = (await show(t, 'data', 'cache', STAGING)).body;
    expect(stuck).toMatchObject({ status: 'PENDING_UPGRADE', chart_version: '2.0.0' });
    t.advance(3_600_000);
    expect((await show(t, 'data', 'cache', STAGING)).body.status).toBe('PENDING_UPGRADE');
    const nightly = (await t.json<Release[]>('GET', list(DEMO_SEED.clusters['dev-sandbox']))).body;
    expect(nightly.map((r) => r.status)).toEqual(['UNKNOWN']);
  });

  it('uses the singular `namespace` path segment: the plural is no API', async () => {
    const t = startTestSimulator();
    const res = await t.json('GET', `/autopilot/cam/v3/clusters/${PAYMENTS}/namespaces/web/releases/storefront`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error_code: 'APIGW.0101' });
    expect((await show(t, 'web', 'nope')).body).toMatchObject({ errorCode: 'CCE.01404001' });
  });
});

describe('releases: install', () => {
  it('installs through PENDING_INSTALL to DEPLOYED over simulated time, revision 1 in the history', async () => {
    const t = startTestSimulator();
    const created = await install(t, { values: { replicaCount: 3 }, description: 'The shop' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'shop',
      namespace: 'default',
      status: 'PENDING_INSTALL',
      status_description: 'Initial install underway',
      version: 1,
      chart_name: 'web-frontend',
      chart_version: '1.2.0',
      description: 'The shop',
    });
    t.advance(10_000);
    expect((await show(t)).body.status).toBe('PENDING_INSTALL');
    t.advance(10_000);
    expect((await show(t)).body).toMatchObject({ status: 'DEPLOYED', status_description: 'Install complete' });
    expect((await history(t)).map((r) => [r.version, r.status])).toEqual([[1, 'DEPLOYED']]);
    expect((await t.json<Release[]>('GET', list(PAYMENTS))).body.map((r) => r.name)).toContain('shop');
  });

  it('a dry run answers what would be installed and stores nothing', async () => {
    const t = startTestSimulator();
    const dry = await install(t, { parameters: { dry_run: true }, values: { replicaCount: 9 } });
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ status: 'PENDING_INSTALL', status_description: 'Dry run complete', version: 1, values: '{"replicaCount":9}' });
    expect((await show(t)).status).toBe(404);
  });

  it('refuses a taken name (409) unless replacing a failed release, an unknown chart (404), a bad name (400) and a cluster that is not running', async () => {
    const t = startTestSimulator();
    const taken = await install(t, { name: 'storefront', namespace: 'web' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ errorCode: 'CCE.01409001' });
    expect((await install(t, { name: 'storefront', namespace: 'web', parameters: { replace: true } })).status).toBe(409);
    const replaced = await install(t, { chart_id: WORKER, version: '0.9.3', name: 'indexer', namespace: 'jobs', parameters: { replace: true } }, SEARCH);
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ version: 3, status: 'PENDING_INSTALL' });

    expect((await install(t, { chart_id: 'e99a7e86-afdd-11eb-aca3-0255ac100b0e' })).body).toMatchObject({ errorCode: 'CCE.01404001' });
    const badName = await install(t, { name: 'Shop_1' });
    expect(badName.status).toBe(400);
    expect(badName.body).toMatchObject({ errorCode: 'CCE.01400001', errorMessage: expect.stringContaining('body.name') });
    expect((await install(t, { values: ['a'] })).status).toBe(400);
    const notRunning = await install(t, {}, CREATING);
    expect(notRunning.status).toBe(400);
    expect(String(notRunning.body.errorMessage)).toMatch(/is Creating/);
  });

  it('masks secrets in the values it answers with', async () => {
    const t = startTestSimulator();
    await install(t, { chart_id: WORKER, version: '0.9.3', name: 'worker', values: { database: { password: 's3cret', host: 'db' } } });
    expect(JSON.parse((await show(t, 'default', 'worker')).body.values)).toEqual({ database: { password: '******', host: 'db' } });
  });
});

describe('releases: upgrade, rollback, history', () => {
  async function deployed(t: TestSimulator, values: Record<string, unknown> = { replicaCount: 2, image: { tag: 'v1' } }) {
    await install(t, { values });
    t.advance(30_000);
  }

  it('upgrade merges the new values over the deployed ones, moves through PENDING_UPGRADE and supersedes the old revision', async () => {
    const t = startTestSimulator();
    await deployed(t);
    const up = await update(t, { action: 'upgrade', values: { image: { tag: 'v2' } } });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'PENDING_UPGRADE', version: 2 });
    expect(JSON.parse(up.body.values)).toEqual({ replicaCount: 2, image: { tag: 'v2' } });
    const busy = await update(t, { action: 'upgrade', values: {} });
    expect(busy.status).toBe(429);
    expect(busy.body).toMatchObject({ errorCode: 'CCE.01429002' });
    t.advance(30_000);
    expect((await show(t)).body).toMatchObject({ status: 'DEPLOYED', version: 2, status_description: 'Upgrade complete' });
    expect((await history(t)).map((r) => [r.version, r.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'DEPLOYED'],
    ]);

    const reset = await update(t, { action: 'upgrade', values: { replicaCount: 5 }, parameters: { reset_values: true } });
    expect(JSON.parse(reset.body.values)).toEqual({ replicaCount: 5 });
  });

  it('upgrade to another chart version, then a dry run that stores nothing', async () => {
    const t = startTestSimulator();
    await install(t, { chart_id: REDIS_1, version: '1.0.0', name: 'cache' });
    t.advance(30_000);
    const up = await update(t, { action: 'upgrade', chart_id: REDIS_2 }, 'default', 'cache');
    expect(up.body).toMatchObject({ chart_version: '2.0.0', version: 2 });
    t.advance(30_000);
    const dry = await update(t, { action: 'upgrade', chart_id: REDIS_1, parameters: { dry_run: true } }, 'default', 'cache');
    expect(dry.body).toMatchObject({ status: 'PENDING_UPGRADE', status_description: 'Dry run complete', version: 3, chart_version: '1.0.0' });
    expect((await history(t, 'default', 'cache')).length).toBe(2);
    expect((await show(t, 'default', 'cache')).body).toMatchObject({ status: 'DEPLOYED', chart_version: '2.0.0' });
  });

  it('rollback to revision 1 deploys that revision’s chart and values as a new revision', async () => {
    const t = startTestSimulator();
    await deployed(t);
    await update(t, { action: 'upgrade', values: { replicaCount: 7 } });
    t.advance(30_000);
    const back = await update(t, { action: 'rollback', parameters: { release_version: 1 } });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'PENDING_ROLLBACK', version: 3 });
    expect(JSON.parse(back.body.values)).toEqual({ replicaCount: 2, image: { tag: 'v1' } });
    t.advance(30_000);
    expect((await show(t)).body).toMatchObject({ status: 'DEPLOYED', version: 3, status_description: 'Rollback to 1' });
    expect((await history(t)).map((r) => [r.version, r.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'SUPERSEDED'],
      [3, 'DEPLOYED'],
    ]);
    const missing = await update(t, { action: 'rollback', parameters: { release_version: 9 } });
    expect(missing.status).toBe(400);
    expect(String(missing.body.errorMessage)).toMatch(/has no revision 9 \(revisions 1–3\)/);
    expect((await update(t, { action: 'sideways' })).status).toBe(400);
    expect((await t.json('PUT', one(PAYMENTS, 'default', 'shop'), { body: { chart_id: WEB, action: 'upgrade', values: {} } })).status).toBe(400);
  });

  it('a stuck release stays manageable: no upgrade, but a rollback frees it', async () => {
    const t = startTestSimulator();
    expect((await update(t, { action: 'upgrade', chart_id: REDIS_2 }, 'data', 'cache', STAGING)).status).toBe(429);
    const back = await update(t, { action: 'rollback', chart_id: REDIS_2, parameters: { release_version: 1 } }, 'data', 'cache', STAGING);
    expect(back.body).toMatchObject({ status: 'PENDING_ROLLBACK', version: 3, chart_version: '1.1.0' });
    t.advance(30_000);
    expect((await history(t, 'data', 'cache', STAGING)).map((r) => [r.version, r.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'FAILED'],
      [3, 'DEPLOYED'],
    ]);
  });

  it('a failed release can be upgraded again', async () => {
    const t = startTestSimulator();
    const up = await update(t, { action: 'upgrade', chart_id: WORKER, values: { concurrency: 8 } }, 'jobs', 'indexer', SEARCH);
    expect(up.status).toBe(200);
    // Values are merged over the last deployed revision (1), not the failed one.
    expect(JSON.parse(up.body.values)).toEqual({ concurrency: 8 });
    t.advance(30_000);
    expect((await show(t, 'jobs', 'indexer', SEARCH)).body.status).toBe('DEPLOYED');
  });
});

describe('releases: armed scenarios', () => {
  const arm = (t: TestSimulator, body: ArmScenarioBody) => t.sim.control.arm(armScenarioBodySchema.parse(body));

  it('an install armed to fail ends FAILED with the scenario’s reason, and lists its kinds for the control surface', async () => {
    const t = startTestSimulator();
    expect(t.sim.control.state().taskKinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(['release.install', 'release.upgrade', 'release.rollback', 'release.delete']),
    );
    arm(t, { taskKind: 'release.install', twist: { kind: 'fail', atProgress: 50, reason: 'ImagePullBackOff: image web:9 not found' } });
    await install(t, {});
    t.advance(30_000);
    expect((await show(t)).body).toMatchObject({ status: 'FAILED', status_description: 'Release "shop" failed: ImagePullBackOff: image web:9 not found' });
  });

  it('an upgrade armed on one release fails only there; a stalled one stays pending until rolled back', async () => {
    const t = startTestSimulator();
    await install(t, {});
    await install(t, { name: 'other' });
    t.advance(30_000);
    arm(t, { taskKind: 'release.upgrade', subjectId: `${PAYMENTS}/default/shop`, twist: { kind: 'fail', atProgress: 80 } });
    await update(t, { action: 'upgrade', values: { replicaCount: 9 } }, 'default', 'other');
    await update(t, { action: 'upgrade', values: { replicaCount: 9 } });
    t.advance(30_000);
    expect((await show(t, 'default', 'other')).body.status).toBe('DEPLOYED');
    expect((await show(t)).body.status).toBe('FAILED');
    expect((await history(t)).map((r) => r.status)).toEqual(['DEPLOYED', 'FAILED']);

    arm(t, { taskKind: 'release.upgrade', twist: { kind: 'stall', atProgress: 40 } });
    await update(t, { action: 'upgrade', values: { replicaCount: 4 } }, 'default', 'other');
    t.advance(3_600_000);
    expect((await show(t, 'default', 'other')).body.status).toBe('PENDING_UPGRADE');
    await update(t, { action: 'rollback', parameters: { release_version: 1 } }, 'default', 'other');
    t.advance(30_000);
    expect((await history(t, 'default', 'other')).map((r) => r.status)).toEqual(['SUPERSEDED', 'SUPERSEDED', 'FAILED', 'DEPLOYED']);
  });

  it('a deletion armed to fail leaves the release UNKNOWN, and deleting it again removes it', async () => {
    const t = startTestSimulator();
    arm(t, { taskKind: 'release.delete', twist: { kind: 'fail', atProgress: 50 } });
    await t.call('DELETE', one(PAYMENTS, 'web', 'storefront'));
    t.advance(10_000);
    expect((await show(t, 'web', 'storefront')).body).toMatchObject({ status: 'UNKNOWN' });
    await t.call('DELETE', one(PAYMENTS, 'web', 'storefront'));
    t.advance(10_000);
    expect((await show(t, 'web', 'storefront')).status).toBe(404);
  });
});

describe('releases: delete', () => {
  it('is DELETING until the uninstall finishes, then gone with its history', async () => {
    const t = startTestSimulator();
    const res = await t.call('DELETE', one(PAYMENTS, 'web', 'storefront'));
    expect(res.status).toBe(200);
    expect(typeof (await res.json())).toBe('string');
    expect((await show(t, 'web', 'storefront')).body).toMatchObject({ status: 'DELETING' });
    expect((await update(t, { action: 'upgrade' }, 'web', 'storefront')).status).toBe(429);
    expect((await t.json('DELETE', one(PAYMENTS, 'web', 'storefront'))).status).toBe(429);
    t.advance(10_000);
    expect((await show(t, 'web', 'storefront')).status).toBe(404);
    expect((await t.json('GET', `${one(PAYMENTS, 'web', 'storefront')}/history`)).status).toBe(404);
    expect((await t.json<Release[]>('GET', list(PAYMENTS))).body.map((r) => r.name)).toEqual(['session-cache']);
  });

  it('deletes a release stuck pending and one in UNKNOWN', async () => {
    const t = startTestSimulator();
    expect((await t.call('DELETE', one(STAGING, 'data', 'cache'))).status).toBe(200);
    expect((await t.call('DELETE', one(DEMO_SEED.clusters['dev-sandbox'], 'reports', 'nightly-report'))).status).toBe(200);
    t.advance(10_000);
    expect((await show(t, 'data', 'cache', STAGING)).status).toBe(404);
    expect((await t.json<Release[]>('GET', list(DEMO_SEED.clusters['dev-sandbox']))).body).toEqual([]);
  });
});
