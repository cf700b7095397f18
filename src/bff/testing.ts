/**
 * Test helpers for the BFF: a config without the environment and a recording spy upstream. Tests that
 * need the real simulator import it themselves (only tests and the composition root may).
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../contract/console-api.ts';
import { buildApp, type BuildAppOptions } from './app.ts';
import type { BffConfig } from './config.ts';
import { ConsoleStore } from './store/console-store.ts';
import { hashPassword } from './store/passwords.ts';
import { openEmbedded, type SqlClient } from './store/sql-client.ts';
import { fetchTransport, type Upstream } from './upstream/upstream.ts';

export const TEST_PROJECT_ID = '5f0c9e1d2b3a4c5d6e7f8091a2b3c4d5';
export const TEST_ENDPOINT = 'https://cce.ap-southeast-3.myhuaweicloud.com';
export const TEST_KEYS = { ak: 'HPUATESTACCESSKEY001', sk: 'TestSecretKeyThatMustNeverBeLogged0001' };

export function testConfig(overrides: Partial<BffConfig> = {}): BffConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    timeoutMs: 5_000,
    logLevel: 'silent',
    staticDir: '/nonexistent-static-dir',
    cloud: null,
    ignored: [],
    console: {
      dataDir: '/nonexistent-data-dir',
      databaseUrl: null,
      admin: null,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      trustProxy: false,
      rateLimitPerMinute: 0,
      publicUrl: null,
      requestTimeoutMs: 60_000,
      maxConnections: 1_000,
      maxConnectionsPerAddress: 100,
    },
    ...overrides,
  };
}

/** The accounts every test store holds, one per role. */
export const TEST_USERS = {
  admin: { username: 'root-admin', password: 'root-admin-password-1', role: 'admin' },
  operator: { username: 'ops-operator', password: 'ops-operator-password-1', role: 'operator' },
  viewer: { username: 'read-viewer', password: 'read-viewer-password-1', role: 'viewer' },
} as const satisfies Record<Role, { username: string; password: string; role: Role }>;

let sharedDatabase: Promise<SqlClient> | undefined;
let sharedStore: Promise<ConsoleStore> | undefined;
let userHashes: Promise<{ username: string; passwordHash: string; role: Role }[]> | undefined;

/** The in-memory database of this process (opening PGlite is the slow part: seconds on a busy machine). */
function testDatabase(): Promise<SqlClient> {
  sharedDatabase ??= openEmbedded(null);
  return sharedDatabase;
}

/** {@link TEST_USERS} with their password hashes, hashed once per process (scrypt is slow on purpose). */
function testUserHashes() {
  userHashes ??= Promise.all(
    Object.values(TEST_USERS).map(async (u) => ({ username: u.username, passwordHash: await hashPassword(u.password), role: u.role })),
  );
  return userHashes;
}

async function withTestUsers(store: ConsoleStore): Promise<ConsoleStore> {
  for (const user of await testUserHashes()) await store.createAccount(user);
  return store;
}

/** An in-memory console store with {@link TEST_USERS}; one per test file (vitest isolates modules per file). */
export function testStore(): Promise<ConsoleStore> {
  sharedStore ??= (async () => withTestUsers(await ConsoleStore.open(await testDatabase())))();
  return sharedStore;
}

/**
 * The database as seen from one PostgreSQL schema: every statement runs in a transaction that sets
 * `search_path` to it (PGlite runs one transaction at a time, so stores in other schemas cannot
 * interleave), and closing it leaves the shared database open.
 */
function inSchema(db: SqlClient, schema: string): SqlClient {
  const enter = (tx: Pick<SqlClient, 'query'>) => tx.query(`SET LOCAL search_path TO ${schema}`);
  return {
    engine: db.engine,
    query: <Row>(text: string, params?: readonly unknown[]) =>
      db.transaction(async (tx) => {
        await enter(tx);
        return tx.query<Row>(text, params);
      }),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        await enter(tx);
        return fn(tx);
      }),
    close: async () => {},
  };
}

/**
 * A console store of its own — accounts ({@link TEST_USERS}), sessions, audit trail, sign-in throttle —
 * in schema `schema` of the process's test database, on the clock `now`: what one store per test
 * costs without a database per test (a schema and the migrations, ~tens of ms). `drop()` removes it.
 */
export async function isolatedTestStore(schema: string, now: () => number): Promise<{ store: ConsoleStore; drop(): Promise<void> }> {
  if (!/^[a-z][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const db = await testDatabase();
  await db.query(`CREATE SCHEMA ${schema}`);
  const store = await withTestUsers(await ConsoleStore.open(inSchema(db, schema), now));
  return { store, drop: async () => void (await db.query(`DROP SCHEMA ${schema} CASCADE`)) };
}

/** Opens the test database and hashes the test accounts ahead, so the first store is quick. */
export async function prepareTestStores(): Promise<void> {
  await Promise.all([testDatabase(), testUserHashes()]);
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the real `POST /api/session` and returns what a browser would then send. */
export async function signIn(app: FastifyInstance, user: { username: string; password: string }): Promise<TestSession> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: user.password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${user.username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
}

/**
 * The app as seen by a signed-in browser: every `inject` carries the session cookie, and changes
 * carry the CSRF token, unless the test sets those headers itself.
 */
export function asSignedIn(app: FastifyInstance, session: TestSession): FastifyInstance {
  const inject = ((options: InjectOptions) => {
    const headers = { ...(options.headers ?? {}) } as Record<string, string>;
    // A browser sends every cookie it holds: the caller's own (if any) and the session's.
    headers.cookie = headers.cookie ? `${headers.cookie}; ${session.cookie}` : session.cookie;
    if (!('x-csrf-token' in headers)) headers['x-csrf-token'] = session.csrfToken;
    return app.inject({ ...options, headers });
  }) as FastifyInstance['inject'];
  return new Proxy(app, { get: (target, property, receiver) => (property === 'inject' ? inject : Reflect.get(target, property, receiver)) });
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/** An upstream that records every call and answers with `respond` (default: 200 `{}`). */
export function spyUpstream(
  respond: (call: RecordedCall, signal: AbortSignal | undefined) => Response | Promise<Response> = () => Response.json({}),
  overrides: Partial<Upstream> = {},
): { upstream: Upstream; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const upstream: Upstream = {
    mode: 'cloud',
    endpoint: TEST_ENDPOINT,
    projectId: TEST_PROJECT_ID,
    region: 'ap-southeast-3',
    credentials: { kind: 'aksk', ...TEST_KEYS },
    transport: fetchTransport(async (url, init) => {
      const call: RecordedCall = {
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body: init.body instanceof Uint8Array ? init.body : undefined,
      };
      calls.push(call);
      return respond(call, init.signal ?? undefined);
    }),
    ...overrides,
  };
  return { upstream, calls };
}

/** A writable that keeps everything written to it, for log assertions. */
export function captureStream(): { stream: Writable; text(): string; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Builds the BFF on the test store and signs in as `role`: the app as that user's browser sees it. */
export async function signedInApp(options: Omit<BuildAppOptions, 'store'>, role: Role = 'operator'): Promise<FastifyInstance> {
  const app = await buildApp({ store: await testStore(), ...options });
  return asSignedIn(app, await signIn(app, TEST_USERS[role]));
}
