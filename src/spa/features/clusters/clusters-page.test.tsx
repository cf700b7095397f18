import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import listExample from '../../../contract/examples/ListAutopilotClusters.response.json';
import { cceClusterList, envelopeResponse, installFakeBff, jsonResponse } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { rowWithText } from '../../shared/test/table.ts';
import { openWorld } from '../../shared/test/world.ts';
import { ClustersPage } from './clusters-page.tsx';

const demo = cceClusterList([
  { name: 'prod-payments', phase: 'Available', version: 'v1.28', alias: 'payments' },
  { name: 'analytics-batch', phase: 'Upgrading', version: 'v1.27' },
  {
    name: 'legacy-reporting',
    phase: 'Error',
    version: 'v1.25',
    reason: 'ResourceAbnormal',
    message: 'Control-plane add-on coredns is not ready.',
  },
  { name: 'qa-regression', phase: 'Hibernation', version: 'v1.27' },
  { name: 'from-the-future', phase: 'Teleporting', version: 'v1.31' },
]);

async function table() {
  return screen.findByRole('table', { name: 'Clusters' });
}

/** The badge (the focusable element) whose text is `label`, and the Mantine colour it is drawn in. */
function badge(scope: HTMLElement, label: string) {
  const element = within(scope).getByText(label, { exact: true }).closest<HTMLElement>('[tabindex="0"]');
  if (!element) throw new Error(`"${label}" is not a focusable badge`);
  const colour = /--mantine-color-(\w+)-/.exec(element.style.getPropertyValue('--badge-color'))?.[1];
  return { element, colour, spinning: element.querySelector('.mantine-Loader-root') !== null };
}

describe('cluster list', () => {
  it('lists every cluster of a CCE-shaped response with name, alias, status badge, version and creation time', async () => {
    installFakeBff({ clusters: demo });
    renderWithProviders(<ClustersPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Clusters' })).toBeInTheDocument();
    const t = await table();
    expect(within(t).getAllByRole('row')).toHaveLength(1 + 5);
    expect(
      within(t)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name▲', 'Status↕', 'Kubernetes version↕', 'Public endpoint↕', 'Tags↕', 'Created↕', 'Actions']);

    const payments = rowWithText(t, 'prod-payments');
    expect(within(payments).getByText('Alias: payments')).toBeInTheDocument();
    expect(badge(payments, 'Available')).toMatchObject({ colour: 'green', spinning: false });
    expect(within(payments).getByText('v1.28')).toBeInTheDocument();

    // Colour by phase family: moving (blue, with a spinner), failed (red), parked (grey).
    expect(badge(rowWithText(t, 'analytics-batch'), 'Upgrading')).toMatchObject({ colour: 'blue', spinning: true });
    expect(badge(rowWithText(t, 'legacy-reporting'), 'Error')).toMatchObject({ colour: 'red', spinning: false });
    expect(badge(rowWithText(t, 'qa-regression'), 'Hibernated')).toMatchObject({ colour: 'gray', spinning: false });
    // A phase newer than the console still gets a badge instead of breaking the row.
    expect(badge(rowWithText(t, 'from-the-future'), 'Unknown')).toMatchObject({ colour: 'gray' });

    expect(screen.getByText('5 clusters · Updating every 5 seconds while a cluster is changing.')).toBeInTheDocument();
    expect(screen.getByText(/project 05a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0, region ap-southeast-3/)).toBeInTheDocument();
  });

  it('shows the creation time in the chosen language with the exact ISO instant on hover', async () => {
    installFakeBff({ clusters: cceClusterList([{ name: 'prod-payments', created: '2024-05-29 17:35:40.770923 +0000 UTC' }]) });
    renderWithProviders(<ClustersPage />);
    const row = rowWithText(await table(), 'prod-payments');
    const time = row.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2024-05-29T17:35:40.770Z');
    expect(time).toHaveAttribute('title', '2024-05-29T17:35:40.770Z');
    expect(time).toHaveTextContent(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2024-05-29T17:35:40.770Z')));
  });

  it("parses the API reference's own example response", async () => {
    installFakeBff({ clusters: listExample });
    renderWithProviders(<ClustersPage />);
    const row = rowWithText(await table(), 'test');
    expect(within(row).getByText('Alias: s00648239-b003-v127')).toBeInTheDocument();
    expect(within(row).getByText('Available')).toBeInTheDocument();
    expect(within(row).getByText('v1.27')).toBeInTheDocument();
  });

  it("explains a phase on hover: the reference's meaning, then the reason and message the cloud gave", async () => {
    installFakeBff({ clusters: demo });
    const { user } = renderWithProviders(<ClustersPage />);
    const badgeElement = badge(rowWithText(await table(), 'legacy-reporting'), 'Error').element;

    await user.hover(badgeElement);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('Resources in the cluster are abnormal. You can manually delete the cluster.');
    expect(tooltip).toHaveTextContent('Reason: ResourceAbnormal');
    expect(tooltip).toHaveTextContent('Details: Control-plane add-on coredns is not ready.');
    expect(badgeElement).toHaveAttribute('aria-describedby', tooltip.id);

    await user.unhover(badgeElement);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  });

  it('opens the same explanation when the badge gets keyboard focus, and Escape closes it', async () => {
    installFakeBff({ clusters: cceClusterList([{ name: 'qa-regression', phase: 'Hibernation' }]) });
    const { user } = renderWithProviders(<ClustersPage />);
    await table();

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
    let calls = 0;
    installFakeBff({
      clusters: () =>
        ++calls === 1
          ? envelopeResponse(502, 'BFF.UPSTREAM_UNAVAILABLE', 'The CCE endpoint did not answer.', 'req-7f3a9c')
          : jsonResponse(cceClusterList([{ name: 'prod-payments' }])),
    });
    const { user } = renderWithProviders(<ClustersPage />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the clusters');
    expect(alert).toHaveTextContent('The CCE endpoint did not answer.');
    expect(within(alert).getByText('req-7f3a9c')).toBeInTheDocument();
    expect(alert).toHaveTextContent('BFF.UPSTREAM_UNAVAILABLE');
    expect(screen.queryByRole('table', { name: 'Clusters' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(rowWithText(await table(), 'prod-payments')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the console server cannot be reached at all', async () => {
    installFakeBff({
      clusters: () => {
        throw new TypeError('Failed to fetch');
      },
    });
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
    installFakeBff({ clusters: demo });
    renderWithProviders(<ClustersPage />, { language: 'zh-CN' });
    const t = await screen.findByRole('table', { name: '集群' });
    expect(screen.getByRole('heading', { level: 1, name: '集群' })).toBeInTheDocument();
    expect(within(rowWithText(t, 'prod-payments')).getByText('可用')).toBeInTheDocument();
    expect(within(rowWithText(t, 'analytics-batch')).getByText('升级中')).toBeInTheDocument();
    expect(within(t).getByRole('columnheader', { name: '创建时间' })).toBeInTheDocument();
  });
});
