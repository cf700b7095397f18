import { describe, expect, it } from 'vitest';
import { networkOperations } from '../../../contract/network.ts';
import { DEMO_SEED } from '../../seed.ts';
import { startTestSimulator } from '../../test-support.ts';

interface ErrorBody {
  error_code: string;
  error_msg: string;
}

const prod = DEMO_SEED.vpcs['vpc-prod']!;

describe('network look-ups (VPC service API v1)', () => {
  it('lists the VPCs of the project with name, CIDR and status, in the documented shape', async () => {
    const t = startTestSimulator();
    const res = await t.json<{ vpcs: Record<string, unknown>[] }>('GET', `/v1/${t.sim.projectId}/vpcs`);
    expect(res.status).toBe(200);
    expect(res.body.vpcs.map((v) => v.name)).toEqual(['vpc-prod', 'vpc-dev', 'vpc-analytics']);
    expect(res.body.vpcs[0]).toMatchObject({ id: prod.id, cidr: prod.cidr, status: 'OK', enterprise_project_id: '0' });
    expect(networkOperations.listVpcs.response.safeParse(res.body).success).toBe(true);
  });

  it('lists the subnets of one VPC: network id as `id`, IPv4 subnet id as `neutron_subnet_id`', async () => {
    const t = startTestSimulator();
    const res = await t.json<{ subnets: Record<string, unknown>[] }>('GET', `/v1/${t.sim.projectId}/subnets`, { query: { vpc_id: prod.id } });
    expect(res.status).toBe(200);
    expect(res.body.subnets).toHaveLength(prod.subnets.length);
    expect(res.body.subnets[0]).toMatchObject({
      id: prod.subnets[0]!.networkId,
      neutron_network_id: prod.subnets[0]!.networkId,
      neutron_subnet_id: prod.subnets[0]!.subnetId,
      name: 'subnet-prod-master',
      cidr: '192.168.0.0/24',
      gateway_ip: '192.168.0.1',
      vpc_id: prod.id,
      status: 'ACTIVE',
    });
    const all = await t.json<{ subnets: unknown[] }>('GET', `/v1/${t.sim.projectId}/subnets`);
    expect(all.body.subnets.length).toBeGreaterThan(prod.subnets.length);
    const none = await t.json<{ subnets: unknown[] }>('GET', `/v1/${t.sim.projectId}/subnets`, { query: { vpc_id: 'no-such-vpc' } });
    expect(none.body.subnets).toEqual([]);
  });

  it('pages with marker and limit, and refuses a marker that names no record', async () => {
    const t = startTestSimulator();
    const first = await t.json<{ vpcs: { id: string; name: string }[] }>('GET', `/v1/${t.sim.projectId}/vpcs`, { query: { limit: '2' } });
    expect(first.body.vpcs.map((v) => v.name)).toEqual(['vpc-prod', 'vpc-dev']);
    const next = await t.json<{ vpcs: { name: string }[] }>('GET', `/v1/${t.sim.projectId}/vpcs`, { query: { limit: '2', marker: first.body.vpcs[1]!.id } });
    expect(next.body.vpcs.map((v) => v.name)).toEqual(['vpc-analytics']);
    const bad = await t.json<ErrorBody>('GET', `/v1/${t.sim.projectId}/vpcs`, { query: { marker: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('VPC.0002');
    const badLimit = await t.json<ErrorBody>('GET', `/v1/${t.sim.projectId}/vpcs`, { query: { limit: 'ten' } });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error_msg).toMatch(/limit/);
  });

  it("lists elastic IPs with their status: the bound one ACTIVE on the cluster's port, the others DOWN; binding changes it", async () => {
    const t = startTestSimulator();
    const list = async () => (await t.json<{ publicips: Record<string, unknown>[] }>('GET', `/v1/${t.sim.projectId}/publicips`)).body.publicips;
    const before = await list();
    expect(before.map((e) => [e.public_ip_address, e.status])).toEqual(DEMO_SEED.eips.map((e, i) => [e.address, i === 0 ? 'ACTIVE' : 'DOWN']));
    expect(before[0]).toMatchObject({
      port_id: expect.any(String),
      private_ip_address: expect.any(String),
      bandwidth_size: 5,
      bandwidth_share_type: 'PER',
      ip_version: 4,
    });
    expect(before[1]!.port_id).toBeUndefined();
    expect(before[0]!.create_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const search = DEMO_SEED.clusters['prod-search'];
    const bind = await t.call('PUT', `${t.base}/clusters/${search}/mastereip`, { body: { spec: { action: 'bind', spec: { id: DEMO_SEED.eips[2]!.id } } } });
    expect(bind.status).toBe(200);
    expect((await list())[2]!.status).toBe('ACTIVE');

    const byPort = await t.json<{ publicips: { id: string }[] }>('GET', `/v1/${t.sim.projectId}/publicips`, { query: { port_id: String(before[0]!.port_id) } });
    expect(byPort.body.publicips.map((e) => e.id)).toEqual([DEMO_SEED.eips[0]!.id]);
  });

  it('checks the signature and the project like every other call', async () => {
    const t = startTestSimulator();
    const unsigned = await t.json<ErrorBody>('GET', `/v1/${t.sim.projectId}/vpcs`, { unsigned: true });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error_code).toBe('APIGW.0301');
    const other = await t.call('GET', '/v1/0123456789abcdef0123456789abcdef/vpcs');
    expect(other.status).toBe(403);
    const write = await t.call('POST', `/v1/${t.sim.projectId}/vpcs`, { body: {} });
    expect(write.status).toBe(404);
  });
});
