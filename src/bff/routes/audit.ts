import type { FastifyInstance } from 'fastify';
import { auditQuerySchema, type AuditPage } from '../../contract/console-api.ts';
import { toFieldErrors } from '../../contract/errors.ts';
import { requireCapability } from '../auth/route-access.ts';
import { badRequest } from '../errors.ts';
import type { ConsoleStore } from '../store/console-store.ts';

/** `GET /api/audit`: the trail, newest first, filtered and paged (`before` = the previous page's `nextCursor`). */
export async function auditRoutes(app: FastifyInstance, options: { store: ConsoleStore }): Promise<void> {
  app.get('/api/audit', { config: { access: { capability: 'read' } } }, async (request, reply) => {
    requireCapability(request, 'read');
    const parsed = auditQuerySchema.safeParse(request.query);
    if (!parsed.success) throw badRequest('The audit filter is invalid.', toFieldErrors('query', parsed.error));
    const q = parsed.data;
    const page = await options.store.queryAudit({
      limit: q.limit,
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.target ? { target: q.target } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
      ...(q.before ? { before: q.before } : {}),
    });
    reply.header('cache-control', 'no-store');
    const body: AuditPage = { items: page.entries, nextCursor: page.nextCursor };
    return body;
  });
}
