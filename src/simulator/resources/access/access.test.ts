import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../seed.ts';
import { startTestSimulator, type TestSimulator } from '../../test-support.ts';

interface Kubeconfig {
  kind: string;
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data'?: string; 'insecure-skip-tls-verify'?: boolean } }[];
  users: { name: string; user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  'current-context': string;
}
interface AccessAddress {
  spec: { spec: { eip: { bandwidth: { size?: number; sharetype?: string } }; isDynamic: boolean } };
  status: { privateEndpoint: string; publicEndpoint: string };
}
interface CceErrorBody {
  errorCode: string;
  errorMessage: string;
}

const search = DEMO_SEED.clusters['prod-search'];
const freeEip = DEMO_SEED.eips[1]!;

function cert(t: TestSimulator, uid: string, duration: unknown) {
  return t.json<Kubeconfig & CceErrorBody>('POST', `${t.base}/clusters/${uid}/clustercert`, { body: { duration } });
}

function eip(t: TestSimulator, uid: string, spec: Record<string, unknown>) {
  return t.json<Record<string, unknown> & CceErrorBody>('PUT', `${t.base}/clusters/${uid}/mastereip`, { body: { spec } });
}

describe('cluster certificate (kubeconfig)', () => {
  it('holds only the internal context while no EIP is bound, with the Port-ID header', async () => {
    const t = startTestSimulator();
    const res = await cert(t, search, 30);
    expect(res.status).toBe(200);
    expect(res.headers.get('port-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.kind).toBe('Config');
    expect(res.body.clusters.map((c) => c.name)).toEqual(['internalCluster']);
    expect(res.body.contexts.map((c) => c.name)).toEqual(['internal']);
    expect(res.body['current-context']).toBe('internal');
    expect(res.body.clusters[0]!.cluster.server).toMatch(/^https:\/\/192\.168\.\d+\.\d+:5443$/);
    expect(Buffer.from(res.body.users[0]!.user['client-key-data'], 'base64').toString()).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
  });

  it('issues new credentials each time', async () => {
    const t = startTestSimulator();
    const a = await cert(t, search, 30);
    t.clock.advance(1000);
    const b = await cert(t, search, 30);
    expect(a.body.users[0]!.user['client-certificate-data']).not.toBe(b.body.users[0]!.user['client-certificate-data']);
  });

  it('validates the duration: 1 to the five-year maximum, or -1', async () => {
    const t = startTestSimulator();
    // From 2025-03-10 the next five years hold one leap day (2028-02-29): the maximum is 1826.
    expect((await cert(t, search, 1)).status).toBe(200);
    expect((await cert(t, search, 1826)).status).toBe(200);
    expect((await cert(t, search, -1)).status).toBe(200);
    for (const bad of [0, -2, 1828, 2.5, '30']) {
      const res = await cert(t, search, bad);
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.errorCode).toBe('CCE.01400001');
    }
    const leap = await cert(t, search, 1827);
    expect(leap.status).toBe(400);
    expect(leap.body.errorMessage).toMatch(/1 to 1826/);
  });

  it('is refused while the API server does not run', async () => {
    const t = startTestSimulator();
    const creating = await cert(t, DEMO_SEED.clusters['ml-inference'], 30);
    expect(creating.status).toBe(400);
    expect((await cert(t, DEMO_SEED.clusters['qa-regression'], 30)).status).toBe(400);
    expect((await cert(t, 'f0f0f0f0-0000-11ef-8000-0255ac100000', 30)).status).toBe(404);
  });
});

describe('public API server address (EIP)', () => {
  it('binding changes the access address, the endpoints and the kubeconfig; unbinding reverts them', async () => {
    const t = startTestSimulator();
    const before = await t.json<AccessAddress>('GET', `${t.base}/clusters/${search}/openapi`);
    expect(before.body.status.publicEndpoint).toBe('');
    expect(before.body.spec.spec.eip.bandwidth).toEqual({});

    const bound = await eip(t, search, { action: 'bind', spec: { id: freeEip.id } });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({
      spec: { action: 'bind', spec: { id: freeEip.id, eip: { bandwidth: { size: 10, sharetype: 'PER' } } }, elasticIp: freeEip.address },
      status: { publicEndpoint: `https://${freeEip.address}:5443` },
    });

    const after = await t.json<AccessAddress>('GET', `${t.base}/clusters/${search}/openapi`);
    expect(after.body.status.publicEndpoint).toBe(`https://${freeEip.address}:5443`);
    expect(after.body.status.privateEndpoint).toBe(before.body.status.privateEndpoint);
    const cluster = await t.json<{ status: { endpoints: { url: string; type: string }[] } }>('GET', `${t.base}/clusters/${search}`);
    expect(cluster.body.status.endpoints).toContainEqual({ url: `https://${freeEip.address}:5443`, type: 'External' });
    const kubeconfig = await cert(t, search, 30);
    expect(kubeconfig.body.contexts.map((c) => c.name)).toEqual(['internal', 'external']);
    expect(kubeconfig.body['current-context']).toBe('external');
    expect(kubeconfig.body.clusters.find((c) => c.name === 'externalCluster')!.cluster).toEqual({
      server: `https://${freeEip.address}:5443`,
      'insecure-skip-tls-verify': true,
    });

    const unbind = await t.call('PUT', `${t.base}/clusters/${search}/mastereip`, { body: { spec: { action: 'unbind' } } });
    expect(unbind.status).toBe(200);
    expect(await unbind.text()).toBe('');
    expect((await t.json<AccessAddress>('GET', `${t.base}/clusters/${search}/openapi`)).body.status.publicEndpoint).toBe('');
    expect((await cert(t, search, 30)).body.contexts.map((c) => c.name)).toEqual(['internal']);
    const endpoints = (await t.json<{ status: { endpoints: { type: string }[] } }>('GET', `${t.base}/clusters/${search}`)).body.status.endpoints;
    expect(endpoints.map((e) => e.type)).toEqual(['Internal']);
  });

  it('refuses an unknown EIP, one in use, a second bind, a missing id and an unbind with nothing bound', async () => {
    const t = startTestSimulator();
    const unknown = await eip(t, search, { action: 'bind', spec: { id: '00000000-1111-4222-8333-444444444444' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('CCE.01404001');
    const inUse = await eip(t, search, { action: 'bind', spec: { id: DEMO_SEED.eips[0]!.id } });
    expect(inUse.status).toBe(409);
    expect(inUse.body.errorMessage).toMatch(/prod-payments/);
    const noId = await eip(t, search, { action: 'bind' });
    expect(noId.status).toBe(400);
    expect((await eip(t, search, { action: 'unbind' })).status).toBe(404);
    expect((await eip(t, DEMO_SEED.clusters['prod-payments'], { action: 'bind', spec: { id: freeEip.id } })).status).toBe(409);
  });

  it('is refused while a cluster is busy', async () => {
    const t = startTestSimulator();
    const res = await eip(t, DEMO_SEED.clusters['ml-inference'], { action: 'bind', spec: { id: freeEip.id } });
    expect(res.status).toBe(429);
    expect(res.body.errorCode).toBe('CCE.01429002');
  });
});

describe('cluster tags', () => {
  type Tags = { key: string; value: string }[];
  const tagsOf = async (t: TestSimulator, uid: string) =>
    (await t.json<{ spec: { clusterTags?: Tags } }>('GET', `${t.base}/clusters/${uid}`)).body.spec.clusterTags ?? [];

  it('adds, overwrites by key and deletes idempotently, answering 204 without a body', async () => {
    const t = startTestSimulator();
    const add = await t.call('POST', `${t.base}/clusters/${search}/tags/create`, {
      body: {
        tags: [
          { key: 'owner', value: 'alice' },
          { key: 'env', value: 'prod' },
        ],
      },
    });
    expect(add.status).toBe(204);
    expect(await add.text()).toBe('');
    expect(await tagsOf(t, search)).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'search' },
      { key: 'owner', value: 'alice' },
    ]);
    const del = await t.call('POST', `${t.base}/clusters/${search}/tags/delete`, { body: { tags: [{ key: 'owner' }, { key: 'no-such-key' }] } });
    expect(del.status).toBe(204);
    expect((await tagsOf(t, search)).map((x) => x.key)).toEqual(['env', 'team']);
  });

  it('keeps a cluster at 20 tags at most, refusing the whole batch', async () => {
    const t = startTestSimulator();
    const eighteen = Array.from({ length: 18 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    expect((await t.call('POST', `${t.base}/clusters/${search}/tags/create`, { body: { tags: eighteen } })).status).toBe(204);
    const over = await t.json<CceErrorBody>('POST', `${t.base}/clusters/${search}/tags/create`, { body: { tags: [{ key: 'one-more', value: 'x' }] } });
    expect(over.status).toBe(400);
    expect(over.body.errorMessage).toMatch(/21, more than the 20 allowed/);
    expect(await tagsOf(t, search)).toHaveLength(20);
    // Overwriting an existing key does not add a tag.
    expect((await t.call('POST', `${t.base}/clusters/${search}/tags/create`, { body: { tags: [{ key: 'k0', value: 'changed' }] } })).status).toBe(204);
  });

  it.each([
    ['_sys_ prefix', { key: '_sys_hidden', value: 'x' }],
    ['leading space', { key: ' env', value: 'x' }],
    ['key too long', { key: 'k'.repeat(129), value: 'x' }],
    ['value too long', { key: 'k', value: 'v'.repeat(256) }],
    ['forbidden character', { key: 'cost#center', value: 'x' }],
    ['empty key', { key: '', value: 'x' }],
  ])('refuses a tag with %s', async (_label, tag) => {
    const t = startTestSimulator();
    const res = await t.json<CceErrorBody>('POST', `${t.base}/clusters/${search}/tags/create`, { body: { tags: [tag] } });
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe('CCE.01400001');
  });
});
