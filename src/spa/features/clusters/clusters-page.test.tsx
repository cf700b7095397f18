import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { statusBadge as badge } from '../../shared/test/status-badge.ts';
import { rowWithText } from '../../shared/test/table.ts';
import { openWorld } from '../../shared/test/world.ts';
import { ClustersPage } from './clusters-page.tsx';

async function table() {
  return screen.findByRole('table', { name: 'Clusters' });
}

describe('cluster list', () => {
  it('lists every cluster of the project with name, alias, status badge, version and creation time', async () => {
    const world = await openWorld();
    renderWithProviders(<ClustersPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();
    const t = await table();
    expect(within(t).getAllByRole('row')).toHaveLength(1 + 9);
    expect(
      within(t)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name▲', 'Status↕', 'Kubernetes version↕', 'Public endpoint↕', 'Tags↕', 'Created↕', 'Actions']);

    const payments = rowWithText(t, 'prod-payments');
    expect(within(payments).getByText('Alias: payments-prod')).toBeInTheDocument();
    expect(badge(payments, 'Available')).toMatchObject({ colour: 'green', spinning: false });
    expect(within(payments).getByText('v1.28')).toBeInTheDocument();
    // A cluster without an alias of its own shows none (CCE answers its name as the alias).
    expect(within(rowWithText(t, 'staging-web')).queryByText(/^Alias:/)).not.toBeInTheDocument();

    // Colour by phase family: moving (blue, with a spinner), failed (red), parked (grey).
    expect(badge(rowWithText(t, 'analytics-batch'), 'Upgrading')).toMatchObject({ colour: 'blue', spinning: true });
    expect(badge(rowWithText(t, 'ml-inference'), 'Creating')).toMatchObject({ colour: 'blue', spinning: true });
    expect(badge(rowWithText(t, 'legacy-reporting'), 'Error')).toMatchObject({ colour: 'red', spinning: false });
    expect(badge(rowWithText(t, 'edge-gateway'), 'Unavailable')).toMatchObject({ colour: 'red', spinning: false });
    expect(badge(rowWithText(t, 'qa-regression'), 'Hibernated')).toMatchObject({ colour: 'gray', spinning: false });

    expect(screen.getByText('9 clusters · Updating every 5 seconds while a cluster is changing.')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`project ${world.projectId}, region ${world.region}`))).toBeInTheDocument();
  });

  it('shows the creation time in the chosen language with the exact ISO instant on hover', async () => {
    const world = await openWorld();
    // What CCE answered, in its Go-style form: `2024-05-29 17:35:40.770923 +0000 UTC`.
    const answered = (await (await fetch(`/api/cce/autopilot/v3/projects/${world.projectId}/clusters`)).json()) as {
      items: { metadata: { name: string; creationTimestamp: string } }[];
    };
    const created = answered.items.find((c) => c.metadata.name === 'prod-payments')!.metadata.creationTimestamp;
    const iso = created.replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})\d* \+0000 UTC$/, '$1T$2Z');
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    renderWithProviders(<ClustersPage />);
    const time = rowWithText(await table(), 'prod-payments').querySelector('time');
    expect(time).toHaveAttribute('datetime', iso);
    expect(time).toHaveAttribute('title', iso);
    expect(time).toHaveTextContent(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)));
  });

  it("explains a phase on hover: the reference's meaning, then the reason and message the cloud gave", async () => {
    await openWorld();
    const { user } = renderWithProviders(<ClustersPage />);
    const badgeElement = badge(rowWithText(await table(), 'legacy-reporting'), 'Error').element;

    await user.hover(badgeElement);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('Resources in the cluster are abnormal. You can manually delete the cluster.');
    expect(tooltip).toHaveTextContent('Reason: ResourceAbnormal');
    expect(tooltip).toHaveTextContent('Details: ENI pool reconcile failed: subnet subnet-dev-eni-tiny (172.16.255.240/28) has no free IP addresses');
    expect(badgeElement).toHaveAttribute('aria-describedby', tooltip.id);

    await user.unhover(badgeElement);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });

  it('opens the same explanation when the badge gets keyboard focus, and Escape closes it', async () => {
    await openWorld();
    const { user } = renderWithProviders(<ClustersPage />);

    const hibernating = badge(rowWithText(await table(), 'qa-regression'), 'Hibernated').element;
    // Keyboard users reach the badge by tabbing through the row: name link, then the badge.
    within(rowWithText(await table(), 'qa-regression'))
      .getByRole('link', { name: 'qa-regression' })
      .focus();
    await user.tab();
    expect(hibernating).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('The cluster is in hibernation.');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });

  it('shows a failure inline with the message and the request id, and Retry loads the list', async () => {
    const world = await openWorld();
    // The BFF cannot reach the CCE API: it answers the console with its own error and request id.
    await world.setLink(false);
    const { user } = renderWithProviders(<ClustersPage />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the clusters');
    expect(alert).toHaveTextContent('The CCE API could not be reached.');
    expect(alert).toHaveTextContent('BFF.UPSTREAM_UNREACHABLE');
    const failed = await world.answered('GET', `/api/cce/autopilot/v3/projects/${world.projectId}/clusters`);
    expect(failed.requestId).toBeTruthy();
    expect(within(alert).getByText(failed.requestId!)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Clusters' })).not.toBeInTheDocument();

    await world.setLink(true);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(rowWithText(await table(), 'prod-payments')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the console server cannot be reached at all', async () => {
    const world = await openWorld();
    await world.close();
    renderWithProviders(<ClustersPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The console server could not be reached.');
  });

  it('shows skeleton rows first, then an empty state saying what to do for a project without clusters', { timeout: 30_000 }, async () => {
    await openWorld({ seed: 'empty' });
    renderWithProviders(<ClustersPage />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading clusters…');
    expect(await screen.findByText('No clusters in this project', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/Clusters of project [0-9a-f]{32} in region [a-z0-9-]+ appear here .* create one with Create cluster\./)).toBeInTheDocument();
    expect(screen.queryByText('Loading clusters…')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Clusters' })).not.toBeInTheDocument();
  });

  it('speaks Chinese: headings, columns and the 19-phase labels come from the zh-CN messages', async () => {
    await openWorld();
    renderWithProviders(<ClustersPage />, { language: 'zh-CN' });
    const t = await screen.findByRole('table', { name: '集群' });
    expect(screen.getByRole('heading', { level: 1, name: '集群' })).toBeInTheDocument();
    expect(within(rowWithText(t, 'prod-payments')).getByText('可用')).toBeInTheDocument();
    expect(within(rowWithText(t, 'analytics-batch')).getByText('升级中')).toBeInTheDocument();
    expect(within(t).getByRole('columnheader', { name: '创建时间' })).toBeInTheDocument();
  });
});
