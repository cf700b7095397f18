import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorEnvelopeSchema, type ApiErrorEnvelope } from '../contract/errors.ts';
import { operationList } from '../contract/operations.ts';
import { parseAuthorization } from '../contract/signing.ts';
import type { BuildAppOptions } from './app.ts';
import { captureStream, signedInApp, spyUpstream, testConfig, TEST_ENDPOINT, TEST_KEYS, TEST_PROJECT_ID, type RecordedCall } from './testing.ts';
import type { Upstream } from './upstream/upstream.ts';

const BASE = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}`;
const CLUSTER = '6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** The BFF as a signed-in operator's browser sees it. */
async function appWith(upstream: Upstream, options: Partial<Omit<BuildAppOptions, 'store'>> = {}): Promise<FastifyInstance> {
  const app = await signedInApp({ config: testConfig(), upstream, ...options });
  apps.push(app);
  return app;
}

function envelopeOf(body: string): ApiErrorEnvelope['error'] {
  return apiErrorEnvelopeSchema.parse(JSON.parse(body)).error;
}

const clusterBody = (name: string) => ({
  kind: 'Cluster',
  apiVersion: 'v3',
  metadata: { name },
  spec: {
    category: 'Turbo',
    flavor: 'cce.autopilot.cluster',
    type: 'VirtualMachine',
    version: 'v1.28',
    hostNetwork: { vpc: '3305eb40-2707-4940-921c-9f335f84a2ca', subnet: '0b4a11c6-5b1e-4b4c-a7d4-5ef2e3b1c0a9' },
    containerNetwork: { mode: 'eni' },
    eniNetwork: { subnets: [{ subnetID: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d' }] },
    serviceNetwork: { IPv4CIDR: '10.247.0.0/16' },
  },
});

describe('own routes', () => {
  it('answers health and context without calling upstream', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', mode: 'cloud' });
    const context = await app.inject({ method: 'GET', url: '/api/context' });
    expect(context.json()).toEqual({ mode: 'cloud', region: 'ap-southeast-3', projectId: TEST_PROJECT_ID });
    expect(calls).toHaveLength(0);
  });

  it('tells the SPA about the simulator in simulator mode', async () => {
    const { upstream } = spyUpstream(undefined, { mode: 'simulator', simulator: { speed: 20 } });
    const app = await appWith(upstream);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', mode: 'simulator' });
    expect((await app.inject({ method: 'GET', url: '/api/context' })).json()).toEqual({
      mode: 'simulator',
      region: 'ap-southeast-3',
      projectId: TEST_PROJECT_ID,
      simulator: { speed: 20 },
    });
  });

  it('answers unknown /api routes with a 404 envelope', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/nope'],
      ['GET', '/api'],
      ['DELETE', '/api/health/x'],
    ] as const) {
      const res = await app.inject({ method, url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(404);
      expect(envelopeOf(res.body)).toMatchObject({ status: 404, code: 'BFF.NOT_FOUND' });
    }
    expect(calls).toHaveLength(0);
  });
});

describe('forwarding /api/cce/*', () => {
  it('forwards a list with its query, signed for the configured endpoint', async () => {
    const { upstream, calls } = spyUpstream(() => Response.json({ kind: 'Cluster', apiVersion: 'v3', items: [] }, { headers: { 'x-request-id': 'up-1' } }));
    const app = await appWith(upstream, { clock: { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) } });
    const res = await app.inject({ method: 'GET', url: `${BASE}/clusters?status=Available&detail=true` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: 'Cluster', apiVersion: 'v3', items: [] });
    expect(res.headers['x-upstream-request-id']).toBe('up-1');
    expect(res.headers['x-request-id']).not.toBe('up-1');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.method).toBe('GET');
    expect(call.url).toBe(`${TEST_ENDPOINT}/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters?status=Available&detail=true`);
    expect(call.headers['X-Project-Id']).toBe(TEST_PROJECT_ID);
    expect(call.headers['Content-Type']).toBe('application/json');
    expect(call.headers['X-Sdk-Date']).toBe('20260102T030405Z');
    expect(call.headers.host).toBe('cce.ap-southeast-3.myhuaweicloud.com');
    const auth = parseAuthorization(call.headers.Authorization!);
    expect(auth).toMatchObject({ access: TEST_KEYS.ak, signedHeaders: ['content-type', 'host', 'x-project-id', 'x-sdk-date'] });
  });

  it('forwards the validated JSON body (re-serialised, so what is signed is what was checked) and passes the success status through', async () => {
    const { upstream, calls } = spyUpstream((call) =>
      call.method === 'POST' && call.url.endsWith('/clusters')
        ? Response.json(
            { kind: 'Cluster', apiVersion: 'v3', metadata: { name: 'web-shop', uid: 'u1' }, spec: {}, status: { phase: 'Creating' } },
            { status: 201 },
          )
        : new Response(null, { status: 204 }),
    );
    const app = await appWith(upstream);
    const payload = JSON.stringify(clusterBody('web-shop'), null, 2);
    const created = await app.inject({ method: 'POST', url: `${BASE}/clusters`, headers: { 'content-type': 'application/json' }, payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ metadata: { name: 'web-shop' } });
    expect(new TextDecoder().decode(calls[0]!.body)).toBe(JSON.stringify(JSON.parse(payload)));

    const tags = await app.inject({
      method: 'POST',
      url: `${BASE}/clusters/${CLUSTER}/tags/create`,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: { tags: [{ key: 'team', value: 'search' }] },
    });
    expect(tags.statusCode).toBe(204);
    expect(tags.body).toBe('');
    expect(calls[1]!.url).toBe(`${TEST_ENDPOINT}/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters/${CLUSTER}/tags/create`);
  });

  it('routes DELETE with its documented query and GET of a job (the audit trail asks the cluster its name once)', async () => {
    const { upstream, calls } = spyUpstream(() => Response.json({}));
    const app = await appWith(upstream);
    expect((await app.inject({ method: 'DELETE', url: `${BASE}/clusters/${CLUSTER}?delete_efs=true&lts_reclaim_policy=Retain` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `${BASE}/jobs/job-0a1b` })).statusCode).toBe(200);
    expect(calls.map((c) => `${c.method} ${c.url.slice(TEST_ENDPOINT.length)}`)).toEqual([
      `DELETE /autopilot/v3/projects/${TEST_PROJECT_ID}/clusters/${CLUSTER}?delete_efs=true&lts_reclaim_policy=Retain`,
      // The answer here names no cluster: the audit entry's target name is looked up.
      `GET /autopilot/v3/projects/${TEST_PROJECT_ID}/clusters/${CLUSTER}`,
      `GET /autopilot/v3/projects/${TEST_PROJECT_ID}/jobs/job-0a1b`,
    ]);
  });

  it('can reach every operation of the registry from its own path', async () => {
    const { upstream, calls } = spyUpstream(() => new Response(null, { status: 400 }));
    const app = await appWith(upstream);
    for (const op of operationList) {
      const path = op.path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => (name === 'project_id' ? TEST_PROJECT_ID : `${name.replace(/_/g, '-')}-1`));
      const res = await app.inject({ method: op.method, url: `/api/cce${path}` });
      // Nothing sent upstream means the BFF refused the shape (404/405) — never acceptable for a contract path.
      expect([404, 405], `${op.id}: ${res.body}`).not.toContain(res.statusCode);
    }
    expect(calls.length).toBeGreaterThan(0);
  });

  it('answers 404 for an operation the contract does not have, sending nothing upstream', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    for (const url of [
      `${BASE}/nodes`,
      `${BASE}/clusters/${CLUSTER}/nodes`,
      '/api/cce/v3/projects/x/clusters',
      `${BASE}/clusters/${CLUSTER}/`,
      '/api/cce',
      '/api/cce/',
      '/api/cce/autopilot/v3/../../iam',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(envelopeOf(res.body)).toMatchObject({ status: 404, code: 'BFF.NOT_FOUND' });
    }
    // Spellings the router would match to an operation with an empty or dot segment are refused before it.
    for (const url of [`${BASE}/clusters/`]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(envelopeOf(res.body)).toMatchObject({ code: 'BFF.NON_CANONICAL_URL' });
    }
    expect(calls).toHaveLength(0);
  });

  it('answers 405 with Allow for a wrong method on a contract path', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const res = await app.inject({ method: 'PATCH', url: `${BASE}/clusters` });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow?.split(', ').sort()).toEqual(['GET', 'POST']);
    expect(envelopeOf(res.body).code).toBe('BFF.METHOD_NOT_ALLOWED');
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['encoded slash', `${BASE}/clusters/..%2F..%2Fiam`],
    ['encoded dot-dot', `${BASE}/clusters/%2e%2e`],
    ['upper-case encoded dot-dot', `${BASE}/clusters/%2E%2E`],
    ['literal dot-dot', `${BASE}/clusters/..`],
    ['single dot', `${BASE}/clusters/.`],
    ['host smuggling with @', `${BASE}/clusters/evil.example.com@x`],
    ['host smuggling with a scheme', `${BASE}/clusters/http:%2F%2Fevil.example.com`],
    ['backslash', `${BASE}/clusters/a%5C..%5Cb`],
    ['double-encoded slash', `${BASE}/clusters/a%252Fb`],
    ['NUL byte', `${BASE}/clusters/a%00b`],
    ['project id traversal', '/api/cce/autopilot/v3/projects/%2e%2e/clusters'],
    ['empty segment', `${BASE}/clusters//tags/create`],
  ])('refuses a path parameter that could change the upstream path: %s', async (_name, url) => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const res = await app.inject({ method: 'GET', url });
    expect([400, 404]).toContain(res.statusCode);
    const error = envelopeOf(res.body);
    // Either the parameter's own check (naming it) or the canonical-path check before any handler.
    if (error.code === 'BFF.BAD_REQUEST') expect(error.fields?.[0]?.path).toMatch(/^params\./);
    else if (res.statusCode === 400) expect(error.code).toBe('BFF.NON_CANONICAL_URL');
    expect(calls).toHaveLength(0);
  });

  it('answers 403 for a project that is not the configured one', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const res = await app.inject({ method: 'GET', url: '/api/cce/autopilot/v3/projects/ffffffffffffffffffffffffffffffff/clusters' });
    expect(res.statusCode).toBe(403);
    expect(envelopeOf(res.body)).toMatchObject({ code: 'BFF.FOREIGN_PROJECT', fields: [{ path: 'params.project_id' }] });
    expect(calls).toHaveLength(0);
  });

  it('answers 400 with field errors for a body that breaks the contract, before signing', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const bad = clusterBody('Not_A_Valid_Name!');
    const res = await app.inject({ method: 'POST', url: `${BASE}/clusters`, payload: bad });
    expect(res.statusCode).toBe(400);
    const error = envelopeOf(res.body);
    expect(error.code).toBe('BFF.BAD_REQUEST');
    expect(error.fields?.map((f) => f.path)).toContain('body.metadata.name');

    const cert = await app.inject({ method: 'POST', url: `${BASE}/clusters/${CLUSTER}/clustercert`, payload: { duration: 5000 } });
    expect(cert.statusCode).toBe(400);
    expect(envelopeOf(cert.body).fields?.map((f) => f.path)).toContain('body.duration');
    expect(calls).toHaveLength(0);
  });

  it('answers 400 for malformed JSON, a missing body and a body on a body-less operation', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const malformed = await app.inject({ method: 'POST', url: `${BASE}/clusters`, headers: { 'content-type': 'application/json' }, payload: '{"kind":' });
    expect(malformed.statusCode).toBe(400);
    expect(envelopeOf(malformed.body).fields).toEqual([{ path: 'body', message: 'must be valid JSON' }]);
    const missing = await app.inject({ method: 'POST', url: `${BASE}/clusters` });
    expect(missing.statusCode).toBe(400);
    const unexpected = await app.inject({ method: 'DELETE', url: `${BASE}/clusters/${CLUSTER}`, payload: { force: true } });
    expect(unexpected.statusCode).toBe(400);
    expect(envelopeOf(unexpected.body).fields).toEqual([{ path: 'body', message: 'must be empty' }]);
    expect(calls).toHaveLength(0);
  });

  it('answers 415 for a JSON operation sent another media type', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const res = await app.inject({ method: 'POST', url: `${BASE}/clusters`, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(envelopeOf(res.body).code).toBe('BFF.UNSUPPORTED_MEDIA_TYPE');
    expect(calls).toHaveLength(0);
  });

  it('answers 400 for an unknown query key or a bad query value', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const unknown = await app.inject({ method: 'GET', url: `${BASE}/clusters?status=Available&limit=10` });
    expect(unknown.statusCode).toBe(400);
    expect(envelopeOf(unknown.body).fields).toEqual([{ path: 'query.limit', message: 'is not a parameter of this operation' }]);
    const noQuery = await app.inject({ method: 'GET', url: `${BASE}/quotas?x=1` });
    expect(noQuery.statusCode).toBe(400);
    const badValue = await app.inject({ method: 'GET', url: `${BASE}/clusters?status=Sleeping` });
    expect(badValue.statusCode).toBe(400);
    expect(envelopeOf(badValue.body).fields?.[0]?.path).toBe('query.status');
    const repeated = await app.inject({ method: 'GET', url: `${BASE}/clusters?status=Available&status=Creating` });
    expect(repeated.statusCode).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('answers 413 above the JSON body limit without forwarding', async () => {
    const { upstream, calls } = spyUpstream();
    const app = await appWith(upstream);
    const body = JSON.stringify({ ...clusterBody('big'), padding: 'x'.repeat(1024 * 1024) });
    const res = await app.inject({ method: 'POST', url: `${BASE}/clusters`, headers: { 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(413);
    expect(envelopeOf(res.body).code).toBe('BFF.PAYLOAD_TOO_LARGE');
    expect(calls).toHaveLength(0);
  });
});

describe('cross-site protection', () => {
  it('refuses mutations from another origin or a cross-site fetch', async () => {
    const { upstream, calls } = spyUpstream((call) =>
      call.method === 'GET' ? Response.json({ quotas: { resources: [] } }) : new Response(null, { status: 204 }),
    );
    const app = await appWith(upstream);
    const url = `${BASE}/clusters/${CLUSTER}/tags/create`;
    const payload = { tags: [{ key: 'a', value: 'b' }] };
    for (const headers of [
      { origin: 'https://evil.example.com' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost:80', 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(envelopeOf(res.body).code).toBe('BFF.CROSS_SITE_REQUEST');
    }
    expect(calls).toHaveLength(0);
    const same = await app.inject({ method: 'POST', url, headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' }, payload });
    expect(same.statusCode).toBe(204);
    const noOrigin = await app.inject({ method: 'POST', url, payload });
    expect(noOrigin.statusCode).toBe(204);
    // Reads are not mutations: a cross-site GET is answered (the SOP keeps the answer from the other site).
    const read = await app.inject({ method: 'GET', url: `${BASE}/quotas`, headers: { origin: 'https://evil.example.com', 'sec-fetch-site': 'cross-site' } });
    expect(read.statusCode).toBe(200);
  });
});

describe('upstream errors', () => {
  async function errorFrom(response: () => Response, timeoutMs = 5_000) {
    const { upstream } = spyUpstream(response);
    const app = await signedInApp({ config: testConfig({ timeoutMs }), upstream });
    apps.push(app);
    const res = await app.inject({ method: 'GET', url: `${BASE}/clusters/${CLUSTER}` });
    return { res, error: envelopeOf(res.body), ownId: res.headers['x-request-id'] as string };
  }

  it('passes a 4xx in the snake_case shape through with its code, message and request id', async () => {
    const { res, error } = await errorFrom(() =>
      Response.json(
        { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'req-body-1' },
        { status: 401 },
      ),
    );
    expect(res.statusCode).toBe(401);
    expect(error).toEqual({
      status: 401,
      code: 'APIGW.0301',
      message: 'Incorrect IAM authentication information: verify aksk signature fail',
      requestId: 'req-body-1',
    });
  });

  it('passes a 4xx in the camelCase shape through, taking the request id from X-Request-Id', async () => {
    const { res, error, ownId } = await errorFrom(() =>
      Response.json({ errorCode: 'CCE.01404001', errorMessage: 'Resource not found.' }, { status: 404, headers: { 'X-Request-Id': 'req-header-2' } }),
    );
    expect(res.statusCode).toBe(404);
    expect(error).toEqual({ status: 404, code: 'CCE.01404001', message: 'Resource not found.', requestId: 'req-header-2' });
    expect(ownId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ownId).not.toBe('req-header-2');
  });

  it('turns a 4xx with an unknown body into a generic envelope with the BFF request id', async () => {
    const { res, error, ownId } = await errorFrom(() => new Response('<html>Forbidden</html>', { status: 403 }));
    expect(res.statusCode).toBe(403);
    expect(error).toMatchObject({ code: 'BFF.UPSTREAM_ERROR', requestId: ownId });
    expect(res.body).not.toContain('html');
  });

  it('turns a 5xx into 502 without upstream internals', async () => {
    const { res, error } = await errorFrom(() =>
      Response.json(
        { errorCode: 'CCE.01500001', errorMessage: 'panic: runtime error at /go/src/cce/handler.go:42' },
        { status: 500, headers: { 'x-request-id': 'req-5xx' } },
      ),
    );
    expect(res.statusCode).toBe(502);
    expect(error).toMatchObject({ status: 502, code: 'BFF.UPSTREAM_ERROR', requestId: 'req-5xx' });
    expect(res.body).not.toMatch(/panic|handler\.go/);
  });

  it('turns an upstream that never answers into 504 after the timeout', async () => {
    const { upstream, calls } = spyUpstream(() => new Promise<Response>(() => {}));
    const app = await signedInApp({ config: testConfig({ timeoutMs: 50 }), upstream });
    apps.push(app);
    const started = Date.now();
    const res = await app.inject({ method: 'GET', url: `${BASE}/quotas` });
    expect(res.statusCode).toBe(504);
    expect(envelopeOf(res.body)).toMatchObject({ code: 'BFF.UPSTREAM_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(calls).toHaveLength(1);
  });

  it('turns a network failure into 504 with a plain message', async () => {
    const { upstream } = spyUpstream(() => Promise.reject(new TypeError('fetch failed: connect ECONNREFUSED 10.0.0.1:443')));
    const app = await appWith(upstream);
    const res = await app.inject({ method: 'GET', url: `${BASE}/quotas` });
    expect(res.statusCode).toBe(504);
    expect(envelopeOf(res.body)).toMatchObject({ code: 'BFF.UPSTREAM_UNREACHABLE', message: 'The CCE API could not be reached.' });
    expect(res.body).not.toContain('ECONNREFUSED');
  });

  it('passes drifted JSON through and logs a warning naming the operation and the paths', async () => {
    const drifted = { kind: 'Cluster', apiVersion: 'v3', items: 'not-an-array', brandNewField: 1 };
    const { upstream } = spyUpstream(() => Response.json(drifted));
    const logs = captureStream();
    const app = await appWith(upstream, { logger: { stream: logs.stream, level: 'warn' } });
    const res = await app.inject({ method: 'GET', url: `${BASE}/clusters` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(drifted);
    const warning = logs.lines().find((l) => l.msg === 'upstream response does not match the contract');
    expect(warning).toMatchObject({ op: 'ListAutopilotClusters' });
    expect((warning?.issues as string[]).join(' ')).toContain('items');
  });
});

describe('multipart operations', () => {
  // UploadAutopilotChart (§4.6.1) as the registry defines it: `content` file, optional `parameters` field.

  function form(
    parts: { name: string; filename?: string; content: string | Buffer }[],
    boundary = '----bff-test-7MA4YWxk',
  ): { payload: Buffer; contentType: string } {
    const chunks: Buffer[] = [];
    for (const part of parts) {
      const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
      const type = part.filename ? '\r\nContent-Type: application/gzip' : '';
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
  }

  async function multipartApp(respond?: (call: RecordedCall) => Response) {
    const spy = spyUpstream(respond ?? (() => Response.json({ id: 'chart-1' }, { status: 201 })));
    const app = await appWith(spy.upstream);
    return { app, calls: spy.calls };
  }

  it('forwards the original bytes and boundary, with an unsigned payload', async () => {
    const { app, calls } = await multipartApp();
    const archive = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d]);
    const { payload, contentType } = form([
      { name: 'parameters', content: '{"override":true,"skip_lint":true,"source":"package"}' },
      { name: 'content', filename: 'nginx-1.0.0.tgz', content: archive },
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/cce/autopilot/v2/charts', headers: { 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 'chart-1' });
    const call = calls[0]!;
    expect(Buffer.from(call.body!).equals(payload)).toBe(true);
    expect(call.headers['Content-Type']).toBe(contentType);
    expect(call.headers['X-Sdk-Content-Sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(parseAuthorization(call.headers.Authorization!)?.signedHeaders).toEqual(['host', 'x-project-id', 'x-sdk-content-sha256', 'x-sdk-date']);
  });

  it('checks the declared file and field names', async () => {
    const { app, calls } = await multipartApp();
    const post = (parts: Parameters<typeof form>[0]) => {
      const { payload, contentType } = form(parts);
      return app.inject({ method: 'POST', url: '/api/cce/autopilot/v2/charts', headers: { 'content-type': contentType }, payload });
    };
    const missing = await post([{ name: 'parameters', content: '{}' }]);
    expect(missing.statusCode).toBe(400);
    expect(envelopeOf(missing.body).fields).toEqual([{ path: 'body.content', message: 'file is required' }]);
    const unknown = await post([
      { name: 'content', filename: 'a.tgz', content: 'x' },
      { name: 'script', content: 'rm -rf /' },
    ]);
    expect(envelopeOf(unknown.body).fields?.map((f) => f.path)).toEqual(['body.script']);
    const notFile = await post([{ name: 'content', content: 'just text' }]);
    expect(envelopeOf(notFile.body).fields?.[0]).toEqual({ path: 'body.content', message: 'must be a file part' });
    const json = await app.inject({ method: 'POST', url: '/api/cce/autopilot/v2/charts', payload: { content: 'chart.tgz' } });
    expect(json.statusCode).toBe(415);
    expect(calls).toHaveLength(0);
  });

  it('answers 413 above 12 MB and accepts just below it', async () => {
    const { app, calls } = await multipartApp();
    const big = form([{ name: 'content', filename: 'big.tgz', content: Buffer.alloc(12 * 1024 * 1024 + 1, 1) }]);
    const tooLarge = await app.inject({
      method: 'POST',
      url: '/api/cce/autopilot/v2/charts',
      headers: { 'content-type': big.contentType },
      payload: big.payload,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(envelopeOf(tooLarge.body).code).toBe('BFF.PAYLOAD_TOO_LARGE');
    expect(calls).toHaveLength(0);
    const fits = form([{ name: 'content', filename: 'ok.tgz', content: Buffer.alloc(12 * 1024 * 1024 - 1024, 1) }]);
    const ok = await app.inject({ method: 'POST', url: '/api/cce/autopilot/v2/charts', headers: { 'content-type': fits.contentType }, payload: fits.payload });
    expect(ok.statusCode).toBe(201);
    expect(calls).toHaveLength(1);
  });
});

describe('headers on every answer', () => {
  it('sends the security headers and a fresh X-Request-Id, ignoring an incoming one', async () => {
    const { upstream } = spyUpstream();
    const app = await appWith(upstream);
    const responses = [
      await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'forged' } }),
      await app.inject({ method: 'GET', url: '/api/nope' }),
      await app.inject({ method: 'GET', url: `${BASE}/clusters?bad=1` }),
      await app.inject({ method: 'POST', url: `${BASE}/clusters`, headers: { origin: 'https://evil.example.com' }, payload: {} }),
    ];
    const ids = new Set<string>();
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';frame-ancestors 'none';object-src 'none';base-uri 'none'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(responses.length);
    expect(envelopeOf(responses[1]!.body).requestId).toBe(responses[1]!.headers['x-request-id']);
  });
});

describe('static SPA', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function spaApp(withIndex: boolean) {
    dir = mkdtempSync(join(tmpdir(), 'bff-spa-'));
    mkdirSync(join(dir, 'assets'));
    if (withIndex) writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    const { upstream, calls } = spyUpstream();
    const app = await signedInApp({ config: testConfig({ staticDir: dir }), upstream });
    apps.push(app);
    return { app, calls };
  }

  it('serves index.html for / and deep links, hashed assets as immutable', async () => {
    const { app, calls } = await spaApp(true);
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    expect(root.headers['cache-control']).toBe('no-cache');
    const deep = await app.inject({ method: 'GET', url: '/clusters/6f1e1c3a?tab=nodes', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-3f2a1b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(calls).toHaveLength(0);
  });

  it('answers 404 for missing files that are not page requests, and never serves index.html under /api', async () => {
    const { app } = await spaApp(true);
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/clusters', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(envelopeOf(api.body).code).toBe('BFF.NOT_FOUND');
    expect((await app.inject({ method: 'POST', url: '/clusters', headers: { accept: 'text/html' } })).statusCode).toBe(404);
  });

  it('answers a plain 503 page asking for a build when index.html is missing', async () => {
    const { app } = await spaApp(false);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('npm run build');
    const deep = await app.inject({ method: 'GET', url: '/clusters', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(503);
  });

  it('answers the 503 page when the static directory does not exist at all', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bff-spa-'));
    const { upstream } = spyUpstream();
    const app = await signedInApp({ config: testConfig({ staticDir: join(dir, 'missing') }), upstream });
    apps.push(app);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
  });
});
