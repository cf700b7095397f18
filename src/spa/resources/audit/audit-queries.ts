import { infiniteQueryOptions } from '@tanstack/react-query';
import { auditPageSchema, type AuditPage } from '../../../contract/console-api.ts';
import { requestJson } from '../../shared/api/api-client.ts';
import { ApiError, SPA_ERROR_CODES } from '../../shared/api/api-error.ts';

export interface AuditFilters {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
}

const AUDIT_PAGE_SIZE = 50;

async function fetchAuditPage(filters: AuditFilters, before: string | null, signal: AbortSignal): Promise<AuditPage> {
  const search = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  if (before) search.set('before', before);
  const data = await requestJson(`/api/audit?${search}`, { headers: { Accept: 'application/json' }, signal });
  const parsed = auditPageSchema.safeParse(data);
  if (!parsed.success) throw new ApiError({ status: 200, code: SPA_ERROR_CODES.badResponse, message: 'Unexpected /api/audit answer.' });
  return parsed.data;
}

export const auditQueries = {
  /** Newest first; each further page is older, fetched with the previous page's cursor. */
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: ['audit', 'list', filters] as const,
      queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
};
