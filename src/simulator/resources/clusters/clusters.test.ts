import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../seed.ts';
import { startTestSimulator, validCreateBody, type TestSimulator } from '../../test-support.ts';

interface ClusterBody {
  metadata: { name: string; uid: string; alias?: string; annotations?: Record<string, string> };
  spec: Record<string, unknown> & { version: string; description?: string; clusterTags?: { key: string; value: string }[] };
  status: {
    phase: string;
    jobID?: string;
    reason?: string;
    message?: string;
    endpoints?: { url: string; type: string }[];
    deleteOption?: Record<string, string>;
  };
}
interface JobBody {
  metadata: { uid: string };
  spec: { type: string; clusterUID: string; subJobs: { spec: { type: string }; status: { phase: string; reason?: string } }[] };
  status: { phase: string; reason: string };
}
interface CceErrorBody {
  errorCode: string;
  errorMessage: string;
}

const SECOND = 1000;

async function create(t: TestSimulator, name: string, overrides?: Parameters<typeof validCreateBody>[1]) {
  return t.json<ClusterBody & CceErrorBody>('POST', `${t.base}/clusters`, { body: validCreateBody(name, overrides) });
}

async function phaseOf(t: TestSimulator, uid: string) {
  const res = await t.json<ClusterBody>('GET', `${t.base}/clusters/${uid}`);
  return res.status === 200 ? res.body.status.phase : res.status;
}

describe('cluster creation', () => {
  it('answers 201 Creating with a job, then moves to Available through its sub-jobs as the clock advances', async () => {
    const t = startTestSimulator();
    const created = await create(t, 'orders-api', { metadata: { alias: 'orders' }, spec: { clusterTags: [{ key: 'env', value: 'dev' }] } });
    expect(created.status).toBe(201);
    const cluster = created.body;
    expect(cluster.status.phase).toBe('Creating');
    expect(cluster.status.jobID).toBeTruthy();
    expect(cluster.metadata.annotations?.jobid).toBe(cluster.status.jobID);
    expect(cluster.metadata.annotations?.resourceJobId).toBeTruthy();
    expect(cluster.metadata.alias).toBe('orders');
    expect(cluster.spec).toMatchObject({ enableSnat: true, enableSWRImageAccess: true, platformVersion: 'cce.4.0', kubeProxyMode: 'iptables' });
    expect(cluster.spec.az).toBeUndefined();
    expect(cluster.status.endpoints).toBeUndefined();

    const jobPath = `${t.base}/jobs/${cluster.status.jobID}`;
    const first = await t.json<JobBody>('GET', jobPath);
    expect(first.body.spec.type).toBe('CreateCluster');
    expect(first.body.spec.clusterUID).toBe(cluster.metadata.uid);
    expect(first.body.status.phase).toBe('Initializing');
    const subJobs = first.body.spec.subJobs;
    expect(subJobs.length).toBeGreaterThanOrEqual(4);
    expect(subJobs.length).toBeLessThanOrEqual(6);
    expect(subJobs.map((s) => s.spec.type)).toEqual(expect.arrayContaining(['CreatePSMCert', 'InstallMaster']));

    t.advance(10 * SECOND);
    const running = await t.json<JobBody>('GET', jobPath);
    expect(running.body.status.phase).toBe('Running');
    expect(running.body.spec.subJobs[0]!.status.phase).toBe('Success');
    expect(running.body.spec.subJobs.at(-1)!.status.phase).toBe('Initializing');
    expect(await phaseOf(t, cluster.metadata.uid)).toBe('Creating');

    // Creation takes 40–60 s at speed 1.
    t.advance(28 * SECOND);
    expect(await phaseOf(t, cluster.metadata.uid)).toBe('Creating');
    t.advance(24 * SECOND);
    const done = await t.json<ClusterBody>('GET', `${t.base}/clusters/${cluster.metadata.uid}`);
    expect(done.body.status.phase).toBe('Available');
    expect(done.body.status.endpoints).toEqual([
      { url: `https://${cluster.metadata.uid}.cluster.cce.ap-southeast-3.myhuaweicloud.com:5443`, type: 'Internal' },
    ]);
    expect(done.body.spec.az).toBe('ap-southeast-3a');
    expect(done.body.spec.enableSnat).toBeUndefined();
    expect(done.body.spec.clusterTags).toEqual([{ key: 'env', value: 'dev' }]);
    const finished = await t.json<JobBody>('GET', jobPath);
    expect(finished.body.status.phase).toBe('Success');
    expect(finished.body.spec.subJobs.every((s) => s.status.phase === 'Success')).toBe(true);
  });

  it('runs lifecycles faster with speed', async () => {
    const t = startTestSimulator({ speed: 10 });
    const created = await create(t, 'fast-cluster');
    t.clock.advance(6_500);
    expect(await phaseOf(t, created.body.metadata.uid)).toBe('Available');
  });

  it('omits the alias in the create response when none was configured, then reports it equal to the name', async () => {
    const t = startTestSimulator();
    const created = await create(t, 'no-alias-given');
    expect(created.body.metadata.alias).toBeUndefined();
    const read = await t.json<ClusterBody>('GET', `${t.base}/clusters/${created.body.metadata.uid}`);
    expect(read.body.metadata.alias).toBe('no-alias-given');
  });

  it('ends in Error with the reason when the ENI subnet has no room', async () => {
    const t = startTestSimulator();
    const dev = DEMO_SEED.vpcs['vpc-dev']!;
    const tiny = dev.subnets.find((s) => s.name === 'subnet-dev-eni-tiny')!;
    const created = await create(t, 'starved-cluster', {
      spec: { hostNetwork: { vpc: dev.id, subnet: dev.subnets[0]!.networkId }, eniNetwork: { subnets: [{ subnetID: tiny.subnetId }] } },
    });
    expect(created.status).toBe(201);
    t.advance(120 * SECOND);
    const read = await t.json<ClusterBody>('GET', `${t.base}/clusters/${created.body.metadata.uid}`);
    expect(read.body.status.phase).toBe('Error');
    expect(read.body.status.reason).toBe('CreateClusterFailed');
    expect(read.body.status.message).toMatch(/Insufficient IP addresses in subnet subnet-dev-eni-tiny/);
    const job = await t.json<JobBody>('GET', `${t.base}/jobs/${created.body.status.jobID}`);
    expect(job.body.status.phase).toBe('Failed');
    const phases = job.body.spec.subJobs.map((s) => `${s.spec.type}:${s.status.phase}`);
    expect(phases).toContain('CreateEniNetwork:Failed');
    // "If the deletion fails, subsequent processes are blocked": nothing after the failed step ran.
    expect(phases.at(-1)).toMatch(/:Initializing$/);
  });

  it.each([
    ['a bad name', { metadata: { name: 'Bad_Name' } }, 'CCE.01400001', /metadata\.name/],
    ['a name ending in a hyphen', { metadata: { name: 'ends-with-' } }, 'CCE.01400001', /metadata\.name/],
    ['a wrong flavor', { spec: { flavor: 'cce.s1.small' } }, 'CCE.01400001', /spec\.flavor/],
    ['a wrong category', { spec: { category: 'CCE' } }, 'CCE.01400001', /category/],
    ['a wrong master type', { spec: { type: 'BareMetal' } }, 'CCE.01400001', /type/],
    ['another container network mode', { spec: { containerNetwork: { mode: 'overlay_l2' } } }, 'CCE.01400001', /containerNetwork\.mode/],
    ['a yearly/monthly billing mode', { spec: { billingMode: 1 } }, 'CCE.01400001', /billingMode/],
    ['a name of three characters', { metadata: { name: 'abc' } }, 'CCE.01400001', /metadata\.name/],
    ['a name starting with a digit', { metadata: { name: '1cluster' } }, 'CCE.01400001', /metadata\.name/],
    ['a service CIDR outside the private ranges', { spec: { serviceNetwork: { IPv4CIDR: '8.8.0.0/16' } } }, 'CCE.01400001', /private block/],
    ['a service CIDR with host bits set', { spec: { serviceNetwork: { IPv4CIDR: '10.247.1.0/16' } } }, 'CCE.01400001', /IPv4CIDR/],
    ['an unsupported version', { spec: { version: 'v1.25' } }, 'CCE.01400015', /v1\.27, v1\.28/],
    ['an unknown version', { spec: { version: 'v1.99' } }, 'CCE.01400015', /v1\.99/],
    [
      'a subnet outside the VPC',
      { spec: { hostNetwork: { vpc: 'c6549063-d459-4ae1-9550-b5fec6741b0f', subnet: 'aaaaaaaa-0000-4000-8000-000000000000' } } },
      'CCE.01400002',
      /hostNetwork\.subnet/,
    ],
    [
      'an ENI subnet outside the VPC',
      { spec: { eniNetwork: { subnets: [{ subnetID: 'aaaaaaaa-0000-4000-8000-000000000000' }] } } },
      'CCE.01400002',
      /eniNetwork/,
    ],
    ['an unknown VPC', { spec: { hostNetwork: { vpc: 'aaaaaaaa-0000-4000-8000-000000000000', subnet: 'x' } } }, 'CCE.01400001', /hostNetwork\.vpc/],
    ['a malformed service CIDR', { spec: { serviceNetwork: { IPv4CIDR: '10.247.0.0/33' } } }, 'CCE.01400001', /IPv4CIDR/],
    ['a service CIDR overlapping the VPC', { spec: { serviceNetwork: { IPv4CIDR: '192.168.0.0/16' } } }, 'CCE.01400005', /overlaps VPC vpc-prod/],
    ['IPv6', { spec: { ipv6enable: true } }, 'CCE.01400003', /IPv4 only/],
    ['custom SANs', { spec: { customSan: ['example.com'] } }, 'CCE.01400001', /customSan/],
    ['a forbidden description character', { spec: { description: 'costs $5' } }, 'CCE.01400001', /description/],
    ['too many tags', { spec: { clusterTags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } }, 'CCE.01400001', /20/],
    ['a _sys_ tag', { spec: { clusterTags: [{ key: '_sys_owner', value: 'x' }] } }, 'CCE.01400001', /_sys_/],
    [
      'a broken add-on annotation',
      { metadata: { annotations: { 'cluster.install.addons/install': '[{' } } },
      'CCE.01400001',
      /cluster\.install\.addons\/install/,
    ],
  ])('refuses %s', async (_label, overrides, code, message) => {
    const t = startTestSimulator();
    const body = validCreateBody('valid-name', overrides as Parameters<typeof validCreateBody>[1]);
    if ('metadata' in overrides && overrides.metadata && 'name' in overrides.metadata) body.metadata.name = overrides.metadata.name as string;
    const res = await t.json<CceErrorBody>('POST', `${t.base}/clusters`, { body });
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe(code);
    expect(res.body.errorMessage).toMatch(message);
    expect((await t.json<{ items: unknown[] }>('GET', `${t.base}/clusters`)).body.items).toHaveLength(9);
  });

  it('refuses a kind or apiVersion other than the fixed values, and accepts the lowercase kind the reference allows', async () => {
    const t = startTestSimulator();
    const wrongKind = await t.json<CceErrorBody>('POST', `${t.base}/clusters`, { body: { ...validCreateBody('kind-check'), kind: 'Deployment' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errorCode).toBe('CCE.01400001');
    expect(wrongKind.body.errorMessage).toMatch(/kind/);
    const wrongVersion = await t.json<CceErrorBody>('POST', `${t.base}/clusters`, { body: { ...validCreateBody('kind-check'), apiVersion: 'v1' } });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.errorMessage).toMatch(/apiVersion/);
    expect((await t.json('POST', `${t.base}/clusters`, { body: { ...validCreateBody('kind-check'), kind: 'cluster' } })).status).toBe(201);
  });

  it('refuses a body that is not JSON, or sent with another content type', async () => {
    const t = startTestSimulator();
    const notJson = await t.json<CceErrorBody>('POST', `${t.base}/clusters`, { rawBody: '{"kind":', headers: { 'Content-Type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errorCode).toBe('CCE.01400001');
    const xml = await t.json<CceErrorBody>('POST', `${t.base}/clusters`, { rawBody: '<cluster/>', headers: { 'Content-Type': 'application/xml' } });
    expect(xml.status).toBe(400);
    expect(xml.body.errorCode).toBe('CCE.01400006');
  });

  it('refuses a duplicate name or alias with 409', async () => {
    const t = startTestSimulator();
    const dupName = await create(t, 'prod-search');
    expect(dupName.status).toBe(409);
    expect(dupName.body.errorCode).toBe('CCE.01409001');
    const dupAlias = await create(t, 'another-one', { metadata: { alias: 'payments-prod' } });
    expect(dupAlias.status).toBe(409);
    expect(dupAlias.body.errorMessage).toMatch(/prod-payments/);
  });

  it('enforces the cluster quota and reports it', async () => {
    const t = startTestSimulator({ clusterQuota: 10 });
    const before = await t.json<{ quotas: { quotaKey: string; quotaLimit: number; used: number; unit: string }[] }>('GET', `${t.base}/quotas`);
    expect(before.body.quotas).toEqual([{ quotaKey: 'autopilot_cluster', quotaLimit: 10, used: 9, unit: 'count', regionId: 'ap-southeast-3' }]);
    expect((await create(t, 'tenth-cluster')).status).toBe(201);
    const over = await create(t, 'eleventh-cluster');
    expect(over.status).toBe(400);
    expect(over.body.errorCode).toBe('CCE.01400007');
    expect(over.body.errorMessage).toMatch(/^Insufficient cluster quota\. .*10 of 10/);
    const after = await t.json<{ quotas: { used: number }[] }>('GET', `${t.base}/quotas`);
    expect(after.body.quotas[0]!.used).toBe(10);
  });
});

describe('reading clusters', () => {
  it('lists with the documented filters', async () => {
    const t = startTestSimulator();
    const names = async (query: Record<string, string>) =>
      (await t.json<{ kind: string; items: ClusterBody[] }>('GET', `${t.base}/clusters`, { query })).body.items.map((c) => c.metadata.name).sort();
    expect(await names({ status: 'Available' })).toEqual(['dev-sandbox', 'prod-payments', 'prod-search', 'staging-web']);
    expect(await names({ status: 'Error' })).toEqual(['legacy-reporting']);
    expect(await names({ version: 'v1.25' })).toEqual(['dev-sandbox', 'legacy-reporting']);
    expect(await names({ version: 'v1.28', status: 'Creating' })).toEqual(['ml-inference']);
    expect(await names({ type: 'VirtualMachine' })).toHaveLength(9);
  });

  it('answers 404 CCE.01404001 for an unknown cluster or job', async () => {
    const t = startTestSimulator();
    const cluster = await t.json<CceErrorBody>('GET', `${t.base}/clusters/0a0b0c0d-0000-11ef-8000-0255ac100000`);
    expect(cluster.status).toBe(404);
    expect(cluster.body.errorCode).toBe('CCE.01404001');
    const job = await t.json<CceErrorBody>('GET', `${t.base}/jobs/0a0b0c0d-0000-11ef-8000-0255ac100000`);
    expect(job.status).toBe(404);
  });

  it('lets the seeded Creating cluster finish on its own', async () => {
    const t = startTestSimulator();
    const uid = DEMO_SEED.clusters['ml-inference'];
    expect(await phaseOf(t, uid)).toBe('Creating');
    t.advance(60 * SECOND);
    expect(await phaseOf(t, uid)).toBe('Available');
  });

  it('finishes the seeded upgrade with the new version', async () => {
    const t = startTestSimulator();
    const uid = DEMO_SEED.clusters['analytics-batch'];
    const before = await t.json<ClusterBody>('GET', `${t.base}/clusters/${uid}`);
    expect(before.body.status.phase).toBe('Upgrading');
    expect(before.body.spec.version).toBe('v1.27');
    t.advance(15 * 60 * SECOND);
    const after = await t.json<ClusterBody>('GET', `${t.base}/clusters/${uid}`);
    expect(after.body.status.phase).toBe('Available');
    expect(after.body.spec.version).toBe('v1.28');
    expect(after.body.spec.extendParam).toMatchObject({ upgradefrom: 'v1.27' });
  });
});

describe('updating clusters', () => {
  it('changes description, alias and ENI subnets of an Available cluster', async () => {
    const t = startTestSimulator();
    const uid = DEMO_SEED.clusters['prod-search'];
    const eniB = DEMO_SEED.vpcs['vpc-prod']!.subnets.find((s) => s.name === 'subnet-prod-eni-b')!.subnetId;
    const res = await t.json<ClusterBody>('PUT', `${t.base}/clusters/${uid}`, {
      body: { spec: { description: 'new description', eniNetwork: { subnets: [{ subnetID: eniB }] } }, metadata: { alias: 'search-main' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.spec.description).toBe('new description');
    expect(res.body.metadata.alias).toBe('search-main');
    expect(res.body.spec.eniNetwork).toEqual({ subnets: [{ subnetID: eniB }] });
    const read = await t.json<ClusterBody>('GET', `${t.base}/clusters/${uid}`);
    expect(read.body.spec.description).toBe('new description');
  });

  it('refuses busy clusters with 429 CCE.01429002 and broken ones with 400', async () => {
    const t = startTestSimulator();
    const creating = await t.json<CceErrorBody>('PUT', `${t.base}/clusters/${DEMO_SEED.clusters['ml-inference']}`, { body: { spec: { description: 'x' } } });
    expect(creating.status).toBe(429);
    expect(creating.body.errorCode).toBe('CCE.01429002');
    const upgrading = await t.json<CceErrorBody>('PUT', `${t.base}/clusters/${DEMO_SEED.clusters['analytics-batch']}`, {
      body: { spec: { description: 'x' } },
    });
    expect(upgrading.status).toBe(429);
    const error = await t.json<CceErrorBody>('PUT', `${t.base}/clusters/${DEMO_SEED.clusters['legacy-reporting']}`, { body: { spec: { description: 'x' } } });
    expect(error.status).toBe(400);
    expect(error.body.errorMessage).toMatch(/only for Available clusters/);
  });

  it('refuses a description over 200 characters, a taken alias and a subnet of another VPC', async () => {
    const t = startTestSimulator();
    const path = `${t.base}/clusters/${DEMO_SEED.clusters['prod-search']}`;
    expect((await t.json<CceErrorBody>('PUT', path, { body: { spec: { description: 'x'.repeat(201) } } })).status).toBe(400);
    const alias = await t.json<CceErrorBody>('PUT', path, { body: { spec: {}, metadata: { alias: 'payments-prod' } } });
    expect(alias.status).toBe(409);
    const devSubnet = DEMO_SEED.vpcs['vpc-dev']!.subnets[1]!.subnetId;
    const subnet = await t.json<CceErrorBody>('PUT', path, { body: { spec: { eniNetwork: { subnets: [{ subnetID: devSubnet }] } } } });
    expect(subnet.status).toBe(400);
    expect(subnet.body.errorCode).toBe('CCE.01400002');
  });
});

describe('deleting clusters', () => {
  it('moves Deleting → gone through a deletion job, freeing quota', async () => {
    const t = startTestSimulator();
    const uid = DEMO_SEED.clusters['staging-web'];
    const res = await t.json<ClusterBody>('DELETE', `${t.base}/clusters/${uid}`);
    expect(res.status).toBe(200);
    // The immediate response is the cluster as it was, plus the deletion job (reference example).
    expect(res.body.status.phase).toBe('Available');
    expect(res.body.status.deleteOption).toEqual({ delete_eni: 'delete-block', delete_net: 'delete-block', lts_reclaim_policy: 'Delete_Master_Log_Stream' });
    expect(res.body.status).toHaveProperty('deleteStatus');
    const jobId = res.body.status.jobID!;
    expect(await phaseOf(t, uid)).toBe('Deleting');
    const again = await t.json<CceErrorBody>('DELETE', `${t.base}/clusters/${uid}`);
    expect(again.status).toBe(429);

    const job = await t.json<JobBody>('GET', `${t.base}/jobs/${jobId}`);
    expect(job.body.spec.type).toBe('DeleteCluster');
    expect(job.body.spec.subJobs.map((s) => s.spec.type)).toEqual(['DeleteLoadBalancers', 'DeleteENI', 'DeleteMasterLogStream', 'DeleteMaster']);

    t.advance(15 * SECOND);
    expect(await phaseOf(t, uid)).toBe('Deleting');
    t.advance(20 * SECOND);
    expect(await phaseOf(t, uid)).toBe(404);
    const list = await t.json<{ items: ClusterBody[] }>('GET', `${t.base}/clusters`);
    expect(list.body.items.map((c) => c.metadata.uid)).not.toContain(uid);
    expect((await t.json<JobBody>('GET', `${t.base}/jobs/${jobId}`)).body.status.phase).toBe('Success');
    expect((await t.json<{ quotas: { used: number }[] }>('GET', `${t.base}/quotas`)).body.quotas[0]!.used).toBe(8);
  });

  it('honours the deletion options', async () => {
    const t = startTestSimulator();
    const uid = DEMO_SEED.clusters['dev-sandbox'];
    const res = await t.json<ClusterBody>('DELETE', `${t.base}/clusters/${uid}`, {
      query: { delete_eni: 'try', delete_net: 'false', delete_obs: 'true', delete_efs: 'block', lts_reclaim_policy: 'Retain' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status.deleteOption).toEqual({
      delete_eni: 'delete-try',
      delete_obs: 'delete-block',
      delete_efs: 'delete-block',
      lts_reclaim_policy: 'Retain',
    });
    const job = await t.json<JobBody>('GET', `${t.base}/jobs/${res.body.status.jobID}`);
    expect(job.body.spec.subJobs.map((s) => s.spec.type)).toEqual(['DeleteENI', 'DeleteSFSTurboVolumes', 'DeleteOBSVolumes', 'DeleteMaster']);
  });

  it('refuses an undocumented option value, and a cluster that is being created', async () => {
    const t = startTestSimulator();
    const bad = await t.json<CceErrorBody>('DELETE', `${t.base}/clusters/${DEMO_SEED.clusters['dev-sandbox']}`, { query: { delete_eni: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errorCode).toBe('CCE.01400001');
    const creating = await t.json<CceErrorBody>('DELETE', `${t.base}/clusters/${DEMO_SEED.clusters['ml-inference']}`);
    expect(creating.status).toBe(429);
  });

  it('deletes clusters in Error and releases their EIP', async () => {
    const t = startTestSimulator();
    const broken = await t.json<ClusterBody>('DELETE', `${t.base}/clusters/${DEMO_SEED.clusters['legacy-reporting']}`);
    expect(broken.status).toBe(200);
    const payments = DEMO_SEED.clusters['prod-payments'];
    await t.json('DELETE', `${t.base}/clusters/${payments}`);
    t.advance(60 * SECOND);
    // The EIP that was bound to prod-payments can now be bound elsewhere.
    const bind = await t.json('PUT', `${t.base}/clusters/${DEMO_SEED.clusters['prod-search']}/mastereip`, {
      body: { spec: { action: 'bind', spec: { id: DEMO_SEED.eips[0]!.id } } },
    });
    expect(bind.status).toBe(200);
  });
});
