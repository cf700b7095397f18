import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClusterDetailPage } from './cluster-detail-page.tsx';
import { CLUSTER_UID, detailCluster, installDetailBff } from './cluster-detail-test-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

function renderPage(search = '') {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/clusters/:clusterId" element={<ClusterDetailPage />} />
      </Routes>
      <LocationProbe />
    </>,
    { path: `/clusters/${CLUSTER_UID}${search}` },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cluster detail page', () => {
  it('shows a header with name, alias, status and version, and opens the tab the URL names', async () => {
    installDetailBff();
    renderPage('?tab=access');
    expect(await screen.findByRole('heading', { level: 1, name: 'autopilot-test' })).toBeInTheDocument();
    expect(screen.getByText('Alias: autopilot-alias')).toBeInTheDocument();
    expect(screen.getByText('Available')).toBeInTheDocument();
    expect(screen.getByText(/v1\.28/)).toHaveTextContent('v1.28 (cce.6.0)');
    expect(screen.getByRole('tab', { name: 'Access' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('table', { name: 'API server addresses' })).toBeInTheDocument();
  });

  it('puts the chosen tab in the URL so the view can be shared', async () => {
    installDetailBff();
    const { user } = renderPage();
    await screen.findByRole('heading', { level: 1, name: 'autopilot-test' });
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('tab', { name: 'Tags' }));
    expect(screen.getByLabelText('location')).toHaveTextContent(`/clusters/${CLUSTER_UID}?tab=tags`);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    expect(screen.getByLabelText('location')).toHaveTextContent(`/clusters/${CLUSTER_UID}?tab=edit`);
    expect(screen.getByRole('textbox', { name: 'Alias' })).toHaveValue('autopilot-alias');
  });

  it('from the overview, "Edit cluster" opens the edit tab, which explains why a Creating cluster cannot be edited', async () => {
    installDetailBff(detailCluster({ phase: 'Creating', jobID: 'job-create' }));
    const { user } = renderPage();
    await screen.findByRole('heading', { level: 1, name: 'autopilot-test' });
    await user.click(screen.getByRole('link', { name: 'Edit cluster' }));
    expect(screen.getByLabelText('location')).toHaveTextContent('?tab=edit');
    const form = screen.getByRole('form', { name: 'Edit autopilot-test' });
    expect(within(form).getAllByText(/can be edited only while it is Available; it is Creating now\. The cluster is being created\./).length).toBeGreaterThan(0);
    expect(within(form).getByRole('textbox', { name: 'Alias' })).toBeDisabled();
    expect(within(form).getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('says so when the cluster does not exist', async () => {
    const bff = installDetailBff();
    bff.override(`GET /api/cce/autopilot/v3/projects/05a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0/clusters/${CLUSTER_UID}`, () =>
      new Response(JSON.stringify({ error: { status: 404, code: 'CCE.01404001', message: 'Resource not found.', requestId: 'req-gone' } }), { status: 404, headers: { 'Content-Type': 'application/json' } }),
    );
    renderPage();
    expect(await screen.findByText('This cluster does not exist (any more)')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText(/req-gone/).length).toBeGreaterThan(0));
  });
});
