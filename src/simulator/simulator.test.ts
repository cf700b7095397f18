import { upgradePathsSchema } from '../contract/upgrade-paths.ts';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildPath } from '../contract/paths.ts';
import { operationList, operations } from '../contract/operations.ts';
import { pathParamNames } from '../contract/define-operation.ts';
import { signRequest } from '../contract/signing.ts';
import { readSimulatorEnv, SimulatorConfigError } from './config.ts';
import { handlers } from './handlers.ts';
import { startSimulatorServer } from './server.ts';
import { startTestSimulator } from './test-support.ts';

interface ClusterItem {
  metadata: { uid: string; name: string; creationTimestamp: string };
  spec: { version: string; platformVersion: string; hostNetwork: { vpc: string } };
  status: { phase: string; reason?: string; message?: string; endpoints?: { url: string; type?: string }[] };
}

function fill(path: string, projectId: string): string {
  return buildPath(path, Object.fromEntries(pathParamNames(path).map((n) => [n, n === 'project_id' ? projectId : `${n.replace(/_/g, '-')}-1`])));
}

describe('the handler map', () => {
  it('has a handler for every operation of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(operations).sort());
  });

  it.each(operationList.map((op) => [op.id, op] as const))('%s authenticates first, as the gateway does', async (_id, op) => {
    const t = startTestSimulator();
    const res = await t.json<{ error_code: string }>(op.method, fill(op.path, t.sim.projectId), { unsigned: true });
    expect(res.status).toBe(401);
    expect(res.body.error_code).toBe('APIGW.0301');
  });
});

describe('upgrade paths', () => {
  it('lists each version with its own latest patch and every later version, parseable by the contract', async () => {
    const t = startTestSimulator();
    const res = await t.json<unknown>('GET', '/autopilot/v3/clusterupgradepaths');
    expect(res.status).toBe(200);
    const paths = upgradePathsSchema.parse(res.body).upgradePaths ?? [];
    expect(paths.map((p) => [p.version, p.targetVersions])).toEqual([
      ['v1.25', ['v1.25.6-r0', 'v1.27.3-r0', 'v1.28.3-r0']],
      ['v1.27', ['v1.27.3-r0', 'v1.28.3-r0']],
      ['v1.28', ['v1.28.3-r0']],
    ]);
  });
});

describe('seed data', () => {
  it('demo: a believable project across versions and phases', async () => {
    const t = startTestSimulator({ seed: 'demo' });
    const { body } = await t.json<{ items: ClusterItem[] }>('GET', `${t.base}/clusters`);
    expect(body.items.length).toBeGreaterThanOrEqual(6);
    const phases = new Set(body.items.map((c) => c.status.phase));
    for (const phase of ['Available', 'Creating', 'Upgrading', 'Error', 'Unavailable', 'Hibernation']) expect(phases).toContain(phase);
    expect(new Set(body.items.map((c) => c.spec.version)).size).toBeGreaterThanOrEqual(3);
    for (const c of body.items) {
      expect(c.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-0255ac10[0-9a-f]{4}$/);
      expect(c.metadata.creationTimestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}(\d{3})? \+0000 UTC$/);
      expect(c.spec.platformVersion).toMatch(/^cce\.\d+\.\d+$/);
      if (c.status.phase !== 'Available') expect(c.status.reason ?? c.status.phase).toBeTruthy();
    }
    const error = body.items.find((c) => c.status.phase === 'Error')!;
    expect(error.status.reason).toBeTruthy();
    expect(error.status.message).toBeTruthy();
    expect(t.sim.projectId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('large: 2,000 clusters, the same on every start', async () => {
    const a = startTestSimulator({ seed: 'large' });
    const b = startTestSimulator({ seed: 'large' });
    const list = async (t: typeof a) => (await t.json<{ items: ClusterItem[] }>('GET', `${t.base}/clusters`)).body.items;
    const [itemsA, itemsB] = [await list(a), await list(b)];
    expect(itemsA).toHaveLength(2_000);
    expect(itemsA.map((c) => `${c.metadata.uid} ${c.metadata.name} ${c.status.phase}`)).toEqual(
      itemsB.map((c) => `${c.metadata.uid} ${c.metadata.name} ${c.status.phase}`),
    );
    expect(new Set(itemsA.map((c) => c.metadata.uid)).size).toBe(2_000);
    expect(new Set(itemsA.map((c) => c.status.phase)).size).toBeGreaterThanOrEqual(4);
  });

  it('large: believable at scale (aliases, varied tags, some public API servers) and quick to list', async () => {
    const t = startTestSimulator({ seed: 'large' });
    await t.json('GET', `${t.base}/clusters`); // warm-up: the first render compiles the paths
    const started = performance.now();
    const { body } = await t.json<{ items: (ClusterItem & { metadata: { alias?: string }; spec: { clusterTags?: unknown[] } })[] }>(
      'GET',
      `${t.base}/clusters`,
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    const items = body.items;
    const aliased = items.filter((c) => c.metadata.alias && c.metadata.alias !== c.metadata.name).length;
    const publicServers = items.filter((c) => c.status.endpoints?.some((e) => e.type === 'External')).length;
    const threeTags = items.filter((c) => c.spec.clusterTags?.length === 3).length;
    expect(aliased).toBeGreaterThan(300);
    expect(publicServers).toBeGreaterThan(200);
    expect(threeTags).toBeGreaterThan(600);
    // Every public address belongs to exactly one cluster.
    const urls = items.flatMap((c) => (c.status.endpoints ?? []).filter((e) => e.type === 'External').map((e) => e.url));
    expect(new Set(urls).size).toBe(urls.length);
    // Upgrading clusters of the seed are still mid-job, so the list polls while they run.
    expect(items.some((c) => c.status.phase === 'Upgrading')).toBe(true);
  });

  it('twenty: the first 20 clusters of large, the benchmark baseline', async () => {
    const twenty = startTestSimulator({ seed: 'twenty' });
    const large = startTestSimulator({ seed: 'large' });
    const names = async (t: typeof twenty) =>
      (await t.json<{ items: ClusterItem[] }>('GET', `${t.base}/clusters`)).body.items.map((c) => `${c.metadata.uid} ${c.metadata.name}`);
    const [small, all] = [await names(twenty), await names(large)];
    expect(small).toHaveLength(20);
    expect(all).toEqual(expect.arrayContaining(small));
    const quotas = await twenty.json<{ quotas: { quotaLimit: number; used: number }[] }>('GET', `${twenty.base}/quotas`);
    expect(quotas.body.quotas[0]).toMatchObject({ quotaLimit: 50, used: 20 });
  });

  it('empty: no clusters, the documented default quota of five', async () => {
    const t = startTestSimulator({ seed: 'empty' });
    expect((await t.json<{ items: unknown[] }>('GET', `${t.base}/clusters`)).body.items).toEqual([]);
    const quotas = await t.json<{ quotas: { quotaLimit: number; used: number }[] }>('GET', `${t.base}/quotas`);
    expect(quotas.body.quotas[0]).toMatchObject({ quotaLimit: 5, used: 0 });
  });
});

describe('configuration', () => {
  it('reads defaults and rejects malformed values naming the variable', () => {
    const env = readSimulatorEnv({});
    expect(env).toMatchObject({ host: '127.0.0.1', port: 9443, speed: 1, seed: 'demo', region: 'ap-southeast-3' });
    expect(env.credentials.ak).toMatch(/^[A-Z0-9]{20}$/);
    expect(env.credentials.sk).toHaveLength(40);
    expect(readSimulatorEnv({ SIMULATOR_SPEED: '20', SIMULATOR_SEED: 'large', SIMULATOR_CLUSTER_QUOTA: '50' })).toMatchObject({
      speed: 20,
      seed: 'large',
      clusterQuota: 50,
    });
    for (const [name, value] of [
      ['SIMULATOR_SPEED', '0'],
      ['SIMULATOR_SPEED', 'fast'],
      ['SIMULATOR_PORT', '70000'],
      ['SIMULATOR_SEED', 'huge'],
      ['SIMULATOR_PROJECT_ID', 'not-hex'],
      ['SIMULATOR_CLUSTER_QUOTA', '-1'],
    ] as const) {
      expect(() => readSimulatorEnv({ [name]: value }), `${name}=${value}`).toThrow(SimulatorConfigError);
      expect(() => readSimulatorEnv({ [name]: value })).toThrow(name);
    }
  });
});

describe('standalone server', () => {
  it('serves the same handler over HTTP, verifying the signature over the real Host header', async () => {
    const env = { ...readSimulatorEnv({}), port: 0, seed: 'demo' as const };
    const { server, simulator } = startSimulatorServer(env);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      const path = `/autopilot/v3/projects/${simulator.projectId}/clusters`;
      const headers = await signRequest({ method: 'GET', host, path, query: { status: 'Available' }, headers: {} }, simulator.credentials, new Date());
      const res = await fetch(`http://${host}${path}?status=Available`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      const body = (await res.json()) as { items: ClusterItem[] };
      expect(body.items.every((c) => c.status.phase === 'Available')).toBe(true);

      const tagPath = `${path}/${body.items[0]!.metadata.uid}/tags/create`;
      const tagBody = JSON.stringify({ tags: [{ key: 'via', value: 'http' }] });
      const signed = await signRequest(
        { method: 'POST', host, path: tagPath, query: {}, headers: { 'Content-Type': 'application/json' }, body: tagBody },
        simulator.credentials,
        new Date(),
      );
      expect((await fetch(`http://${host}${tagPath}`, { method: 'POST', headers: signed, body: tagBody })).status).toBe(204);

      const unsigned = await fetch(`http://${host}${path}`);
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { error_code: string }).error_code).toBe('APIGW.0301');
    } finally {
      server.close();
      simulator.close();
    }
  });
});
