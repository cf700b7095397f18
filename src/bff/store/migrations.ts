import type { SqlClient } from './sql-client.ts';

/**
 * Schema migrations, applied in order on start-up and recorded in `schema_migrations`. Append only:
 * a released migration is never edited, so every replica and every data directory converge.
 */
export const MIGRATIONS: readonly { id: number; name: string; statements: readonly string[] }[] = [
  {
    id: 1,
    name: 'accounts, sessions, audit trail, sign-in throttle',
    statements: [
      `CREATE TABLE accounts (
         username text PRIMARY KEY,
         password_hash text NOT NULL,
         role text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
         disabled boolean NOT NULL DEFAULT false,
         created_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
      `CREATE TABLE sessions (
         id_hash text PRIMARY KEY,
         username text NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
         csrf_token text NOT NULL,
         created_at timestamptz NOT NULL,
         last_seen_at timestamptz NOT NULL
       )`,
      `CREATE INDEX sessions_by_username ON sessions (username)`,
      `CREATE TABLE audit_log (
         id bigserial PRIMARY KEY,
         at timestamptz NOT NULL,
         actor text,
         actor_role text,
         action text NOT NULL,
         target_kind text,
         target_id text,
         summary jsonb NOT NULL DEFAULT '{}'::jsonb,
         outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
         status integer,
         error_code text,
         request_id text,
         upstream_request_id text,
         client_ip text
       )`,
      `CREATE INDEX audit_by_actor ON audit_log (actor, id DESC)`,
      `CREATE INDEX audit_by_action ON audit_log (action, id DESC)`,
      `CREATE INDEX audit_by_target ON audit_log (target_id, id DESC)`,
      `CREATE TABLE sign_in_failures (
         key text PRIMARY KEY,
         failures integer NOT NULL,
         window_started_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    id: 2,
    name: 'sign-in throttle: attempts counted atomically per key, with the account they concern',
    statements: [
      `DROP TABLE IF EXISTS sign_in_failures`,
      `CREATE TABLE sign_in_throttle (
         key text PRIMARY KEY,
         username text,
         attempts integer NOT NULL,
         max_attempts integer NOT NULL,
         window_started_at timestamptz NOT NULL,
         expires_at timestamptz NOT NULL
       )`,
      `CREATE INDEX sign_in_throttle_by_username ON sign_in_throttle (username)`,
    ],
  },
  {
    id: 3,
    name: "audit trail: the target's name at the time of the action",
    statements: [`ALTER TABLE audit_log ADD COLUMN target_name text`],
  },
];

/** An arbitrary constant: the advisory lock replicas take so only one of them migrates at a time. */
const MIGRATION_LOCK = 7_324_110_001;

export async function migrate(db: SqlClient): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      // One statement per query: PGlite's extended protocol takes a single statement at a time.
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    return applied;
  });
}
