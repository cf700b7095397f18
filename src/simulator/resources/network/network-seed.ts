/**
 * The demo project's network, the same in every seed so that creating a cluster works in each: three
 * VPCs with their subnets (one nearly exhausted, to show a failing creation) and four EIPs.
 */
import { seededUuidV4 } from '../../ids.ts';
import type { SimulatorStore } from '../../store.ts';
import type { EipRecord, VpcRecord } from './network-model.ts';

function subnet(key: string, name: string, cidr: string, freeIps: number, ids: { networkId?: string; subnetId?: string } = {}) {
  return {
    networkId: ids.networkId ?? seededUuidV4(`${key}/network`),
    subnetId: ids.subnetId ?? seededUuidV4(`${key}/subnet`),
    name,
    cidr,
    freeIps,
  };
}

/** VPCs of the demo project. The first reuses the ids of the reference's create example. */
function demoVpcs(): VpcRecord[] {
  return [
    {
      id: 'c6549063-d459-4ae1-9550-b5fec6741b0f',
      name: 'vpc-prod',
      cidr: '192.168.0.0/16',
      subnets: [
        subnet('prod-master', 'subnet-prod-master', '192.168.0.0/24', 211, { networkId: '3b18c2d5-b352-4f59-b421-c2d2d48a1333' }),
        subnet('prod-eni-a', 'subnet-prod-eni-a', '192.168.16.0/20', 3_871, { subnetId: '186f9322-50c5-4e5a-91e3-47da86959afc' }),
        subnet('prod-eni-b', 'subnet-prod-eni-b', '192.168.32.0/20', 4_012),
      ],
    },
    {
      id: seededUuidV4('vpc-dev'),
      name: 'vpc-dev',
      cidr: '172.16.0.0/16',
      subnets: [
        subnet('dev-master', 'subnet-dev-master', '172.16.0.0/24', 240),
        subnet('dev-eni', 'subnet-dev-eni', '172.16.16.0/20', 3_990),
        // Nearly exhausted: a cluster created with it as ENI subnet fails in CreateEniNetwork.
        subnet('dev-eni-tiny', 'subnet-dev-eni-tiny', '172.16.255.240/28', 3),
      ],
    },
    {
      id: seededUuidV4('vpc-analytics'),
      name: 'vpc-analytics',
      cidr: '10.10.0.0/16',
      subnets: [
        subnet('analytics-master', 'subnet-analytics-master', '10.10.0.0/24', 198),
        subnet('analytics-eni', 'subnet-analytics-eni', '10.10.64.0/18', 16_102),
      ],
    },
  ];
}

function demoEips(): EipRecord[] {
  // Addresses from the documentation ranges (RFC 5737), so no real host is ever named.
  return [
    { id: seededUuidV4('eip-payments'), address: '203.0.113.24', bandwidthSize: 5, shareType: 'PER' },
    { id: seededUuidV4('eip-spare-1'), address: '203.0.113.57', bandwidthSize: 10, shareType: 'PER' },
    { id: seededUuidV4('eip-spare-2'), address: '198.51.100.9', bandwidthSize: 20, shareType: 'WHOLE' },
    { id: seededUuidV4('eip-spare-3'), address: '198.51.100.142', bandwidthSize: 5, shareType: 'PER' },
  ];
}

/** The demo VPCs and EIPs, as seeded (callers copy before changing anything). */
export const DEMO_VPCS: readonly VpcRecord[] = demoVpcs();
export const DEMO_EIPS: readonly EipRecord[] = demoEips();

export function seedNetwork(store: SimulatorStore): void {
  for (const vpc of DEMO_VPCS) store.vpcs.set(vpc.id, { ...vpc, subnets: vpc.subnets.map((s) => ({ ...s })) });
  for (const eip of DEMO_EIPS) store.eips.set(eip.id, { ...eip });
}
