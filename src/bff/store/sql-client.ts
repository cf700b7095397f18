import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The little SQL the console store needs, over two engines that speak the same dialect:
 * PGlite (PostgreSQL compiled to WASM, a data directory on disk, no server, no native build) by
 * default, and a real PostgreSQL server when `DATABASE_URL` is set so several BFF replicas share
 * accounts, sessions and the audit trail. One schema and one set of migrations serve both.
 */
export interface SqlClient {
  readonly engine: 'embedded' | 'postgres';
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `fn` in one transaction; statements issued through `tx` see and commit together. */
  transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `dataDir` null: an in-memory database (tests). */
export async function openEmbedded(dataDir: string | null): Promise<SqlClient> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  // relaxedDurability stays off: every top-level query resolves only after its writes reach the files.
  const db = dataDir === null ? await PGlite.create({ relaxedDurability: false }) : await PGlite.create(dataDir, { relaxedDurability: false });
  return {
    engine: 'embedded',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(text, [...params])).rows;
    },
    async transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>) {
      const result = await db.transaction((tx) =>
        fn({ query: async <Row>(text: string, params: readonly unknown[] = []) => (await tx.query<Row>(text, [...params])).rows }),
      );
      // PGlite does not sync the filesystem after a transaction's COMMIT (electric-sql/pglite#1065);
      // a top-level statement does, so nothing acknowledged after a transaction is left unsynced.
      await db.query('SELECT 1');
      return result;
    },
    async close() {
      await db.close();
    },
  };
}

export async function openPostgres(connectionString: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 10_000 });
  // Fail at start-up, naming the problem, rather than on the first sign-in.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await pool.query(text, [...params])).rows as Row[];
    },
    async transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, [...params])).rows as Row[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
