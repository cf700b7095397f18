import type { ConsoleStore, SessionRecord } from '../store/console-store.ts';

/**
 * Every /api request looks its session up; with the embedded store that is a synchronous WASM query
 * on the event loop (~0.2 ms), a fifth of what forwarding a CCE call costs. Lookups are cached for
 * {@link SESSION_CACHE_MS}: this replica drops an entry the moment it signs a session out or changes
 * its account, and other replicas (PostgreSQL deployments) see the change within that second.
 */
export const SESSION_CACHE_MS = 1000;

export class SessionCache {
  private readonly entries = new Map<string, { record: SessionRecord; until: number }>();

  constructor(
    private readonly store: ConsoleStore,
    private readonly limits: { idleMs: number; absoluteMs: number },
    private readonly now: () => number,
  ) {}

  async get(sessionId: string): Promise<SessionRecord | undefined> {
    const t = this.now();
    const hit = this.entries.get(sessionId);
    if (hit && hit.until > t) return hit.record;
    const record = await this.store.touchSession(sessionId, this.limits);
    if (record) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(sessionId, { record, until: t + SESSION_CACHE_MS });
    } else {
      this.entries.delete(sessionId);
    }
    return record;
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  forgetUser(username: string): void {
    for (const [id, entry] of this.entries) if (entry.record.username === username) this.entries.delete(id);
  }
}
