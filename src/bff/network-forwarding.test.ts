/**
 * The VPC service's read-only network look-ups (issue 10): forwarded like the CCE operations — one
 * declared route per operation, strict query, the configured project only, signed with the same
 * credentials — but to the VPC endpoint, and nothing but the three GETs is allow-listed.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorEnvelopeSchema } from '../contract/errors.ts';
import { parseAuthorization } from '../contract/signing.ts';
import { DEMO_EIPS, DEMO_VPCS } from '../simulator/resources/network/network-seed.ts';
import { createSimulator } from '../simulator/create-simulator.ts';
import { SIMULATOR_VPC_ORIGIN, simulatorUpstream } from './compose.ts';
import { signedInApp, spyUpstream, testConfig, testStore, TEST_ENDPOINT, TEST_KEYS, TEST_PROJECT_ID } from './testing.ts';
import type { Upstream } from './upstream/upstream.ts';

const VPC_BASE = `/api/vpc/v1/${TEST_PROJECT_ID}`;
const VPC_ID = 'c6549063-d459-4ae1-9550-b5fec6741b0f';

// The shared store hashes its test accounts' passwords once: slow on a busy machine, so not inside a test's time.
beforeAll(() => testStore(), 120_000);

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function appWith(upstream: Upstream, role: 'viewer' | 'operator' = 'operator'): Promise<FastifyInstance> {
  const app = await signedInApp({ config: testConfig(), upstream }, role);
  apps.push(app);
  return app;
}

const codeOf = (body: string) => apiErrorEnvelopeSchema.parse(JSON.parse(body)).error.code;

describe('forwarding /api/vpc/* (network look-ups)', () => {
  it('sends each look-up to the VPC endpoint derived from the region, signed with the same key for that host', async () => {
    const { upstream, calls } = spyUpstream((call) =>
      Response.json(call.url.includes('/subnets') ? { subnets: [] } : call.url.includes('/publicips') ? { publicips: [] } : { vpcs: [] }),
    );
    const viewer = await appWith(upstream, 'viewer');
    for (const [path, body] of [
      ['/vpcs?limit=100', { vpcs: [] }],
      [`/subnets?vpc_id=${VPC_ID}`, { subnets: [] }],
      ['/publicips?ip_version=4', { publicips: [] }],
    ] as const) {
      const res = await viewer.inject({ method: 'GET', url: `${VPC_BASE}${path}` });
      expect(res.statusCode, path).toBe(200);
      expect(res.json()).toEqual(body);
    }
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', `https://vpc.ap-southeast-3.myhuaweicloud.com/v1/${TEST_PROJECT_ID}/vpcs?limit=100`],
      ['GET', `https://vpc.ap-southeast-3.myhuaweicloud.com/v1/${TEST_PROJECT_ID}/subnets?vpc_id=${VPC_ID}`],
      ['GET', `https://vpc.ap-southeast-3.myhuaweicloud.com/v1/${TEST_PROJECT_ID}/publicips?ip_version=4`],
    ]);
    const call = calls[0]!;
    expect(call.headers.host).toBe('vpc.ap-southeast-3.myhuaweicloud.com');
    expect(call.headers['X-Sdk-Date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(parseAuthorization(call.headers.Authorization!)).toMatchObject({ access: TEST_KEYS.ak });
  });

  it('uses the configured VPC endpoint when one is given, and keeps CCE calls on the CCE endpoint', async () => {
    const { upstream, calls } = spyUpstream((call) => Response.json(call.url.includes('/vpcs') ? { vpcs: [] } : { kind: 'Cluster', items: [] }), {
      vpcEndpoint: 'https://vpc.internal.example.com',
    });
    const app = await appWith(upstream);
    expect((await app.inject({ method: 'GET', url: `${VPC_BASE}/vpcs` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters` })).statusCode).toBe(200);
    expect(calls.map((c) => c.url)).toEqual([
      `https://vpc.internal.example.com/v1/${TEST_PROJECT_ID}/vpcs`,
      `${TEST_ENDPOINT}/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters`,
    ]);
    expect(calls[0]!.headers.host).toBe('vpc.internal.example.com');
  });

  it('refuses anything but the three look-ups, before a byte goes upstream', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const refusals: [string, string, number, string][] = [
      ['POST', `${VPC_BASE}/vpcs`, 405, 'BFF.METHOD_NOT_ALLOWED'],
      ['DELETE', `${VPC_BASE}/publicips`, 405, 'BFF.METHOD_NOT_ALLOWED'],
      ['PUT', `${VPC_BASE}/subnets`, 405, 'BFF.METHOD_NOT_ALLOWED'],
      ['GET', `${VPC_BASE}/vpcs/${VPC_ID}`, 404, 'BFF.NOT_FOUND'],
      ['GET', `${VPC_BASE}/security-groups`, 404, 'BFF.NOT_FOUND'],
      ['GET', `/api/vpc/v2.0/${TEST_PROJECT_ID}/ports`, 404, 'BFF.NOT_FOUND'],
      // The look-ups live under /api/vpc only, and CCE operations under /api/cce only.
      ['GET', `/api/cce/v1/${TEST_PROJECT_ID}/vpcs`, 404, 'BFF.NOT_FOUND'],
      ['GET', `/api/vpc/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters`, 404, 'BFF.NOT_FOUND'],
      ['GET', `${VPC_BASE}/vpcs?name=prod`, 400, 'BFF.BAD_REQUEST'],
      ['GET', `${VPC_BASE}/publicips?ip_version=5`, 400, 'BFF.BAD_REQUEST'],
      ['GET', `/api/vpc/v1/${'0'.repeat(32)}/vpcs`, 403, 'BFF.FOREIGN_PROJECT'],
    ];
    for (const [method, url, status, code] of refusals) {
      const res = await app.inject({ method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(codeOf(res.body), `${method} ${url}`).toBe(code);
    }
    const post = await app.inject({ method: 'POST', url: `${VPC_BASE}/vpcs`, payload: {} });
    expect(post.headers.allow).toBe('GET');
    expect(calls).toHaveLength(0);
  });

  it('names the VPC API when it refuses or fails', async () => {
    const { upstream } = spyUpstream(() => new Response('<html>down</html>', { status: 503 }));
    const app = await appWith(upstream);
    const res = await app.inject({ method: 'GET', url: `${VPC_BASE}/vpcs` });
    expect(res.statusCode).toBe(502);
    expect(JSON.parse(res.body).error.message).toBe('The VPC API failed to process the request (HTTP 503). Try again later.');
  });

  it('in simulator mode, reads the seeded network from the embedded simulator, which checks the signature for the VPC host', async () => {
    const sim = createSimulator({ seed: 'empty' });
    const upstream = simulatorUpstream(sim, 1);
    expect(upstream.vpcEndpoint).toBe(SIMULATOR_VPC_ORIGIN);
    const app = await appWith(upstream, 'viewer');
    const base = `/api/vpc/v1/${sim.projectId}`;
    const vpcs = (await app.inject({ method: 'GET', url: `${base}/vpcs` })).json() as { vpcs: { name: string }[] };
    expect(vpcs.vpcs.map((v) => v.name)).toEqual(DEMO_VPCS.map((v) => v.name));
    const subnets = (await app.inject({ method: 'GET', url: `${base}/subnets?vpc_id=${VPC_ID}` })).json() as { subnets: { name: string; vpc_id: string }[] };
    expect(subnets.subnets.map((s) => s.name)).toEqual(DEMO_VPCS[0]!.subnets.map((s) => s.name));
    const eips = (await app.inject({ method: 'GET', url: `${base}/publicips` })).json() as { publicips: { public_ip_address: string; status: string }[] };
    expect(eips.publicips.map((e) => [e.public_ip_address, e.status])).toEqual(DEMO_EIPS.map((e) => [e.address, 'DOWN']));
    sim.close();
  });
});
