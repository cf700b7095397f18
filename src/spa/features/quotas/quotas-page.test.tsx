import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelopeResponse, installFetch, jsonResponse, operatorSession, simulatorContext, TEST_PROJECT_ID } from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { QuotasPage } from './quotas-page.tsx';

const QUOTAS_PATH = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/quotas`;

function installBff(quotas: (request: Request) => Response | Promise<Response>) {
  installFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/context') return jsonResponse(simulatorContext);
    if (pathname === '/api/session') return jsonResponse(operatorSession);
    if (pathname === QUOTAS_PATH) return quotas(request);
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${pathname}`, 'req-404');
  });
}

describe('quotas page', () => {
  it('shows the cluster quota as a meter with used / limit, and every quota the API returns in a table', async () => {
    installBff(() =>
      // The reference's example spelling (`autopilot_cluster`) next to a quota the console has no special view for.
      jsonResponse({
        quotas: [
          { quotaKey: 'autopilot_cluster', quotaLimit: 20, used: 13, unit: 'count', regionId: 'ap-southeast-3' },
          { quotaKey: 'autopilot_node', quotaLimit: 50, used: 4, unit: 'count', regionId: 'ap-southeast-3', availabilityZoneId: 'ap-southeast-3a' },
        ],
      }),
    );
    renderWithProviders(<QuotasPage />);

    const meter = await screen.findByRole('progressbar', { name: 'Clusters: 13 of 20 used' });
    expect(meter).toHaveAttribute('aria-valuenow', '65');
    expect(screen.getByText('13 of 20 used')).toBeInTheDocument();
    expect(screen.getByText('7 more can be created')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'All quotas' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['autopilot_cluster', '13', '20', 'count', 'ap-southeast-3'],
      ['autopilot_node', '4', '50', 'count', 'ap-southeast-3 / ap-southeast-3a'],
    ]);
  });

  it('says plainly when the cluster quota is used up', async () => {
    installBff(() => jsonResponse({ quotas: [{ quotaKey: 'cluster', quotaLimit: 5, used: 5, unit: 'count' }] }));
    renderWithProviders(<QuotasPage />);
    expect(await screen.findByRole('progressbar', { name: 'Clusters: 5 of 5 used' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText(/Quota reached/)).toBeInTheDocument();
  });

  it('shows a loading state, then a failure with its request id, and Retry loads the quotas', async () => {
    let calls = 0;
    let release: (() => void) | undefined;
    installBff(async () => {
      calls++;
      if (calls === 1) {
        await new Promise<void>((resolve) => (release = resolve));
        return envelopeResponse(502, 'BFF.UPSTREAM_UNAVAILABLE', 'The CCE endpoint did not answer.', 'req-q-5e1d');
      }
      return jsonResponse({ quotas: [{ quotaKey: 'autopilot_cluster', quotaLimit: 12, used: 9, unit: 'count' }] });
    });
    const { user } = renderWithProviders(<QuotasPage />);

    await waitFor(() => expect(release).toBeDefined());
    expect(screen.queryByRole('table', { name: 'All quotas' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeInTheDocument();
    release!();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the quotas');
    expect(alert).toHaveTextContent('The CCE endpoint did not answer.');
    expect(within(alert).getByText('req-q-5e1d')).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('progressbar', { name: 'Clusters: 9 of 12 used' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
