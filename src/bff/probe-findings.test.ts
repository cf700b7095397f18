/**
 * Issue 8's other findings, each as an attacker met it: racing sign-in guesses, locking the owner
 * out, demo accounts outside simulator mode, stalled bodies and piles of connections, CCE bodies with
 * smuggled keys, refused changes without an audit entry, DNS rebinding, a disabled account telling
 * itself apart, errors before the hooks without headers, and typed usernames in the trail.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { auditPageSchema, type AuditEntry } from '../contract/console-api.ts';
import { buildApp } from './app.ts';
import { bootstrapAccounts, DEMO_ACCOUNTS } from './auth/bootstrap.ts';
import type { BffConfig } from './config.ts';
import { MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS } from './routes/session.ts';
import { ConsoleStore } from './store/console-store.ts';
import { hashPassword } from './store/passwords.ts';
import { openEmbedded } from './store/sql-client.ts';
import { asSignedIn, signIn, spyUpstream, testConfig, testStore, TEST_PROJECT_ID, TEST_USERS } from './testing.ts';

const BASE = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}`;
const CLUSTER = '6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function withConsole(overrides: Partial<BffConfig['console']>): BffConfig {
  const config = testConfig();
  return { ...config, console: { ...config.console, ...overrides } };
}

async function bff(config: BffConfig = testConfig(), store?: ConsoleStore) {
  const { upstream, calls } = spyUpstream();
  const app = await buildApp({ config, upstream, store: store ?? (await testStore()) });
  apps.push(app);
  return { app, calls };
}

async function listening(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

async function trail(app: FastifyInstance, query: string): Promise<AuditEntry[]> {
  const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
  return auditPageSchema.parse((await admin.inject({ method: 'GET', url: `/api/audit${query}` })).json()).items;
}

/** Writes raw bytes on a fresh connection and resolves with everything the server sent until it closed. */
function raw(port: number, bytes: string, onOpen?: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      onOpen?.(socket);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // A refused connection may be reset mid-write: what counts is what came back before the close.
    socket.on('error', () => undefined);
  });
}

function expectEnvelopeWithHeaders(response: string, status: number, code: string) {
  const [head, body] = response.split('\r\n\r\n', 2) as [string, string];
  expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
  expect(head.toLowerCase()).toContain("content-security-policy: default-src 'self'");
  expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
  expect(head.toLowerCase()).toContain('x-frame-options: deny');
  expect(JSON.parse(body)).toMatchObject({ error: { status, code } });
}

describe('sign-in throttle', () => {
  it('checks at most 5 of 20 concurrent guesses from one address, and the owner signs in from another address', async () => {
    const { app } = await bff();
    const user = TEST_USERS.viewer;
    const guess = () =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: 'guess-guess-guess' }, remoteAddress: '10.66.0.1' });
    const answers = await Promise.all(Array.from({ length: 20 }, guess));
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(20 - MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS);
    const owner = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: user.password },
      remoteAddress: '10.66.0.2',
    });
    expect(owner.statusCode).toBe(200);
    await (await testStore()).clearSignInThrottle(user.username);
  });

  it('lets an admin see and lift the throttle (unlock, or a password reset), audited', async () => {
    const { app } = await bff();
    const store = await testStore();
    await store.createAccount({ username: 'locked-out', passwordHash: await hashPassword('locked-out-password-1'), role: 'viewer' });
    const guess = () =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username: 'locked-out', password: 'nope-nope-nope' }, remoteAddress: '10.66.0.3' });
    for (let i = 0; i <= MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS; i++) await guess();
    expect((await guess()).statusCode).toBe(429);
    const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
    const listed = (await admin.inject({ method: 'GET', url: '/api/accounts' })).json() as { items: { username: string; signInThrottled?: boolean }[] };
    expect(listed.items.find((a) => a.username === 'locked-out')?.signInThrottled).toBe(true);
    const viewer = asSignedIn(app, await signIn(app, TEST_USERS.viewer));
    expect((await viewer.inject({ method: 'POST', url: '/api/accounts/locked-out/unlock' })).statusCode).toBe(403);
    const unlocked = await admin.inject({ method: 'POST', url: '/api/accounts/locked-out/unlock' });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ username: 'locked-out', signInThrottled: false });
    expect((await guess()).statusCode).toBe(401);
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS; i++) await guess();
    expect((await guess()).statusCode).toBe(429);
    expect((await admin.inject({ method: 'PATCH', url: '/api/accounts/locked-out', payload: { password: 'a-brand-new-password-2' } })).statusCode).toBe(200);
    expect((await guess()).statusCode).toBe(401);
    expect((await trail(app, '?action=console.unlockSignIn'))[0]).toMatchObject({
      actor: TEST_USERS.admin.username,
      targetId: 'locked-out',
      outcome: 'success',
    });
  });

  it('answers a disabled account exactly like a wrong password', async () => {
    const { app } = await bff();
    const store = await testStore();
    await store.createAccount({ username: 'gone-away', passwordHash: await hashPassword('gone-away-password-1'), role: 'viewer' });
    await store.updateAccount('gone-away', { disabled: true });
    const right = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'gone-away', password: 'gone-away-password-1' },
      remoteAddress: '10.66.0.4',
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'gone-away', password: 'not-the-password' },
      remoteAddress: '10.66.0.4',
    });
    expect(right.statusCode).toBe(wrong.statusCode);
    const strip = (body: string) => ({ ...(JSON.parse(body) as { error: object }).error, requestId: '' });
    expect(strip(right.body)).toEqual(strip(wrong.body));
  });

  it('records failed sign-ins on unknown usernames without the text typed', async () => {
    const { app } = await bff();
    const typed = 'my-secret-password-typed-in-the-wrong-field';
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: typed, password: 'x' }, remoteAddress: '10.66.0.5' });
    const entries = await trail(app, '?action=console.signIn&outcome=failure');
    expect(JSON.stringify(entries)).not.toContain(typed);
    expect(entries[0]).toMatchObject({ actor: null, targetId: null, summary: { unknownUsername: true } });
    const rows = await (await testStore()).db.query<{ key: string }>('SELECT key FROM sign_in_throttle');
    expect(JSON.stringify(rows)).not.toContain(typed);
  });
});

describe('demo accounts', () => {
  it('are disabled, with their sessions ended, when the console starts in cloud mode or with a configured admin', async () => {
    for (const start of [
      { mode: 'cloud' as const, admin: { username: 'site-admin', password: 'site-admin-password-1' } },
      { mode: 'simulator' as const, admin: { username: 'site-admin', password: 'site-admin-password-1' } },
    ]) {
      const store = await ConsoleStore.open(await openEmbedded(null));
      const settings = testConfig().console;
      expect((await bootstrapAccounts(store, settings, 'simulator')).shown).toHaveLength(DEMO_ACCOUNTS.length);
      const session = await store.createSession('admin');
      const result = await bootstrapAccounts(store, { ...settings, admin: start.admin }, start.mode);
      expect(result.disabled.sort()).toEqual(DEMO_ACCOUNTS.map((d) => d.username).sort());
      expect(await store.touchSession(session.sessionId, { idleMs: 60_000, absoluteMs: 60_000 })).toBeUndefined();
      const { app } = await bff(testConfig(), store);
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'demo-admin-password' } });
      expect(res.statusCode).toBe(401);
      await app.close();
      await store.close();
    }
  }, 120_000);
});

describe('connections and stalled bodies', () => {
  it('answers a body that stalls with 408 in the envelope and closes the connection', async () => {
    const { app } = await bff(withConsole({ requestTimeoutMs: 300 }));
    const port = await listening(app);
    const response = await raw(
      port,
      `POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user`,
    );
    expectEnvelopeWithHeaders(response, 408, 'BFF.REQUEST_TIMEOUT');
  });

  it('caps connections per address', async () => {
    const { app } = await bff(withConsole({ maxConnectionsPerAddress: 3 }));
    const port = await listening(app);
    const held: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      held.push(
        await new Promise<Socket>((resolve) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
        }),
      );
    }
    // The fourth is closed without an answer; the three held ones still work.
    expect(await raw(port, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toBe('');
    const first = held[0]!;
    const reply = new Promise<string>((resolve) => first.once('data', (c: Buffer) => resolve(c.toString('utf8'))));
    first.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(await reply).toMatch(/^HTTP\/1.1 200 /);
    for (const s of held) s.destroy();
  });
});

describe('errors before the hooks', () => {
  it('answers conflicting Content-Length and Transfer-Encoding, and a malformed request line, in the envelope with the security headers', async () => {
    const { app } = await bff();
    const port = await listening(app);
    const smuggled = await raw(port, `POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`);
    expectEnvelopeWithHeaders(smuggled, 400, 'BFF.BAD_REQUEST');
    const garbage = await raw(port, `GET /api/health HTTP/1.1 extra\r\n\r\n`);
    expectEnvelopeWithHeaders(garbage, 400, 'BFF.BAD_REQUEST');
  });

  it('answers a URL the framework cannot decode in the envelope with the security headers', async () => {
    const { app } = await bff();
    const res = await app.inject({ method: 'GET', url: '/api/cce/%zz' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json()).toMatchObject({ error: { status: 400, code: 'BFF.BAD_REQUEST' } });
  });
});

describe('Host and Origin (DNS rebinding)', () => {
  it('refuses a Host that is not configured, for reads and sign-in alike', async () => {
    const { app } = await bff();
    for (const host of ['rebind.evil.example', 'rebind.evil.example:8080']) {
      const read = await app.inject({ method: 'GET', url: '/api/health', headers: { host } });
      expect(read.statusCode).toBe(421);
      expect(read.json()).toMatchObject({ error: { code: 'BFF.HOST_NOT_ALLOWED' } });
      const signInAttempt = await app.inject({ method: 'POST', url: '/api/session', headers: { host, origin: `http://${host}` }, payload: TEST_USERS.viewer });
      expect(signInAttempt.statusCode).toBe(421);
    }
    expect((await app.inject({ method: 'GET', url: '/api/health', headers: { host: '127.0.0.1:8080' } })).statusCode).toBe(200);
  });

  it('accepts the configured public host and its Origin', async () => {
    const { app } = await bff(withConsole({ publicUrl: 'https://console.example.com' }));
    const headers = { host: 'console.example.com', origin: 'https://console.example.com' };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/session',
          headers,
          payload: { username: TEST_USERS.viewer.username, password: TEST_USERS.viewer.password },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'POST', url: '/api/session', headers: { ...headers, origin: 'https://evil.example' }, payload: TEST_USERS.viewer }))
        .statusCode,
    ).toBe(403);
  });
});

describe('CCE request bodies', () => {
  it('refuses case-variant, prototype and unknown keys with a 400 naming them, sending nothing upstream', async () => {
    const { app, calls } = await bff();
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    const url = `${BASE}/clusters/${CLUSTER}/tags/create`;
    const send = (payload: string) => operator.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
    const caseVariant = await send('{"tags":[{"key":"team","value":"a"}],"Tags":[{"key":"_sys_x","value":"b"}]}');
    expect(caseVariant.statusCode).toBe(400);
    expect(JSON.stringify(caseVariant.json())).toContain('body.Tags');
    const proto = await send('{"tags":[{"key":"team","value":"a","__proto__":{"admin":true}}]}');
    expect(proto.statusCode).toBe(400);
    expect(JSON.stringify(proto.json())).toContain('__proto__');
    const unknown = await send('{"tags":[{"key":"team","value":"a"}],"force":true}');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('force');
    expect(calls).toHaveLength(0);
  });

  it('forwards the validated body re-serialised, signed over the bytes sent', async () => {
    const { app, calls } = await bff();
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    const res = await operator.inject({
      method: 'POST',
      url: `${BASE}/clusters/${CLUSTER}/tags/create`,
      headers: { 'content-type': 'application/json' },
      payload: '{ "tags" : [ {"key":"team",   "value":"a"} ] }',
    });
    expect(res.statusCode).toBe(200);
    expect(new TextDecoder().decode(calls[0]!.body)).toBe('{"tags":[{"key":"team","value":"a"}]}');
  });
});

describe('refused changes of a signed-in user are audited', () => {
  it('records CSRF, cross-site, media type, bad request, 405, 413, foreign project and self-lockout refusals', async () => {
    const { app, calls } = await bff();
    const operator = asSignedIn(app, await signIn(app, TEST_USERS.operator));
    const admin = asSignedIn(app, await signIn(app, TEST_USERS.admin));
    const refusals: [FastifyInstance, InjectOptions, string][] = [
      [operator, { method: 'DELETE', url: `${BASE}/clusters/${CLUSTER}`, headers: { 'x-csrf-token': 'forged' } }, 'BFF.CSRF'],
      [operator, { method: 'DELETE', url: `${BASE}/clusters/${CLUSTER}`, headers: { origin: 'https://evil.example' } }, 'BFF.CROSS_SITE_REQUEST'],
      [
        operator,
        { method: 'POST', url: `${BASE}/clusters/${CLUSTER}/tags/create`, headers: { 'content-type': 'text/xml' }, payload: '<x/>' },
        'BFF.UNSUPPORTED_MEDIA_TYPE',
      ],
      [operator, { method: 'POST', url: `${BASE}/clusters/${CLUSTER}/tags/create`, payload: { tags: 'nope' } }, 'BFF.BAD_REQUEST'],
      [operator, { method: 'PATCH', url: `${BASE}/clusters` }, 'BFF.METHOD_NOT_ALLOWED'],
      [
        operator,
        {
          method: 'POST',
          url: `${BASE}/clusters/${CLUSTER}/tags/create`,
          headers: { 'content-type': 'application/json' },
          payload: `{"tags":"${'x'.repeat(1024 * 1024 + 10)}"}`,
        },
        'BFF.PAYLOAD_TOO_LARGE',
      ],
      [operator, { method: 'DELETE', url: `/api/cce/autopilot/v3/projects/${'f'.repeat(32)}/clusters/${CLUSTER}` }, 'BFF.FOREIGN_PROJECT'],
      [admin, { method: 'PATCH', url: `/api/accounts/${TEST_USERS.admin.username}`, payload: { disabled: true } }, 'BFF.SELF_LOCKOUT'],
    ];
    for (const [as, request, code] of refusals) {
      const res = await as.inject(request);
      expect(res.json(), code).toMatchObject({ error: { code } });
      const entry = (await trail(app, '?limit=5')).find((e) => e.requestId === res.headers['x-request-id']);
      expect(entry, code).toMatchObject({ actor: as === admin ? TEST_USERS.admin.username : TEST_USERS.operator.username, errorCode: code });
      expect(['denied', 'failure'], code).toContain(entry?.outcome);
    }
    expect(calls).toHaveLength(0);
  });
});
