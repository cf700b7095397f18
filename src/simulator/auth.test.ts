import { describe, expect, it } from 'vitest';
import { UNSIGNED_PAYLOAD, signRequest } from '../contract/signing.ts';
import { DEFAULT_IAM_USER } from './config.ts';
import { TEST_HOST, startTestSimulator } from './test-support.ts';

const MINUTE = 60_000;

async function errorOf(res: Response) {
  return { status: res.status, body: (await res.json()) as Record<string, string>, requestId: res.headers.get('x-request-id') };
}

describe('AK/SK signature check (API gateway)', () => {
  it('accepts a request signed with the simulator key pair', async () => {
    const t = startTestSimulator();
    const res = await t.json<{ items: unknown[] }>('GET', `${t.base}/clusters`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(6);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('rejects a request without any credentials with 401 APIGW.0301 and a request id', async () => {
    const t = startTestSimulator();
    const err = await errorOf(await t.call('GET', `${t.base}/clusters`, { unsigned: true }));
    expect(err.status).toBe(401);
    expect(err.body.error_code).toBe('APIGW.0301');
    expect(err.body.error_msg).toMatch(/Incorrect IAM authentication information/);
    expect(err.body.request_id).toBe(err.requestId);
  });

  it('rejects an unknown access key', async () => {
    const t = startTestSimulator();
    const err = await errorOf(await t.call('GET', `${t.base}/clusters`, { keys: { ak: 'HPUAUNKNOWNKEY000001', sk: t.sim.credentials.sk } }));
    expect(err.status).toBe(401);
    expect(err.body.error_msg).toMatch(/ak not exist/);
  });

  it('rejects a signature made with the wrong secret key', async () => {
    const t = startTestSimulator();
    const err = await errorOf(await t.call('GET', `${t.base}/clusters`, { keys: { ak: t.sim.credentials.ak, sk: 'not-the-secret-key-0000000000000000000' } }));
    expect(err.status).toBe(401);
    expect(err.body.error_msg).toMatch(/verify aksk signature fail/);
  });

  it('rejects a body changed after signing', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters/${'0'.repeat(8)}/tags/create`;
    const signedBody = JSON.stringify({ tags: [{ key: 'env', value: 'dev' }] });
    const headers = await signRequest(
      { method: 'POST', host: TEST_HOST, path, query: {}, headers: { 'Content-Type': 'application/json' }, body: signedBody },
      t.sim.credentials,
      new Date(t.clock.now()),
    );
    const tampered = JSON.stringify({ tags: [{ key: 'env', value: 'prod' }] });
    const res = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { method: 'POST', headers, body: tampered }));
    expect((await errorOf(res)).status).toBe(401);
  });

  it('rejects a query changed after signing', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters`;
    const headers = await signRequest(
      { method: 'GET', host: TEST_HOST, path, query: { status: 'Available' }, headers: {} },
      t.sim.credentials,
      new Date(t.clock.now()),
    );
    const ok = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}?status=Available`, { headers }));
    expect(ok.status).toBe(200);
    const tampered = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}?status=Error`, { headers }));
    expect(tampered.status).toBe(401);
  });

  it('verifies repeated query keys as the signer encodes them', async () => {
    const t = startTestSimulator();
    const res = await t.call('GET', `${t.base}/clusters`, { query: { status: ['Available'], detail: 'true' } });
    expect(res.status).toBe(200);
  });

  it('rejects a request whose path was changed after signing', async () => {
    const t = startTestSimulator();
    const headers = await signRequest(
      { method: 'GET', host: TEST_HOST, path: `${t.base}/clusters`, query: {}, headers: {} },
      t.sim.credentials,
      new Date(t.clock.now()),
    );
    const res = await t.sim.fetch(new Request(`http://${TEST_HOST}${t.base}/quotas`, { headers }));
    expect(res.status).toBe(401);
  });

  it('rejects a request sent to another host than the one signed', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters`;
    const headers = await signRequest(
      { method: 'GET', host: 'cce.ap-southeast-3.myhuaweicloud.com', path, query: {}, headers: {} },
      t.sim.credentials,
      new Date(t.clock.now()),
    );
    const res = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { headers: { ...headers, host: TEST_HOST } }));
    expect(res.status).toBe(401);
  });

  it('accepts X-Sdk-Date up to 15 minutes off the simulator clock and rejects it beyond', async () => {
    const t = startTestSimulator();
    const now = t.clock.now();
    expect((await t.call('GET', `${t.base}/clusters`, { date: new Date(now - 14 * MINUTE) })).status).toBe(200);
    expect((await t.call('GET', `${t.base}/clusters`, { date: new Date(now + 14 * MINUTE) })).status).toBe(200);
    const stale = await errorOf(await t.call('GET', `${t.base}/clusters`, { date: new Date(now - 16 * MINUTE) }));
    expect(stale.status).toBe(401);
    expect(stale.body.error_msg).toMatch(/x-sdk-date/);
    expect((await t.call('GET', `${t.base}/clusters`, { date: new Date(now + 16 * MINUTE) })).status).toBe(401);
  });

  it('requires host and x-sdk-date among the signed headers', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters`;
    const headers = await signRequest({ method: 'GET', host: TEST_HOST, path, query: {}, headers: {} }, t.sim.credentials, new Date(t.clock.now()));
    const withoutHost = headers.Authorization!.replace('SignedHeaders=host;x-sdk-date', 'SignedHeaders=x-sdk-date');
    expect((await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { headers: { ...headers, Authorization: withoutHost } }))).status).toBe(401);
    const withoutDate = headers.Authorization!.replace('SignedHeaders=host;x-sdk-date', 'SignedHeaders=host');
    expect((await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { headers: { ...headers, Authorization: withoutDate } }))).status).toBe(401);
    expect(headers.Authorization).toContain('SignedHeaders=host;x-sdk-date');
  });

  it('accepts UNSIGNED-PAYLOAD but not a declared hash that does not match the body', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters/${t.sim.projectId}/tags/create`;
    const body = JSON.stringify({ tags: [{ key: 'a', value: 'b' }] });
    const unsigned = await signRequest(
      { method: 'POST', host: TEST_HOST, path, query: {}, headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': UNSIGNED_PAYLOAD }, body },
      t.sim.credentials,
      new Date(t.clock.now()),
    );
    // Authenticated, then the cluster is unknown: 404 proves the signature passed.
    expect((await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { method: 'POST', headers: unsigned, body }))).status).toBe(404);
    const lying = await signRequest(
      { method: 'POST', host: TEST_HOST, path, query: {}, headers: { 'Content-Type': 'application/json', 'X-Sdk-Content-Sha256': 'a'.repeat(64) }, body },
      t.sim.credentials,
      new Date(t.clock.now()),
    );
    expect((await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { method: 'POST', headers: lying, body }))).status).toBe(401);
  });

  it('refuses another project with 403 CCE.01403001', async () => {
    const t = startTestSimulator();
    const res = await t.json<Record<string, string>>('GET', `/autopilot/v3/projects/${'f'.repeat(32)}/clusters`);
    expect(res.status).toBe(403);
    expect(res.body.errorCode).toBe('CCE.01403001');
  });

  it('answers unknown paths with 404 APIGW.0101 before authentication', async () => {
    const t = startTestSimulator();
    const err = await errorOf(await t.call('GET', '/autopilot/v3/nothing-here', { unsigned: true }));
    expect(err.status).toBe(404);
    expect(err.body.error_code).toBe('APIGW.0101');
    const wrongMethod = await errorOf(await t.call('PATCH', `${t.base}/clusters`));
    expect(wrongMethod.status).toBe(404);
  });
});

describe('IAM tokens', () => {
  const tokenBody = (password = DEFAULT_IAM_USER.password, scope: Record<string, string> = { name: 'ap-southeast-3' }) => ({
    auth: {
      identity: { methods: ['password'], password: { user: { name: DEFAULT_IAM_USER.name, password, domain: { name: DEFAULT_IAM_USER.domain } } } },
      scope: { project: scope },
    },
  });

  it('issues a project-scoped token valid for 24 hours and accepts it as X-Auth-Token', async () => {
    const t = startTestSimulator();
    const issued = await t.json<{ token: { expires_at: string; issued_at: string; project: { id: string } } }>('POST', '/v3/auth/tokens', {
      body: tokenBody(),
      unsigned: true,
    });
    expect(issued.status).toBe(201);
    const token = issued.headers.get('x-subject-token');
    expect(token).toMatch(/^MII/);
    expect(Date.parse(issued.body.token.expires_at) - t.clock.now()).toBe(24 * 60 * MINUTE);
    expect(issued.body.token.project.id).toBe(t.sim.projectId);

    const list = await t.call('GET', `${t.base}/clusters`, { unsigned: true, headers: { 'X-Auth-Token': token! } });
    expect(list.status).toBe(200);

    t.clock.advance(24 * 60 * MINUTE - 1000);
    expect((await t.call('GET', `${t.base}/clusters`, { unsigned: true, headers: { 'X-Auth-Token': token! } })).status).toBe(200);
    t.clock.advance(1000);
    const expired = await errorOf(await t.call('GET', `${t.base}/clusters`, { unsigned: true, headers: { 'X-Auth-Token': token! } }));
    expect(expired.status).toBe(401);
    expect(expired.body.error_code).toBe('APIGW.0301');
    expect(expired.body.error_msg).toMatch(/token expires/);
  });

  it('accepts the project by id as well as by name', async () => {
    const t = startTestSimulator();
    const res = await t.call('POST', '/v3/auth/tokens', { body: tokenBody(undefined, { id: t.sim.projectId }), unsigned: true });
    expect(res.status).toBe(201);
  });

  it('rejects a wrong password, a foreign project and a malformed body', async () => {
    const t = startTestSimulator();
    const wrong = await t.json<Record<string, string>>('POST', '/v3/auth/tokens', { body: tokenBody('guess'), unsigned: true });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-subject-token')).toBeNull();
    expect(wrong.body.error_msg).toBe('The username or password is wrong.');
    expect((await t.call('POST', '/v3/auth/tokens', { body: tokenBody(undefined, { id: 'f'.repeat(32) }), unsigned: true })).status).toBe(404);
    const malformed = await t.json<Record<string, string>>('POST', '/v3/auth/tokens', { body: { auth: {} }, unsigned: true });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error_code).toBe('IAM.0007');
  });

  it('rejects an unknown token', async () => {
    const t = startTestSimulator();
    const err = await errorOf(await t.call('GET', `${t.base}/clusters`, { unsigned: true, headers: { 'X-Auth-Token': 'MIIforged' } }));
    expect(err.status).toBe(401);
    expect(err.body.error_msg).toMatch(/decrypt token fail/);
  });
});
