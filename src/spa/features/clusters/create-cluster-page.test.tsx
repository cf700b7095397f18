import { MantineProvider } from '@mantine/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../contract/clusters.ts';
import { callInProject } from '../../shared/api/operation-query.ts';
import { renderWithProviders } from '../../shared/test/render.tsx';
import { openWorld, type TestWorld } from '../../shared/test/world.ts';
import { CreateClusterPage } from './create-cluster-page.tsx';
import { buildCreateRequest, type CreateClusterForm } from './create-cluster-request.ts';

/** Creation takes 40–60 simulated seconds. */
const CREATION_MS = 90_000;

/**
 * Mantine's test environment: jsdom has no layout, so floating-ui would report every dropdown's input
 * as scrolled out of view and hide the options.
 */
function renderWizard() {
  return renderWithProviders(
    <MantineProvider env="test">
      <CreateClusterPage />
    </MantineProvider>,
  );
}

type User = ReturnType<typeof renderWithProviders>['user'];

function prodNetwork(world: TestWorld) {
  const prod = world.demo.vpcs['vpc-prod']!;
  const [master, eniA] = prod.subnets;
  return { prod, master: master!, eniA: eniA! };
}

async function fillBasics(user: User, name = 'orders-api') {
  await user.type(await screen.findByRole('textbox', { name: /Cluster name/ }), name);
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

/** Picks an option of a Mantine select by what the operator reads. */
async function pick(user: User, field: HTMLElement, option: string) {
  await user.click(field);
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillNetwork(user: User, world: TestWorld) {
  const { prod, master, eniA } = prodNetwork(world);
  await pick(user, await screen.findByRole('combobox', { name: /^VPC/ }), `vpc-prod (${prod.cidr})`);
  await waitFor(() => expect(screen.getByRole('combobox', { name: /^Host subnet/ })).toBeEnabled());
  await pick(user, screen.getByRole('combobox', { name: /^Host subnet/ }), `${master.name} (${master.cidr})`);
  await pick(user, screen.getByRole('combobox', { name: /^ENI subnets/ }), `${eniA.name} (${eniA.cidr})`);
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

async function toReview(user: User, world: TestWorld, name = 'orders-api') {
  await fillBasics(user, name);
  await fillNetwork(user, world);
  await user.click(await screen.findByRole('button', { name: 'Next' }));
  return screen.findByRole('table', { name: 'What will be created' });
}

// Each test drives a real BFF and simulator through several steps: slow on a busy machine.
describe('create-cluster wizard', { timeout: 60_000 }, () => {
  it('holds the operator on a step until its fields are right, a name the project uses included, keeping what was typed', async () => {
    await openWorld();
    const { user } = renderWizard();

    const name = await screen.findByRole('textbox', { name: /Cluster name/ });
    await user.type(name, 'Bad_Name-');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Cluster name must start with a lowercase letter')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');

    // A cluster of the demo project: said on the first step, in plain words.
    await user.clear(name);
    await user.type(name, 'prod-payments');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/A cluster named prod-payments already exists in this project\. Choose another name\./));
    expect(screen.queryByRole('combobox', { name: /^VPC/ })).not.toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'orders-api');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // Network: nothing moves on without a VPC and with a wrong service CIDR.
    const cidr = await screen.findByRole('textbox', { name: /Service CIDR/ });
    expect(cidr).toHaveValue('10.247.0.0/16');
    await user.clear(cidr);
    await user.type(cidr, '10.247.0.0/33');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Must be an IPv4 CIDR block such as 10.247.0.0/16')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^VPC/ })).toHaveAttribute('aria-invalid', 'true');

    // Back to the first step and forward again: the name is still there.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('textbox', { name: /Cluster name/ })).toHaveValue('orders-api');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('textbox', { name: /Service CIDR/ })).toHaveValue('10.247.0.0/33');
  });

  it("offers the VPCs and only the chosen VPC's subnets by name and CIDR, sums up the cluster readably, sends the exact request and says when it is created", async () => {
    const world = await openWorld();
    const { prod, master, eniA } = prodNetwork(world);
    const dev = world.demo.vpcs['vpc-dev']!;
    const { user } = renderWizard();
    await fillBasics(user);

    const vpc = await screen.findByRole('combobox', { name: /^VPC/ });
    const hostSubnet = screen.getByRole('combobox', { name: /^Host subnet/ });
    expect(hostSubnet).toBeDisabled();
    await user.click(vpc);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(
      Object.entries(world.demo.vpcs).map(([vpcName, v]) => `${vpcName} (${v.cidr})`),
    );
    await user.click(screen.getByRole('option', { name: `vpc-prod (${prod.cidr})` }));
    await waitFor(() => expect(hostSubnet).toBeEnabled());
    await user.click(hostSubnet);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(prod.subnets.map((s) => `${s.name} (${s.cidr})`));
    expect(screen.queryByRole('option', { name: new RegExp(dev.subnets[0]!.name) })).not.toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: `${master.name} (${master.cidr})` }));
    await pick(user, screen.getByRole('combobox', { name: /^ENI subnets/ }), `${eniA.name} (${eniA.cidr})`);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.type(await screen.findByRole('textbox', { name: /Tags/ }), 'team=payments');
    expect(screen.getByRole('checkbox', { name: 'coredns' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'metrics-server' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // The review reads as a summary: names and CIDRs of the network, with the ids the request carries.
    const summary = await screen.findByRole('table', { name: 'What will be created' });
    const row = (label: string) => within(summary).getByRole('rowheader', { name: label }).closest('tr')!;
    expect(row('Cluster name')).toHaveTextContent('orders-api');
    expect(row('VPC')).toHaveTextContent(`vpc-prod (${prod.cidr}) · ${prod.id}`);
    expect(row('Host subnet')).toHaveTextContent(`${master.name} (${master.cidr}) · ${master.networkId}`);
    expect(row('ENI subnets')).toHaveTextContent(`${eniA.name} (${eniA.cidr}) · ${eniA.subnetId}`);
    expect(row('Tags')).toHaveTextContent('team=payments');
    expect(row('Add-ons to install at creation')).toHaveTextContent('coredns, metrics-server');
    // The exact request, one click away.
    await user.click(screen.getByRole('button', { name: 'The exact request' }));
    const request = await screen.findByLabelText('Create cluster request');
    expect(request).toHaveTextContent(/^POST \/autopilot\/v3\/projects\/[0-9a-f]{32}\/clusters/);

    world.sent.length = 0;
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Creating orders-api' })).toBeInTheDocument();
    const post = world.sent.find((r) => r.method === 'POST')!;
    const body = post.body as { metadata: { name: string; annotations: Record<string, string> }; spec: Record<string, unknown> };
    // What was reviewed is what was sent.
    expect(request.textContent).toContain(JSON.stringify(body, null, 2));
    expect(body.spec).toMatchObject({
      hostNetwork: { vpc: prod.id, subnet: master.networkId },
      eniNetwork: { subnets: [{ subnetID: eniA.subnetId }] },
      serviceNetwork: { IPv4CIDR: '10.247.0.0/16' },
      clusterTags: [{ key: 'team', value: 'payments' }],
    });
    const addons = JSON.parse(body.metadata.annotations['cluster.install.addons/install']!) as { addonTemplateName: string }[];
    expect(addons.map((a) => a.addonTemplateName)).toEqual(['coredns', 'metrics-server']);

    // The creation job, then the cluster is Available: the heading no longer says "Creating".
    expect(await screen.findByRole('region', { name: 'Creation job' })).toBeInTheDocument();
    await world.advance(CREATION_MS);
    expect(await screen.findByText('The cluster is ready.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Created orders-api' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Creating/ })).not.toBeInTheDocument();
    // Created: nothing is kept for next time.
    expect(Object.keys(window.sessionStorage).filter((key) => key.includes('create-cluster'))).toEqual([]);
  });

  it('starts the subnets afresh when another VPC is chosen', async () => {
    const world = await openWorld();
    const { prod, master } = prodNetwork(world);
    const dev = world.demo.vpcs['vpc-dev']!;
    const { user } = renderWizard();
    await fillBasics(user);
    await pick(user, await screen.findByRole('combobox', { name: /^VPC/ }), `vpc-prod (${prod.cidr})`);
    const hostSubnet = screen.getByRole('combobox', { name: /^Host subnet/ });
    await waitFor(() => expect(hostSubnet).toBeEnabled());
    await pick(user, hostSubnet, `${master.name} (${master.cidr})`);
    expect(hostSubnet).toHaveValue(`${master.name} (${master.cidr})`);

    await pick(user, screen.getByRole('combobox', { name: /^VPC/ }), `vpc-dev (${dev.cidr})`);
    expect(hostSubnet).toHaveValue('');
    await waitFor(() => expect(hostSubnet).toBeEnabled());
    await user.click(hostSubnet);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(dev.subnets.map((s) => `${s.name} (${s.cidr})`));
  });

  it('brings back what was chosen when the wizard is opened again (a session that ended mid-form), until started over', async () => {
    const world = await openWorld();
    const { prod } = prodNetwork(world);
    const first = renderWizard();
    await fillBasics(first.user);
    await pick(first.user, await screen.findByRole('combobox', { name: /^VPC/ }), `vpc-prod (${prod.cidr})`);
    first.unmount();

    const { user } = renderWizard();
    const notice = await screen.findByText(/The values you entered earlier are back/);
    expect(await screen.findByRole('textbox', { name: /Cluster name/ })).toHaveValue('orders-api');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('combobox', { name: /^VPC/ })).toHaveValue(`vpc-prod (${prod.cidr})`);

    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(notice).not.toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: /Cluster name/ })).toHaveValue('');
    expect(Object.keys(window.sessionStorage).filter((key) => key.includes('create-cluster'))).toEqual([]);
  });

  it('when the name is taken after the first step (another operator), the refusal lands on the name field in plain words', async () => {
    const world = await openWorld();
    const { user, queryClient } = renderWizard();
    await toReview(user, world, 'orders-api');

    // Another operator creates a cluster of that name meanwhile.
    const { prod, master } = prodNetwork(world);
    const theirs: CreateClusterForm = {
      name: 'orders-api',
      alias: '',
      description: '',
      version: 'v1.28',
      vpc: prod.id,
      subnet: master.networkId,
      eniSubnets: [],
      serviceCidr: '10.247.0.0/16',
      enableSnat: true,
      enableSwr: true,
      enterpriseProjectId: '',
      tags: '',
      addons: [],
    };
    await callInProject(queryClient, createCluster, { params: {}, body: buildCreateRequest(theirs) });

    await user.click(screen.getByRole('button', { name: 'Create cluster' }));
    const name = await screen.findByRole('textbox', { name: /Cluster name/ });
    await waitFor(() => expect(name).toHaveAccessibleDescription(/A cluster named orders-api already exists in this project\. Choose another name\./));
    expect(screen.queryByText(/The resource already exists/)).not.toBeInTheDocument();
    expect(name).toHaveValue('orders-api');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(name).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('combobox', { name: /^VPC/ })).toHaveValue(`vpc-prod (${prod.cidr})`);
  });

  it('keeps the review open on a quota refusal, with the code, the request id and the way to the quotas', async () => {
    // The demo project holds nine clusters: a quota of nine is used up.
    const world = await openWorld({ clusterQuota: 9 });
    const { user } = renderWizard();
    await toReview(user, world);
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the cluster quota is used up');
    expect(alert).toHaveTextContent('CCE.01400007');
    expect(alert).toHaveTextContent(/Request ID/i);
    expect(screen.getByRole('link', { name: 'See the quotas' })).toHaveAttribute('href', '/quotas');
    expect(screen.getByRole('table', { name: 'What will be created' })).toHaveTextContent('orders-api');
  });
});
