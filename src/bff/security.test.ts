/**
 * Issue 4's guarantees at the BFF: no data without a session, no change without the session's CSRF
 * token, no change beyond the role, throttled sign-in, and an audit entry for every change — written
 * before the answer goes back, and still there after the process is killed and restarted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { accountSchema, auditPageSchema, sessionSchema, type AuditEntry } from '../contract/console-api.ts';
import { SIMULATOR_PROJECT_ID } from '../simulator/config.ts';
import { validCreateBody } from '../simulator/test-support.ts';
import { buildApp } from './app.ts';
import { MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS } from './routes/session.ts';
import { asSignedIn, signIn, spyUpstream, testConfig, testStore, TEST_PROJECT_ID, TEST_USERS } from './testing.ts';

const BASE = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}`;
const CLUSTER = '6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function bff(respond?: Parameters<typeof spyUpstream>[0]) {
  const { upstream, calls } = spyUpstream(respond);
  const app = await buildApp({ config: testConfig(), upstream, store: await testStore() });
  apps.push(app);
  return { app, calls };
}

async function auditEntries(app: FastifyInstance, query = ''): Promise<AuditEntry[]> {
  const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
  const res = await admin.inject({ method: 'GET', url: `/api/audit${query}` });
  expect(res.statusCode).toBe(200);
  return auditPageSchema.parse(res.json()).items;
}

describe('authentication', () => {
  it('answers 401 on every data route without a session, and reaches nothing upstream', async () => {
    const { app, calls } = await bff();
    for (const [method, url] of [
      ['GET', `${BASE}/clusters`],
      ['DELETE', `${BASE}/clusters/${CLUSTER}`],
      ['GET', '/api/audit'],
      ['GET', '/api/accounts'],
      ['GET', '/api/session'],
      ['GET', '/api/no-such-route'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'BFF.UNAUTHENTICATED' } });
    }
    expect(calls).toHaveLength(0);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('signs in with an HttpOnly SameSite=Strict cookie, reads the session, and signs out for real', async () => {
    const { app } = await bff();
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: TEST_USERS.viewer.username, password: TEST_USERS.viewer.password },
    });
    expect(res.statusCode).toBe(200);
    const session = sessionSchema.parse(res.json());
    expect(session).toMatchObject({ user: TEST_USERS.viewer.username, role: 'viewer' });
    const cookie = res.cookies[0]!;
    expect(cookie).toMatchObject({ name: 'cce_console_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    const headers = { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': session.csrfToken };
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).json()).toEqual(session);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers })).statusCode).toBe(204);
    // The old cookie is worthless now, even if a browser (or an attacker) kept it.
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401);
  });

  it('takes JSON only where JSON is expected', async () => {
    const { app } = await bff();
    const res = await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'text/plain' }, payload: 'username=a&password=b' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: { code: 'BFF.UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('uses the __Host- cookie with Secure over TLS (behind a trusted proxy)', async () => {
    const { upstream } = spyUpstream();
    const config = testConfig();
    const app = await buildApp({ config: { ...config, console: { ...config.console, trustProxy: true } }, upstream, store: await testStore() });
    apps.push(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: TEST_USERS.viewer.username, password: TEST_USERS.viewer.password },
    });
    expect(res.cookies[0]).toMatchObject({ name: '__Host-cce_console_session', secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('throttles sign-in per account: after 5 failures even the right password waits', async () => {
    const { app } = await bff();
    const user = TEST_USERS.operator;
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password }, remoteAddress: '10.9.8.7' });
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS; i++) expect((await attempt('wrong password')).statusCode).toBe(401);
    const locked = await attempt(user.password);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(890);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(locked.json()).toMatchObject({ error: { code: 'BFF.TOO_MANY_ATTEMPTS' } });
    const trail = await auditEntries(app, `?actor=${user.username}&action=console.signIn`);
    expect(trail.slice(0, 2).map((e) => e.outcome)).toEqual(['denied', 'failure']);
    await (await testStore()).clearSignInThrottle(user.username);
  });

  it('ends every session of an account the moment an admin disables it', async () => {
    const { app } = await bff();
    const store = await testStore();
    await store.createAccount({ username: 'short-lived', passwordHash: (await store.findAccount(TEST_USERS.viewer.username))!.passwordHash, role: 'viewer' });
    const victim = asSignedIn(app, await signIn(app, { username: 'short-lived', password: TEST_USERS.viewer.password }));
    expect((await victim.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
    const disabled = await admin.inject({ method: 'PATCH', url: '/api/accounts/short-lived', payload: { disabled: true } });
    expect(accountSchema.parse(disabled.json())).toMatchObject({ disabled: true });
    expect((await victim.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });
});

describe('CSRF and cross-site requests', () => {
  it("refuses a change without the session's CSRF token, or with another one", async () => {
    const { app, calls } = await bff();
    const session = await signIn(app, TEST_USERS.operator);
    for (const token of [undefined, 'forged-token', (await signIn(app, TEST_USERS.operator)).csrfToken]) {
      const res = await app.inject({
        method: 'DELETE',
        url: `${BASE}/clusters/${CLUSTER}`,
        headers: { cookie: session.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'BFF.CSRF' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses a cross-site POST even with a valid session and token', async () => {
    const { app, calls } = await bff();
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    const res = await operator.inject({
      method: 'POST',
      url: `${BASE}/clusters/${CLUSTER}/tags/create`,
      headers: { origin: 'https://evil.example' },
      payload: { tags: [{ key: 'a', value: 'b' }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'BFF.CROSS_SITE_REQUEST' } });
    expect(calls).toHaveLength(0);
  });
});

describe('roles', () => {
  it('lets a viewer read but answers 403 to its changes, sends nothing upstream, and records the attempt', async () => {
    const { app, calls } = await bff(() => Response.json({ kind: 'Cluster', apiVersion: 'v3', items: [] }));
    const viewer = asSignedIn(app, await signIn(app, TEST_USERS.viewer));
    expect((await viewer.inject({ method: 'GET', url: `${BASE}/clusters` })).statusCode).toBe(200);
    const res = await viewer.inject({ method: 'DELETE', url: `${BASE}/clusters/${CLUSTER}` });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'BFF.FORBIDDEN', message: 'Your role (viewer) can view but not change resources.' } });
    expect(calls).toHaveLength(1);
    const [entry] = await auditEntries(app, `?actor=${TEST_USERS.viewer.username}&outcome=denied`);
    expect(entry).toMatchObject({ action: 'DeleteAutopilotCluster', outcome: 'denied', status: 403, actorRole: 'viewer' });
  });

  it('keeps the accounts API to admins, and stops an admin locking themself out', async () => {
    const { app } = await bff();
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    expect((await operator.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(403);
    const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
    const list = await admin.inject({ method: 'GET', url: '/api/accounts' });
    expect(JSON.stringify(list.json())).not.toContain('scrypt');
    const self = await admin.inject({ method: 'PATCH', url: `/api/accounts/${TEST_USERS.admin.username}`, payload: { role: 'viewer' } });
    expect(self.json()).toMatchObject({ error: { code: 'BFF.SELF_LOCKOUT' } });
    const weak = await admin.inject({ method: 'POST', url: '/api/accounts', payload: { username: 'new-operator', password: 'short', role: 'operator' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: { fields: [{ path: 'body.password' }] } });
    const created = await admin.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { username: 'new-operator', password: 'new operator passphrase', role: 'operator' },
    });
    expect(created.statusCode).toBe(201);
    const again = await admin.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { username: 'new-operator', password: 'new operator passphrase', role: 'viewer' },
    });
    expect(again.statusCode).toBe(409);
    const newcomer = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'new-operator', password: 'new operator passphrase' } });
    expect(sessionSchema.parse(newcomer.json()).role).toBe('operator');
  });
});

describe('audit trail', () => {
  it('records each kind of change with who, what, target, outcome and upstream request id — without secrets', async () => {
    const { app } = await bff((call) => {
      if (call.url.endsWith('/tags/create')) return new Response(null, { status: 204 });
      if (call.method === 'DELETE')
        return Response.json({ error_code: 'CCE.01400013', error_msg: 'cluster is busy' }, { status: 409, headers: { 'x-request-id': 'upstream-req-42' } });
      // The cluster as the cloud shows it: where a change's request and answer do not name it, the entry looks it up.
      if (call.method === 'GET') return Response.json({ kind: 'Cluster', apiVersion: 'v3', metadata: { uid: CLUSTER, name: 'payments-prod' } });
      return Response.json({ kind: 'Cluster', metadata: { uid: 'created-uid', name: 'audited' } }, { status: 201 });
    });
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    await operator.inject({ method: 'POST', url: `${BASE}/clusters/${CLUSTER}/tags/create`, payload: { tags: [{ key: 'team', value: 'payments' }] } });
    const failed = await operator.inject({ method: 'DELETE', url: `${BASE}/clusters/${CLUSTER}` });
    expect(failed.statusCode).toBe(409);
    const created = await operator.inject({ method: 'POST', url: `${BASE}/clusters`, payload: validCreateBody('audited') });
    expect(created.statusCode).toBe(201);
    const entries = await auditEntries(app, `?actor=${TEST_USERS.operator.username}`);
    // Newest first: the first entry of each action is this test's.
    const byAction = new Map([...entries].reverse().map((e) => [e.action, e]));
    expect(byAction.get('BatchCreateAutopilotClusterTags')).toMatchObject({
      outcome: 'success',
      status: 204,
      targetKind: 'cluster',
      targetId: CLUSTER,
      targetName: 'payments-prod',
      actorRole: 'operator',
    });
    expect(byAction.get('BatchCreateAutopilotClusterTags')!.summary).toMatchObject({ body: { tags: [{ key: 'team' }] } });
    expect(byAction.get('DeleteAutopilotCluster')).toMatchObject({
      outcome: 'failure',
      status: 409,
      errorCode: 'CCE.01400013',
      upstreamRequestId: 'upstream-req-42',
      targetId: CLUSTER,
      targetName: 'payments-prod',
    });
    expect(byAction.get('CreateAutopilotCluster')).toMatchObject({ outcome: 'success', targetId: 'created-uid', targetName: 'audited' });
    // A deleted cluster is still found by the name it had.
    expect((await auditEntries(app, '?target=payments-prod')).map((e) => e.action).sort()).toEqual([
      'BatchCreateAutopilotClusterTags',
      'DeleteAutopilotCluster',
    ]);
    expect(byAction.get('console.signIn')).toMatchObject({ outcome: 'success' });
    expect(JSON.stringify(entries)).not.toContain(TEST_USERS.operator.password);
  });

  it('filters by outcome and pages newest first', async () => {
    const { app } = await bff();
    const first = await auditEntries(app, '?limit=2');
    expect(first).toHaveLength(2);
    expect(Number(first[0]!.id)).toBeGreaterThan(Number(first[1]!.id));
    const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
    expect((await admin.inject({ method: 'GET', url: '/api/audit?outcome=maybe' })).statusCode).toBe(400);
  });
});

describe('durability', () => {
  async function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        server.close(() => resolve(port));
      });
    });
  }

  function startServer(dataDir: string, port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bff/server.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        CONSOLE_DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        STATIC_DIR: '/nonexistent',
        SIMULATOR_SPEED: '100',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('CCE Autopilot console on')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  }

  it('keeps every acknowledged change on record when the server is killed mid-run and restarted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bff-durability-'));
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const login = async () => {
      const res = await fetch(`${origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'operator', password: 'demo-operator-password' }),
      });
      const { csrfToken } = sessionSchema.parse(await res.json());
      return { cookie: res.headers.get('set-cookie')!.split(';', 1)[0]!, 'x-csrf-token': csrfToken };
    };
    let child = await startServer(dataDir, port);
    try {
      const headers = await login();
      const clusters = `${origin}/api/cce/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/clusters`;
      const list = (await (await fetch(clusters, { headers })).json()) as { items: { metadata: { uid: string } }[] };
      const target = list.items[0]!.metadata.uid;
      const acknowledged: string[] = [];
      // Tag changes answered 204 one after another; the kill lands while one more is in flight.
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${clusters}/${target}/tags/create`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ tags: [{ key: `durable-${i}`, value: 'yes' }] }),
        });
        expect(res.status).toBe(204);
        acknowledged.push(res.headers.get('x-request-id')!);
      }
      void fetch(`${clusters}/${target}/tags/create`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ tags: [{ key: 'in-flight', value: 'x' }] }),
      }).catch(() => undefined);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      child = await startServer(dataDir, port);
      const after = await login();
      const res = await fetch(`${origin}/api/audit?action=BatchCreateAutopilotClusterTags&limit=200`, { headers: after });
      const recorded = new Set(auditPageSchema.parse(await res.json()).items.map((e) => e.requestId));
      expect(acknowledged.filter((id) => !recorded.has(id))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
