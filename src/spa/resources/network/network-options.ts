import type { Publicip, Subnet, Vpc } from '../../../contract/network.ts';
import { isFreeEip } from '../../../contract/network.ts';

/** One choice of a picker: the id sent to the API, and what the operator reads. */
export interface NetworkOption {
  value: string;
  label: string;
}

/** `vpc-prod (192.168.0.0/16)`; a VPC without a name or CIDR shows its id. */
export function vpcLabel(vpc: Vpc): string {
  const name = vpc.name || vpc.id;
  return vpc.cidr ? `${name} (${vpc.cidr})` : name;
}

/** `subnet-prod-master (192.168.0.0/24)`. */
export function subnetLabel(subnet: Subnet): string {
  const name = subnet.name || subnet.id;
  return subnet.cidr ? `${name} (${subnet.cidr})` : name;
}

/**
 * Keeps a value chosen earlier (a restored draft, an id typed while the look-up failed) among the
 * choices, shown as its bare id, so a picker never silently drops what the form holds.
 */
function withCurrent(options: NetworkOption[], current: readonly string[]): NetworkOption[] {
  const known = new Set(options.map((o) => o.value));
  const extra = current.filter((id) => id && !known.has(id)).map((id) => ({ value: id, label: id }));
  return [...options, ...extra];
}

export function vpcOptions(vpcs: readonly Vpc[], current: string): NetworkOption[] {
  return withCurrent(
    vpcs.map((v) => ({ value: v.id, label: vpcLabel(v) })),
    [current],
  );
}

/**
 * Host subnets of a VPC: CCE's `spec.hostNetwork.subnet` names the subnet's network id (the v1 `id`).
 * Only subnets of `vpcId` are offered, whatever the answer holds.
 */
export function hostSubnetOptions(subnets: readonly Subnet[], vpcId: string, current: string): NetworkOption[] {
  return withCurrent(
    subnets.filter((s) => !s.vpc_id || s.vpc_id === vpcId).map((s) => ({ value: s.id, label: subnetLabel(s) })),
    [current],
  );
}

/** ENI subnets of a VPC: CCE's `spec.eniNetwork.subnets[].subnetID` names the IPv4 subnet id (`neutron_subnet_id`). */
export function eniSubnetOptions(subnets: readonly Subnet[], vpcId: string, current: readonly string[]): NetworkOption[] {
  return withCurrent(
    subnets.filter((s) => (!s.vpc_id || s.vpc_id === vpcId) && s.neutron_subnet_id).map((s) => ({ value: s.neutron_subnet_id!, label: subnetLabel(s) })),
    current,
  );
}

/** The EIPs that may be bound now (unbound), by address, lowest address first. */
export function freeEips(eips: readonly Publicip[]): Publicip[] {
  return eips.filter(isFreeEip).sort((a, b) => (a.public_ip_address ?? a.id).localeCompare(b.public_ip_address ?? b.id, 'en', { numeric: true }));
}
