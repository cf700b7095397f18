import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from './seed.ts';
import { TEST_HOST, queryString, sdkSignedHeaders, startTestSimulator } from './test-support.ts';

/**
 * Requests signed by Huawei's own SDK signer (the devDependency used as a test oracle) must pass the
 * simulator's check, so the SDKs and other tools that use it can talk to the standalone simulator.
 */
describe('requests signed by the official SDK signer', () => {
  it('verifies a GET with query parameters, including a repeated one', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters`;
    const query = { status: 'Available', version: ['v1.28'] };
    const headers = sdkSignedHeaders(t, { method: 'GET', path, query });
    const res = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}${queryString(query)}`, { headers }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { metadata: { name: string } }[] };
    expect(body.items.map((c) => c.metadata.name).sort()).toEqual(['prod-payments', 'prod-search']);
  });

  it('verifies a POST whose body the SDK hashed', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters/${DEMO_SEED.clusters['prod-search']}/tags/create`;
    const data = { tags: [{ key: 'signed-by', value: 'sdk' }] };
    const headers = sdkSignedHeaders(t, { method: 'POST', path, data });
    const res = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { method: 'POST', headers, body: JSON.stringify(data) }));
    expect(res.status).toBe(204);
    const tampered = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { method: 'POST', headers, body: JSON.stringify({ tags: [] }) }));
    expect(tampered.status).toBe(401);
  });
});
