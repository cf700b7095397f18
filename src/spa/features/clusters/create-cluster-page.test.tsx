import { MantineProvider } from '@mantine/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  CLUSTERS_PATH,
  cceCluster,
  envelopeResponse,
  installFetch,
  jsonResponse,
  operatorSession,
  simulatorContext,
  TEST_PROJECT_ID,
} from '../../shared/test/fake-bff.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { CreateClusterPage } from './create-cluster-page.tsx';

const VPC = 'c6549063-d459-4ae1-9550-b5fec6741b0f';
const HOST_SUBNET = '3b18c2d5-b352-4f59-b421-c2d2d48a1333';
const ENI_SUBNET = '186f9322-50c5-4e5a-91e3-47da86959afc';
const JOBS_PATH = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/jobs`;

/** An existing cluster in the VPC, the source of the network step's suggestions. */
function existingCluster() {
  const c = cceCluster({ name: 'prod-payments' });
  return { ...c, spec: { ...c.spec, hostNetwork: { vpc: VPC, subnet: HOST_SUBNET }, eniNetwork: { subnets: [{ subnetID: ENI_SUBNET }] } } };
}

interface Sent {
  bodies: unknown[];
}

/** The BFF as the wizard sees it: context, session, the cluster list, and a create call answered by `onCreate`. */
function installWizardBff(onCreate: (body: unknown) => Response) {
  const sent: Sent = { bodies: [] };
  let clusterReads = 0;
  installFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/context') return jsonResponse(simulatorContext);
    if (pathname === '/api/session') return jsonResponse(operatorSession);
    if (request.method === 'GET' && pathname === CLUSTERS_PATH) return jsonResponse({ kind: 'Cluster', apiVersion: 'v3', items: [existingCluster()] });
    if (request.method === 'POST' && pathname === CLUSTERS_PATH) {
      const body: unknown = await request.json();
      sent.bodies.push(body);
      return onCreate(body);
    }
    if (request.method === 'GET' && pathname === `${CLUSTERS_PATH}/uid-new`) {
      clusterReads += 1;
      const phase = clusterReads > 1 ? 'Available' : 'Creating';
      return jsonResponse({ ...cceCluster({ name: 'orders-api', phase }), metadata: { name: 'orders-api', uid: 'uid-new' } });
    }
    if (request.method === 'GET' && pathname === `${JOBS_PATH}/job-1`) {
      return jsonResponse({
        kind: 'Job',
        apiVersion: 'v3',
        metadata: { uid: 'job-1' },
        spec: {
          type: 'CreateCluster',
          subJobs: [
            { kind: 'Job', apiVersion: 'v3', metadata: { uid: 's1' }, spec: { type: 'CreatePSMCert' }, status: { phase: 'Success' } },
            { kind: 'Job', apiVersion: 'v3', metadata: { uid: 's2' }, spec: { type: 'InstallMaster' }, status: { phase: 'Success' } },
          ],
        },
        status: { phase: 'Success', reason: '' },
      });
    }
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${request.method} ${pathname}`, 'req-not-found');
  });
  return sent;
}

const accepted = () =>
  jsonResponse(
    {
      ...cceCluster({ name: 'orders-api', phase: 'Creating' }),
      metadata: { name: 'orders-api', uid: 'uid-new', annotations: { jobid: 'job-1' } },
      status: { phase: 'Creating', jobID: 'job-1' },
    },
    201,
  );

/**
 * Mantine's test environment: jsdom has no layout, so floating-ui would report every dropdown's input
 * as scrolled out of view and hide the suggestions.
 */
function renderWizard() {
  return renderWithProviders(
    <MantineProvider env="test">
      <CreateClusterPage />
    </MantineProvider>,
  );
}

type User = ReturnType<typeof renderWithProviders>['user'];

async function fillBasics(user: User, name = 'orders-api') {
  await user.type(await screen.findByRole('textbox', { name: /Cluster name/ }), name);
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

async function fillNetwork(user: User) {
  await user.type(await screen.findByRole('combobox', { name: /VPC ID/ }), VPC);
  await user.type(screen.getByRole('combobox', { name: /Host subnet ID/ }), HOST_SUBNET);
  await user.type(screen.getByRole('combobox', { name: /ENI subnet IDs/ }), `${ENI_SUBNET}{Enter}`);
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('create-cluster wizard', () => {
  it('holds the operator on a step until the contract accepts its fields, keeping what was typed', async () => {
    installWizardBff(accepted);
    const { user } = renderWizard();

    const name = await screen.findByRole('textbox', { name: /Cluster name/ });
    await user.type(name, 'Bad_Name-');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Cluster name must start with a lowercase letter')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('textbox', { name: /VPC ID/ })).not.toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'ab-');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Cluster name must be 4 to 128 characters')).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'orders-api');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // Network: the service CIDR is validated; nothing moves on while it is wrong.
    const cidr = await screen.findByRole('textbox', { name: /Service CIDR/ });
    expect(cidr).toHaveValue('10.247.0.0/16');
    await user.clear(cidr);
    await user.type(cidr, '10.247.0.0/33');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Must be an IPv4 CIDR block such as 10.247.0.0/16')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /VPC ID/ })).toHaveAttribute('aria-invalid', 'true');

    // Back to the first step and forward again: the name is still there.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('textbox', { name: /Cluster name/ })).toHaveValue('orders-api');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('textbox', { name: /Service CIDR/ })).toHaveValue('10.247.0.0/33');
  });

  it('suggests the VPC and subnets of existing clusters, reviews the exact request and sends it', async () => {
    const sent = installWizardBff(accepted);
    const { user } = renderWizard();
    await fillBasics(user);

    await user.type(await screen.findByRole('combobox', { name: /VPC ID/ }), 'c65');
    await user.click(await screen.findByRole('option', { name: VPC }));
    expect(screen.getByRole('combobox', { name: /VPC ID/ })).toHaveValue(VPC);
    await user.type(screen.getByRole('combobox', { name: /Host subnet ID/ }), '3b1');
    await user.click(await screen.findByRole('option', { name: HOST_SUBNET }));
    await user.type(screen.getByRole('combobox', { name: /ENI subnet IDs/ }), `${ENI_SUBNET}{Enter}`);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.type(await screen.findByRole('textbox', { name: /Tags/ }), 'team=payments');
    expect(screen.getByRole('checkbox', { name: 'coredns' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'metrics-server' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const request = await screen.findByLabelText('Create cluster request');
    expect(request).toHaveTextContent(`POST /autopilot/v3/projects/${TEST_PROJECT_ID}/clusters`);
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Creating orders-api' })).toBeInTheDocument();
    const body = sent.bodies[0] as { metadata: { name: string; annotations: Record<string, string> }; spec: Record<string, unknown> };
    // What was reviewed is what was sent.
    expect(request.textContent).toContain(JSON.stringify(body, null, 2));
    expect(body.metadata.name).toBe('orders-api');
    expect(body.spec).toMatchObject({
      flavor: 'cce.autopilot.cluster',
      hostNetwork: { vpc: VPC, subnet: HOST_SUBNET },
      eniNetwork: { subnets: [{ subnetID: ENI_SUBNET }] },
      serviceNetwork: { IPv4CIDR: '10.247.0.0/16' },
      clusterTags: [{ key: 'team', value: 'payments' }],
    });
    const addons = JSON.parse(body.metadata.annotations['cluster.install.addons/install']!) as {
      addonTemplateName: string;
      values: { flavor: { name: string } };
    }[];
    expect(addons.map((a) => [a.addonTemplateName, a.values.flavor.name])).toEqual([
      ['coredns', 'autopilot-flavor1'],
      ['metrics-server', 'autopilot-flavor1'],
    ]);

    // The creation job and its steps, until the cluster is Available.
    const job = await screen.findByRole('region', { name: 'Creation job' });
    expect(await within(job).findByText('InstallMaster')).toBeInTheDocument();
    expect(await screen.findByText('The cluster is ready.', {}, { timeout: 8_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the cluster' })).toHaveAttribute('href', '/clusters/uid-new');
    // Created: nothing is kept for next time.
    expect(Object.keys(window.sessionStorage).filter((key) => key.includes('create-cluster'))).toEqual([]);
  }, 15_000);

  it('brings back what was typed when the wizard is opened again (a session that ended mid-form), until started over', async () => {
    installWizardBff(accepted);
    const first = renderWizard();
    await fillBasics(first.user);
    await first.user.type(await screen.findByRole('combobox', { name: /VPC ID/ }), VPC);
    first.unmount();

    const { user } = renderWizard();
    const notice = await screen.findByText(/The values you entered earlier are back/);
    expect(await screen.findByRole('textbox', { name: /Cluster name/ })).toHaveValue('orders-api');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('combobox', { name: /VPC ID/ })).toHaveValue(VPC);

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(notice).not.toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: /Cluster name/ })).toHaveValue('');
    expect(Object.keys(window.sessionStorage).filter((key) => key.includes('create-cluster'))).toEqual([]);
  });

  it('returns to the field the API refused, with its message, and keeps every value', async () => {
    installWizardBff(() => envelopeResponse(409, 'CCE.01409001', 'metadata.name: a cluster named orders-api already exists.', 'req-dup'));
    const { user } = renderWizard();
    await fillBasics(user);
    await fillNetwork(user);
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create cluster' }));

    const name = await screen.findByRole('textbox', { name: /Cluster name/ });
    expect(await screen.findByText('a cluster named orders-api already exists.')).toBeInTheDocument();
    expect(name).toHaveValue('orders-api');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(name).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('combobox', { name: /VPC ID/ })).toHaveValue(VPC);
  });

  it('shows a subnet outside the VPC on the subnet field and an unsupported version on the version field', async () => {
    let answer = envelopeResponse(400, 'CCE.01400002', `spec.hostNetwork.subnet: subnet ${HOST_SUBNET} is not in VPC vpc-prod.`, 'req-subnet');
    installWizardBff(() => answer);
    const { user } = renderWizard();
    await fillBasics(user);
    await fillNetwork(user);
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create cluster' }));
    expect(await screen.findByText(/is not in VPC vpc-prod/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Host subnet ID/ })).toHaveAttribute('aria-invalid', 'true');

    answer = envelopeResponse(400, 'CCE.01400015', 'Version not supported.', 'req-version');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create cluster' }));
    expect(await screen.findByText('Version not supported.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Kubernetes version/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps the review open on a quota refusal, with the code, the request id and the way to the quotas', async () => {
    installWizardBff(() => envelopeResponse(400, 'CCE.01400007', 'Insufficient cluster quota. The project has 12 of 12 clusters.', 'req-quota-7'));
    const { user } = renderWizard();
    await fillBasics(user);
    await fillNetwork(user);
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Create cluster' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the cluster quota is used up');
    expect(alert).toHaveTextContent('CCE.01400007');
    expect(alert).toHaveTextContent('req-quota-7');
    expect(screen.getByRole('link', { name: 'See the quotas' })).toHaveAttribute('href', '/quotas');
    expect(screen.getByLabelText('Create cluster request')).toHaveTextContent('"name": "orders-api"');
  });
});
