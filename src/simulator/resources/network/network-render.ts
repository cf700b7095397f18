import type { Publicip, Subnet, Vpc } from '../../../contract/network.ts';
import { seededUuidV4 } from '../../ids.ts';
import type { EipRecord, SubnetRecord, VpcRecord } from './network-model.ts';
import type { SimulatorStore } from '../../store.ts';

/**
 * When the seeded networks were made. The VPCs, subnets and EIPs of every seed predate the clusters
 * and never change their creation time, so one fixed instant keeps answers reproducible.
 */
export const NETWORK_CREATED_AT = Date.UTC(2024, 0, 15, 2, 0, 0);

/** `yyyy-MM-dd HH:mm:ss`, UTC: the VPC v1 API's time format (no `T`, no zone). */
function vpcTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The first usable address of an IPv4 CIDR (x.y.z.0/24 → x.y.z.1): where Huawei puts the gateway by default. */
function gatewayOf(cidr: string): string {
  const [base] = cidr.split('/');
  const parts = base!.split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join('.');
}

export function renderVpc(store: SimulatorStore, vpc: VpcRecord): Vpc {
  return {
    id: vpc.id,
    name: vpc.name,
    description: '',
    cidr: vpc.cidr,
    status: 'OK',
    routes: [],
    enable_shared_snat: false,
    enterprise_project_id: '0',
    tenant_id: store.settings.projectId,
    created_at: vpcTime(NETWORK_CREATED_AT),
    updated_at: vpcTime(NETWORK_CREATED_AT),
  };
}

export function renderSubnet(store: SimulatorStore, vpc: VpcRecord, subnet: SubnetRecord): Subnet {
  return {
    // The v1 API's `id` is the network id (the console calls it "Network ID"); the IPv4 subnet id is `neutron_subnet_id`.
    id: subnet.networkId,
    name: subnet.name,
    description: '',
    cidr: subnet.cidr,
    gateway_ip: gatewayOf(subnet.cidr),
    ipv6_enable: false,
    dhcp_enable: true,
    primary_dns: '100.125.1.250',
    secondary_dns: '100.125.64.250',
    dnsList: ['100.125.1.250', '100.125.64.250'],
    availability_zone: `${store.settings.region}a`,
    vpc_id: vpc.id,
    status: 'ACTIVE',
    neutron_network_id: subnet.networkId,
    neutron_subnet_id: subnet.subnetId,
    extra_dhcp_opts: [],
    scope: 'center',
    tenant_id: store.settings.projectId,
    created_at: vpcTime(NETWORK_CREATED_AT),
    updated_at: vpcTime(NETWORK_CREATED_AT),
  };
}

/** Bound EIPs are `ACTIVE` on the port of the cluster's API server; free ones are `DOWN`. */
export function renderPublicip(store: SimulatorStore, eip: EipRecord): Publicip {
  const cluster = eip.boundTo ? store.clusters.get(eip.boundTo) : undefined;
  return {
    id: eip.id,
    alias: '',
    status: cluster ? 'ACTIVE' : 'DOWN',
    type: '5_bgp',
    public_ip_address: eip.address,
    ip_version: 4,
    ...(cluster ? { port_id: cluster.portId, private_ip_address: cluster.privateIp } : {}),
    tenant_id: store.settings.projectId,
    create_time: vpcTime(NETWORK_CREATED_AT),
    bandwidth_id: seededUuidV4(`bandwidth:${eip.id}`),
    bandwidth_name: `bandwidth-${eip.address.replace(/\./g, '-')}`,
    bandwidth_share_type: eip.shareType,
    bandwidth_size: eip.bandwidthSize,
    enterprise_project_id: '0',
  };
}
