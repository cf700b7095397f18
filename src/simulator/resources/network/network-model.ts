/**
 * The project's network as the simulator keeps it: VPCs with their subnets, and EIPs. CCE Autopilot
 * has no API for them; clusters name them by id, and the simulator checks those ids and their room.
 */

export interface SubnetRecord {
  /** Network ID: what `spec.hostNetwork.subnet` names. */
  networkId: string;
  /** IPv4 subnet ID: what `spec.eniNetwork.subnets[].subnetID` names. */
  subnetId: string;
  name: string;
  cidr: string;
  /** Free addresses; an ENI subnet with fewer than {@link MIN_FREE_ENI_IPS} makes creation fail. */
  freeIps: number;
}

export interface VpcRecord {
  id: string;
  name: string;
  cidr: string;
  subnets: SubnetRecord[];
}

export interface EipRecord {
  id: string;
  address: string;
  bandwidthSize: number;
  shareType: 'PER' | 'WHOLE';
  /** Cluster the EIP is bound to as its public API-server address. */
  boundTo?: string;
}

/** An ENI subnet needs room for the control plane's ENIs (master VIP, ELB, first pods). */
export const MIN_FREE_ENI_IPS = 8;
