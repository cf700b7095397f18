import { createHash, randomBytes } from 'node:crypto';
import type { Account, AuditEntry, AuditOutcome, Role } from '../../contract/console-api.ts';
import { migrate } from './migrations.ts';
import type { SqlClient } from './sql-client.ts';

export interface SessionRecord {
  username: string;
  role: Role;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface AuditEntryInput {
  actor: string | null;
  actorRole: Role | null;
  /** An operation id of the contract (`DeleteAutopilotCluster`) or a console action (`console.signIn`). */
  action: string;
  targetKind?: string | null;
  targetId?: string | null;
  /** The target's name when the action happened (a deleted cluster is still recognised by it). */
  targetName?: string | null;
  summary?: Record<string, unknown>;
  outcome: AuditOutcome;
  status?: number | null;
  errorCode?: string | null;
  requestId?: string | null;
  upstreamRequestId?: string | null;
  clientIp?: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the previous page's `nextCursor`). */
  before?: string;
  limit: number;
}

interface AccountRow {
  username: string;
  password_hash: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
  throttled?: boolean;
}

/** One counter of the sign-in throttle: at most `limit` attempts per `windowMs` under `key`. */
export interface ThrottleCounter {
  key: string;
  /** The existing account the counter concerns (an admin's unlock clears its counters); null otherwise. */
  username: string | null;
  windowMs: number;
  limit: number;
}

interface AuditRow {
  id: string | number | bigint;
  at: Date;
  actor: string | null;
  actor_role: Role | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  target_name: string | null;
  summary: Record<string, unknown> | string;
  outcome: AuditOutcome;
  status: number | null;
  error_code: string | null;
  request_id: string | null;
  upstream_request_id: string | null;
  client_ip: string | null;
}

function toAccount(row: AccountRow): Account {
  return {
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    ...(row.throttled !== undefined ? { signInThrottled: row.throttled } : {}),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    actorRole: row.actor_role,
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    targetName: row.target_name,
    summary: typeof row.summary === 'string' ? (JSON.parse(row.summary) as Record<string, unknown>) : row.summary,
    outcome: row.outcome,
    status: row.status,
    errorCode: row.error_code,
    requestId: row.request_id,
    upstreamRequestId: row.upstream_request_id,
    clientIp: row.client_ip,
  };
}

/** Session ids are stored hashed: a copy of the database does not let anyone ride a live session. */
function sessionKey(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

/**
 * Accounts, sessions, the audit trail and the sign-in throttle, on either SQL engine. Every write is
 * one committed statement (or transaction) before the call resolves, so what the BFF acknowledges is
 * on disk — the audit trail survives a crash by construction.
 */
export class ConsoleStore {
  private constructor(
    readonly db: SqlClient,
    private readonly now: () => number,
  ) {}

  static async open(db: SqlClient, now: () => number = Date.now): Promise<ConsoleStore> {
    await migrate(db);
    return new ConsoleStore(db, now);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ── accounts ──────────────────────────────────────────────────────────────────────────────

  async countAccounts(): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>('SELECT count(*)::int AS n FROM accounts');
    return Number(row?.n ?? 0);
  }

  async listAccounts(): Promise<Account[]> {
    const rows = await this.db.query<AccountRow>(
      `SELECT a.*, EXISTS (SELECT 1 FROM sign_in_throttle t WHERE t.username = a.username AND t.attempts >= t.max_attempts AND t.expires_at > $1) AS throttled
       FROM accounts a ORDER BY a.username`,
      [new Date(this.now())],
    );
    return rows.map(toAccount);
  }

  async findAccount(username: string): Promise<(Account & { passwordHash: string }) | undefined> {
    const [row] = await this.db.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [username]);
    return row ? { ...toAccount(row), passwordHash: row.password_hash } : undefined;
  }

  /** Returns false when the username is taken. */
  async createAccount(input: { username: string; passwordHash: string; role: Role }): Promise<boolean> {
    const at = new Date(this.now());
    const rows = await this.db.query(
      `INSERT INTO accounts (username, password_hash, role, disabled, created_at, updated_at)
       VALUES ($1, $2, $3, false, $4, $4) ON CONFLICT (username) DO NOTHING RETURNING username`,
      [input.username, input.passwordHash, input.role, at],
    );
    return rows.length === 1;
  }

  /**
   * Changes role, disabled flag and/or password. Disabling an account or changing its password ends
   * its sessions in the same transaction, so no request after this call runs on an old session.
   */
  async updateAccount(username: string, changes: { role?: Role; disabled?: boolean; passwordHash?: string }): Promise<Account | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<AccountRow>(
        `UPDATE accounts SET role = COALESCE($2, role), disabled = COALESCE($3, disabled),
           password_hash = COALESCE($4, password_hash), updated_at = $5
         WHERE username = $1 RETURNING *`,
        [username, changes.role ?? null, changes.disabled ?? null, changes.passwordHash ?? null, new Date(this.now())],
      );
      if (!row) return undefined;
      if (changes.disabled === true || changes.passwordHash !== undefined) {
        await tx.query('DELETE FROM sessions WHERE username = $1', [username]);
      }
      return toAccount(row);
    });
  }

  // ── sessions ──────────────────────────────────────────────────────────────────────────────

  async createSession(username: string): Promise<{ sessionId: string; csrfToken: string }> {
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const at = new Date(this.now());
    await this.db.query('INSERT INTO sessions (id_hash, username, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [
      sessionKey(sessionId),
      username,
      csrfToken,
      at,
    ]);
    return { sessionId, csrfToken };
  }

  /**
   * The live session for an id, or undefined when it does not exist, its account is disabled, or it
   * has been idle longer than `idleMs` or alive longer than `absoluteMs` (then it is deleted).
   * `last_seen_at` is written at most once a minute: a read-mostly console should not write per request.
   */
  async touchSession(sessionId: string, limits: { idleMs: number; absoluteMs: number }): Promise<SessionRecord | undefined> {
    const key = sessionKey(sessionId);
    const [row] = await this.db.query<{ username: string; role: Role; disabled: boolean; csrf_token: string; created_at: Date; last_seen_at: Date }>(
      `SELECT s.username, a.role, a.disabled, s.csrf_token, s.created_at, s.last_seen_at
       FROM sessions s JOIN accounts a ON a.username = s.username WHERE s.id_hash = $1`,
      [key],
    );
    if (!row) return undefined;
    const now = this.now();
    const createdAt = row.created_at.getTime();
    const lastSeenAt = row.last_seen_at.getTime();
    if (row.disabled || now - lastSeenAt > limits.idleMs || now - createdAt > limits.absoluteMs) {
      await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [key]);
      return undefined;
    }
    if (now - lastSeenAt > 60_000) await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [key, new Date(now)]);
    return { username: row.username, role: row.role, csrfToken: row.csrf_token, createdAt, lastSeenAt: now };
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [sessionKey(sessionId)]);
  }

  async deleteExpiredSessions(limits: { idleMs: number; absoluteMs: number }): Promise<number> {
    const now = this.now();
    const rows = await this.db.query('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2 RETURNING id_hash', [
      new Date(now - limits.idleMs),
      new Date(now - limits.absoluteMs),
    ]);
    return rows.length;
  }

  // ── sign-in throttle ──────────────────────────────────────────────────────────────────────

  /**
   * Counts one sign-in attempt against every counter and checks them, in one statement: an upsert
   * that starts a new window where the old one has passed and returns the counts. Concurrent attempts
   * (on one replica or several sharing PostgreSQL) each see their own count, so no more than `limit`
   * of them are ever let through to the password check. Returns how long to wait when one is exceeded.
   */
  async claimSignInAttempt(counters: readonly ThrottleCounter[]): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
    const now = this.now();
    // Always in key order, so concurrent statements lock rows in the same order (no deadlock on PostgreSQL).
    const sorted = [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const params: unknown[] = [new Date(now)];
    const values = sorted.map((c) => {
      params.push(c.key, c.username, c.limit, new Date(now + c.windowMs));
      const n = params.length;
      return `($${n - 3}, $${n - 2}, 1, $${n - 1}::int, $1::timestamptz, $${n}::timestamptz)`;
    });
    const rows = await this.db.query<{ attempts: number; max_attempts: number; expires_at: Date }>(
      `INSERT INTO sign_in_throttle (key, username, attempts, max_attempts, window_started_at, expires_at) VALUES ${values.join(', ')}
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN sign_in_throttle.expires_at <= EXCLUDED.window_started_at THEN 1 ELSE sign_in_throttle.attempts + 1 END,
         window_started_at = CASE WHEN sign_in_throttle.expires_at <= EXCLUDED.window_started_at THEN EXCLUDED.window_started_at ELSE sign_in_throttle.window_started_at END,
         expires_at = CASE WHEN sign_in_throttle.expires_at <= EXCLUDED.window_started_at THEN EXCLUDED.expires_at ELSE sign_in_throttle.expires_at END,
         max_attempts = EXCLUDED.max_attempts,
         username = COALESCE(EXCLUDED.username, sign_in_throttle.username)
       RETURNING attempts, max_attempts, expires_at`,
      params,
    );
    const exceeded = rows.filter((r) => r.attempts > r.max_attempts);
    if (exceeded.length === 0) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(...exceeded.map((r) => r.expires_at.getTime() - now)) };
  }

  /** After a successful sign-in: the guesser's own counter (`clearKeys`) is cleared, the shared ones (`releaseKeys`) give the attempt back. */
  async settleSignInAttempt(clearKeys: readonly string[], releaseKeys: readonly string[]): Promise<void> {
    if (clearKeys.length > 0) await this.db.query('DELETE FROM sign_in_throttle WHERE key = ANY($1::text[])', [clearKeys]);
    if (releaseKeys.length > 0)
      await this.db.query('UPDATE sign_in_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = ANY($1::text[])', [releaseKeys]);
  }

  /** Ends every throttle counter of an account (an admin's unlock, a password reset); true when there was one. */
  async clearSignInThrottle(username: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM sign_in_throttle WHERE username = $1 RETURNING key', [username]);
    return rows.length > 0;
  }

  // ── audit trail ───────────────────────────────────────────────────────────────────────────

  async appendAudit(entry: AuditEntryInput): Promise<AuditEntry> {
    const [row] = await this.db.query<AuditRow>(
      `INSERT INTO audit_log (at, actor, actor_role, action, target_kind, target_id, target_name, summary, outcome, status, error_code, request_id, upstream_request_id, client_ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14) RETURNING *`,
      [
        new Date(this.now()),
        entry.actor,
        entry.actorRole,
        entry.action,
        entry.targetKind ?? null,
        entry.targetId ?? null,
        entry.targetName ?? null,
        JSON.stringify(entry.summary ?? {}),
        entry.outcome,
        entry.status ?? null,
        entry.errorCode ?? null,
        entry.requestId ?? null,
        entry.upstreamRequestId ?? null,
        entry.clientIp ?? null,
      ],
    );
    return toAuditEntry(row!);
  }

  /** Newest first; `nextCursor` is set when older entries remain. */
  async queryAudit(query: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replaceAll('?', `$${params.length}`));
    };
    if (query.actor) add('actor = ?', query.actor);
    if (query.action) add('action = ?', query.action);
    // A target by its id or by the name it had (a deleted cluster is found by its name).
    if (query.target) add('(target_id = ? OR target_name = ?)', query.target);
    if (query.outcome) add('outcome = ?', query.outcome);
    if (query.from) add('at >= ?', query.from);
    if (query.to) add('at <= ?', query.to);
    if (query.before) add('id < ?', query.before);
    params.push(query.limit + 1);
    const rows = await this.db.query<AuditRow>(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const entries = rows.slice(0, query.limit).map(toAuditEntry);
    return { entries, nextCursor: rows.length > query.limit ? (entries.at(-1)?.id ?? null) : null };
  }
}
