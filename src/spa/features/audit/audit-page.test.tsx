import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contract/console-api.ts';
import { envelopeResponse, installFetch, jsonResponse, operatorSession, simulatorContext } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { AuditPage } from './audit-page.tsx';

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: String(n),
    at: new Date(Date.UTC(2026, 10, 25, 8, 0, 0) - n * 60_000).toISOString(),
    actor: 'olivia',
    actorRole: 'operator',
    action: 'BatchCreateAutopilotClusterTags',
    targetKind: 'cluster',
    targetId: `cluster-${n}`,
    summary: { params: { cluster_id: `cluster-${n}` }, body: { tags: [{ key: 'team', value: '…' }] } },
    outcome: 'success',
    status: 204,
    errorCode: null,
    requestId: `req-audit-${n}`,
    upstreamRequestId: `up-${n}`,
    clientIp: '127.0.0.1',
    ...overrides,
  };
}

/** Pages of 2 entries, newest first; the cursor is the id of the last entry shown. */
function auditBff(all: AuditEntry[]) {
  const queries: URLSearchParams[] = [];
  installFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/context') return jsonResponse(simulatorContext);
    if (url.pathname === '/api/session') return jsonResponse(operatorSession);
    if (url.pathname === '/api/audit') {
      queries.push(url.searchParams);
      const before = url.searchParams.get('before');
      const actor = url.searchParams.get('actor');
      const matching = all.filter((e) => (!actor || e.actor === actor) && (!before || Number(e.id) > Number(before)));
      const page = matching.slice(0, 2);
      return jsonResponse({ items: page, nextCursor: matching.length > 2 ? page[page.length - 1]!.id : null });
    }
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${url.pathname}`, 'req-404');
  });
  return queries;
}

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

function renderAudit(path: string) {
  return renderWithProviders(
    <Routes>
      <Route
        path="/audit"
        element={
          <>
            <AuditPage />
            <LocationProbe />
          </>
        }
      />
    </Routes>,
    { path },
  );
}

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Audit trail' }))
    .getAllByRole('row')
    .slice(1);
}

describe('audit page', () => {
  it('shows who did what, with the operation title, the exact time on hover and the outcome', async () => {
    auditBff([
      entry(1),
      entry(2, { actor: 'vic', actorRole: 'viewer', action: 'DeleteAutopilotCluster', outcome: 'denied', status: 403, errorCode: 'BFF.FORBIDDEN' }),
    ]);
    const { user } = renderAudit('/audit');
    await screen.findByRole('table', { name: 'Audit trail' });
    const [first, second] = bodyRows();
    expect(within(first!).getByText('BatchCreateAutopilotClusterTags')).toBeInTheDocument();
    expect(within(first!).getByText('olivia')).toBeInTheDocument();
    expect(within(first!).getByText('Operator')).toBeInTheDocument();
    expect(within(first!).getByText('cluster-1')).toBeInTheDocument();
    expect(within(first!).getByText('Succeeded')).toBeInTheDocument();
    expect(within(first!).getByRole('time')).toHaveAttribute('title', '2026-11-25T07:59:00.000Z');
    expect(within(first!).getByRole('button', { name: 'Copy request ID' })).toBeInTheDocument();

    expect(within(second!).getByText('Deleting a Cluster')).toBeInTheDocument();
    expect(within(second!).getByText('Refused')).toBeInTheDocument();
    expect(within(second!).getByText('403 · BFF.FORBIDDEN')).toBeInTheDocument();

    // The request summary opens on demand.
    expect(screen.queryByText(/"cluster_id": "cluster-1"/)).not.toBeInTheDocument();
    await user.click(within(first!).getByRole('button', { name: 'Details' }));
    expect(await screen.findByText(/"cluster_id": "cluster-1"/)).toBeInTheDocument();
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const queries = auditBff([entry(1), entry(2, { actor: 'bob' })]);
    renderAudit('/audit?actor=bob&outcome=failure&from=2026-11-25T08:00&to=bogus');
    await screen.findByRole('table', { name: 'Audit trail' });
    expect(screen.getByRole('textbox', { name: 'User' })).toHaveValue('bob');
    const sent = Object.fromEntries(queries[0]!);
    expect(sent).toEqual({ limit: '50', actor: 'bob', outcome: 'failure', from: new Date('2026-11-25T08:00').toISOString() });
    expect(bodyRows()).toHaveLength(1);
  });

  it('puts applied filters into the URL, and clears them', async () => {
    const queries = auditBff([entry(1), entry(2, { actor: 'bob' }), entry(3)]);
    const { user } = renderAudit('/audit');
    await screen.findByRole('table', { name: 'Audit trail' });
    await user.type(screen.getByRole('textbox', { name: 'User' }), 'bob');
    await user.type(screen.getByRole('textbox', { name: 'Target ID' }), 'cluster-2');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/audit?actor=bob&target=cluster-2'));
    await waitFor(() => expect(queries.at(-1)?.get('target')).toBe('cluster-2'));
    expect(queries.at(-1)?.get('actor')).toBe('bob');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(/^\/audit$/));
    expect(screen.getByRole('textbox', { name: 'User' })).toHaveValue('');
  });

  it('loads older entries with the cursor and appends them, until there are none', async () => {
    const queries = auditBff([entry(1), entry(2), entry(3), entry(4), entry(5)]);
    const { user } = renderAudit('/audit');
    await screen.findByRole('table', { name: 'Audit trail' });
    expect(bodyRows().map((r) => within(r).getAllByRole('cell')[3]!.textContent)).toEqual(['clustercluster-1', 'clustercluster-2']);

    await user.click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(queries.at(-1)?.get('before')).toBe('2');
    await user.click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(5));
    expect(queries.at(-1)?.get('before')).toBe('4');
    expect(screen.queryByRole('button', { name: 'Load older entries' })).not.toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    auditBff([]);
    renderAudit('/audit?actor=nobody');
    expect(await screen.findByText('No entries match these filters.')).toBeInTheDocument();
  });
});
