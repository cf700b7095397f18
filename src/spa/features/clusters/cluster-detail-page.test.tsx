import { screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld } from '../../shared/test/world.ts';
import { ClusterDetailPage } from './cluster-detail-page.tsx';

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{location.pathname + location.search}</output>;
}

function renderPage(clusterId: string, search = '') {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/clusters/:clusterId" element={<ClusterDetailPage />} />
      </Routes>
      <LocationProbe />
    </>,
    { path: `/clusters/${clusterId}${search}` },
  );
}

describe('cluster detail page', () => {
  it('shows a header with name, alias, status and version, and opens the tab the URL names', async () => {
    const world = await openWorld();
    renderPage(world.demo.clusters['prod-search']!, '?tab=access');
    expect(await screen.findByRole('heading', { level: 1, name: 'prod-search' })).toBeInTheDocument();
    const summary = screen.getByRole('group', { name: 'Status and version' });
    expect(within(summary).getByText('Alias: search-prod')).toBeInTheDocument();
    expect(within(summary).getByText('Available')).toBeInTheDocument();
    expect(within(summary).getByText(/v1\.28/)).toHaveTextContent(/^v1\.28 \(cce\.\S+\)$/);
    expect(screen.getByRole('tab', { name: 'Access' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('table', { name: 'API server addresses' })).toBeInTheDocument();
  });

  it('puts the chosen tab in the URL so the view can be shared', async () => {
    const world = await openWorld();
    const id = world.demo.clusters['prod-search']!;
    const { user } = renderPage(id);
    await screen.findByRole('heading', { level: 1, name: 'prod-search' });
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('tab', { name: 'Tags' }));
    expect(screen.getByLabelText('location')).toHaveTextContent(`/clusters/${id}?tab=tags`);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    expect(screen.getByLabelText('location')).toHaveTextContent(`/clusters/${id}?tab=edit`);
    expect(screen.getByRole('textbox', { name: 'Alias' })).toHaveValue('search-prod');
  });

  it('from the overview, "Edit cluster" opens the edit tab, which explains why a Creating cluster cannot be edited', async () => {
    const world = await openWorld();
    const { user } = renderPage(world.demo.clusters['ml-inference']!);
    await screen.findByRole('heading', { level: 1, name: 'ml-inference' });
    await user.click(screen.getByRole('link', { name: 'Edit cluster' }));
    expect(screen.getByLabelText('location')).toHaveTextContent('?tab=edit');
    const form = screen.getByRole('form', { name: 'Edit ml-inference' });
    expect(within(form).getAllByText(/can be edited only while it is Available; it is Creating now\. The cluster is being created\./).length).toBeGreaterThan(
      0,
    );
    expect(within(form).getByRole('textbox', { name: 'Alias' })).toBeDisabled();
    expect(within(form).getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('says so when the cluster does not exist, with the request id to quote', async () => {
    const world = await openWorld();
    renderPage('00000000-0000-1000-8000-00000000dead');
    expect(await screen.findByText('This cluster does not exist (any more)')).toBeInTheDocument();
    const lookup = world.sent.find((r) => r.path.endsWith('/clusters/00000000-0000-1000-8000-00000000dead'));
    expect(lookup).toBeDefined();
    expect(screen.getAllByText(/Request ID/).length).toBeGreaterThan(0);
  });
});
