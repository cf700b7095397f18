import type { FastifyRequest } from 'fastify';
import type { AuditEntryInput, ConsoleStore } from '../store/console-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once this request has its audit entry (so the error handler does not record a refusal twice). */
    audited: boolean;
  }
}

/**
 * Appends an audit entry for this request: who (the session's user and role, unless the entry names
 * an actor itself, as a sign-in does), from where, and the BFF's request id. Awaited before the reply
 * goes out, so an acknowledged change always has its entry on disk.
 */
export function recordAudit(
  store: ConsoleStore,
  request: FastifyRequest,
  entry: Omit<AuditEntryInput, 'actor' | 'actorRole'> & Partial<Pick<AuditEntryInput, 'actor' | 'actorRole'>>,
) {
  request.audited = true;
  return store.appendAudit({
    actor: request.session?.username ?? null,
    actorRole: request.session?.role ?? null,
    requestId: request.id,
    clientIp: request.ip,
    ...entry,
  });
}
