import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleStore } from './console-store.ts';
import { MIGRATIONS } from './migrations.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { openEmbedded, openPostgres, type SqlClient } from './sql-client.ts';
import { startTestPostgres, type TestPostgres } from './test-postgres.ts';

const LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

let pgServer: TestPostgres;
const dataDirs: string[] = [];
beforeAll(async () => {
  pgServer = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await pgServer?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const engines: [string, () => Promise<SqlClient>][] = [
  [
    'embedded (PGlite)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'console-store-'));
      dataDirs.push(dir);
      return openEmbedded(dir);
    },
  ],
  [
    'PostgreSQL server',
    async () => {
      // A fresh database per suite keeps the engines' suites independent.
      const admin = await openPostgres(pgServer.url);
      const name = `t${Math.random().toString(36).slice(2, 10)}`;
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      return openPostgres(pgServer.url.replace(/\/postgres$/, `/${name}`));
    },
  ],
];

describe.each(engines)('console store on %s', (_name, open) => {
  let store: ConsoleStore;
  let clock = Date.parse('2026-11-25T08:00:00Z');
  beforeAll(async () => {
    store = await ConsoleStore.open(await open(), () => clock);
  }, 60_000);
  afterAll(() => store?.close());

  it('records its migrations and does not re-apply them', async () => {
    const rows = await store.db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    await ConsoleStore.open(store.db, () => clock);
    expect(await store.db.query('SELECT id FROM schema_migrations')).toHaveLength(MIGRATIONS.length);
  });

  it('creates accounts once per username and lists them without their hashes', async () => {
    expect(await store.createAccount({ username: 'alice', passwordHash: 'h1', role: 'admin' })).toBe(true);
    expect(await store.createAccount({ username: 'alice', passwordHash: 'h2', role: 'viewer' })).toBe(false);
    expect(await store.createAccount({ username: 'bob', passwordHash: 'h3', role: 'viewer' })).toBe(true);
    const accounts = await store.listAccounts();
    expect(accounts.map((a) => [a.username, a.role, a.disabled])).toEqual([
      ['alice', 'admin', false],
      ['bob', 'viewer', false],
    ]);
    expect(JSON.stringify(accounts)).not.toContain('h1');
    expect((await store.findAccount('alice'))?.passwordHash).toBe('h1');
  });

  it('keeps a session alive while used and ends it after the idle timeout', async () => {
    const { sessionId, csrfToken } = await store.createSession('bob');
    const live = await store.touchSession(sessionId, LIMITS);
    expect(live).toMatchObject({ username: 'bob', role: 'viewer', csrfToken });
    clock += LIMITS.idleMs - 1000;
    expect(await store.touchSession(sessionId, LIMITS)).toBeDefined();
    clock += LIMITS.idleMs + 1000;
    expect(await store.touchSession(sessionId, LIMITS)).toBeUndefined();
    // Gone for good, not just refused once.
    clock -= LIMITS.idleMs + 1000;
    expect(await store.touchSession(sessionId, LIMITS)).toBeUndefined();
  });

  it('ends a session at the absolute timeout however busy it is', async () => {
    const { sessionId } = await store.createSession('bob');
    const step = 20 * 60_000;
    for (let elapsed = 0; elapsed < LIMITS.absoluteMs - step; elapsed += step) {
      clock += step;
      expect(await store.touchSession(sessionId, LIMITS)).toBeDefined();
    }
    clock += 2 * step;
    expect(await store.touchSession(sessionId, LIMITS)).toBeUndefined();
  });

  it('ends every session of an account the moment it is disabled, and on password change', async () => {
    const a = await store.createSession('bob');
    const b = await store.createSession('bob');
    const other = await store.createSession('alice');
    await store.updateAccount('bob', { disabled: true });
    expect(await store.touchSession(a.sessionId, LIMITS)).toBeUndefined();
    expect(await store.touchSession(b.sessionId, LIMITS)).toBeUndefined();
    expect(await store.touchSession(other.sessionId, LIMITS)).toBeDefined();
    await store.updateAccount('bob', { disabled: false, role: 'operator' });
    const c = await store.createSession('bob');
    expect((await store.touchSession(c.sessionId, LIMITS))?.role).toBe('operator');
    await store.updateAccount('bob', { passwordHash: 'new' });
    expect(await store.touchSession(c.sessionId, LIMITS)).toBeUndefined();
    expect(await store.updateAccount('nobody', { role: 'admin' })).toBeUndefined();
  });

  it('signs out a session by id only', async () => {
    const a = await store.createSession('alice');
    const b = await store.createSession('alice');
    await store.deleteSession(a.sessionId);
    expect(await store.touchSession(a.sessionId, LIMITS)).toBeUndefined();
    expect(await store.touchSession(b.sessionId, LIMITS)).toBeDefined();
  });

  it('counts and checks sign-in attempts in one step: of 20 racing attempts only the limit passes', async () => {
    const window = 15 * 60_000;
    const counters = [
      { key: 'pair:alice|10.0.0.9', username: 'alice', windowMs: window, limit: 5 },
      { key: 'address:10.0.0.9', username: null, windowMs: window, limit: 20 },
    ];
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claimSignInAttempt(counters)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.find((r) => !r.allowed)).toMatchObject({ retryAfterMs: window });
    expect((await store.listAccounts()).find((a) => a.username === 'alice')?.signInThrottled).toBe(true);
    // Another address is not throttled by this pair; the address counter still counts it.
    expect(await store.claimSignInAttempt([{ ...counters[0]!, key: 'pair:alice|10.0.0.10' }])).toEqual({ allowed: true });
    clock += window + 1;
    expect(await store.claimSignInAttempt(counters)).toEqual({ allowed: true });
    expect((await store.listAccounts()).find((a) => a.username === 'alice')?.signInThrottled).toBe(false);
    for (let i = 0; i < 5; i++) await store.claimSignInAttempt(counters);
    expect(await store.clearSignInThrottle('alice')).toBe(true);
    expect(await store.claimSignInAttempt(counters)).toEqual({ allowed: true });
    await store.settleSignInAttempt(['pair:alice|10.0.0.9'], ['address:10.0.0.9']);
    expect(await store.clearSignInThrottle('alice')).toBe(false);
  });

  it('appends audit entries and pages them newest first with filters', async () => {
    for (let i = 0; i < 7; i++) {
      clock += 1000;
      await store.appendAudit({
        actor: i % 2 ? 'alice' : 'bob',
        actorRole: i % 2 ? 'admin' : 'operator',
        action: i < 5 ? 'DeleteAutopilotCluster' : 'console.signIn',
        targetKind: i < 5 ? 'cluster' : null,
        targetId: i < 5 ? `cluster-${i}` : null,
        summary: { index: i },
        outcome: i === 3 ? 'failure' : 'success',
        status: i === 3 ? 409 : 200,
        errorCode: i === 3 ? 'CCE.01400013' : null,
        requestId: `req-${i}`,
      });
    }
    const first = await store.queryAudit({ limit: 3 });
    expect(first.entries.map((e) => e.summary.index)).toEqual([6, 5, 4]);
    expect(first.nextCursor).not.toBeNull();
    const second = await store.queryAudit({ limit: 3, before: first.nextCursor! });
    expect(second.entries.map((e) => e.summary.index)).toEqual([3, 2, 1]);
    const last = await store.queryAudit({ limit: 3, before: second.nextCursor! });
    expect(last.entries.map((e) => e.summary.index)).toEqual([0]);
    expect(last.nextCursor).toBeNull();

    expect((await store.queryAudit({ limit: 50, actor: 'alice' })).entries.map((e) => e.summary.index)).toEqual([5, 3, 1]);
    expect((await store.queryAudit({ limit: 50, outcome: 'failure' })).entries[0]).toMatchObject({
      errorCode: 'CCE.01400013',
      status: 409,
      targetId: 'cluster-3',
    });
    expect((await store.queryAudit({ limit: 50, action: 'console.signIn' })).entries).toHaveLength(2);
    expect((await store.queryAudit({ limit: 50, target: 'cluster-2' })).entries).toHaveLength(1);
    const to = new Date(clock - 3500);
    expect((await store.queryAudit({ limit: 50, to })).entries.map((e) => e.summary.index)).toEqual([2, 1, 0]);
  });
});

describe('passwords', () => {
  it('verify only the password they were made from, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('refuse short passwords and passwords containing the username', () => {
    expect(passwordProblem('short', 'alice')).toMatch(/12 characters/);
    expect(passwordProblem('my-name-is-alice-ok', 'alice')).toMatch(/username/);
    expect(passwordProblem('a perfectly fine passphrase', 'alice')).toBeUndefined();
  });
});
