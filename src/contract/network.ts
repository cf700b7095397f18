import { z } from 'zod';
import { itemsList, looseObject, openEnum, pathSegmentSchema, projectIdParam } from './common.ts';
import { defineOperation, type OperationDefinition } from './define-operation.ts';
import { createOperationMatcher } from './paths.ts';

// Read-only network look-ups of the VPC service (API v1), used to offer VPCs, subnets and free
// elastic IPs by name, CIDR and address instead of bare ids. They are not CCE operations: they are
// served by the VPC endpoint of the region (`https://vpc.{region}.myhuaweicloud.com`), signed the same
// way. Fields as Huawei's VPC API reference names them ("Querying VPCs", "Querying Subnets",
// "Querying EIPs"); responses are lenient like every other.

// ---------------------------------------------------------------------------------------------
// Queries (marker + limit pagination, as in every VPC v1 list)
// ---------------------------------------------------------------------------------------------

/** `limit`: records per page, 0 to 2^31-1; the service's default is 2000. */
const limitSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'limit must be a whole number')
  .refine((v) => Number(v) <= 2_147_483_647, 'limit must be at most 2147483647');

const paginationQuery = {
  /** Id of the last record of the previous page; the page starts after it. */
  marker: pathSegmentSchema.optional(),
  limit: limitSchema.optional(),
};

/** An id or a repeated id filter (the EIP list documents its filters as arrays). */
const idFilter = z.union([pathSegmentSchema, z.array(pathSegmentSchema).max(100)]);

export const listVpcsQuerySchema = z.object({
  ...paginationQuery,
  /** Only the VPC with this id. */
  id: pathSegmentSchema.optional(),
  /** Only VPCs of this enterprise project (`0` is the default one; `all_granted_eps` every one granted). */
  enterprise_project_id: pathSegmentSchema.optional(),
});

export const listSubnetsQuerySchema = z.object({
  ...paginationQuery,
  /** Only subnets of this VPC. */
  vpc_id: pathSegmentSchema.optional(),
});

export const listPublicipsQuerySchema = z.object({
  ...paginationQuery,
  /** 4 or 6. */
  ip_version: z.enum(['4', '6'], { error: 'ip_version must be 4 or 6' }).optional(),
  enterprise_project_id: pathSegmentSchema.optional(),
  /** Only EIPs bound to these ports. */
  port_id: idFilter.optional(),
  /** Only these addresses. */
  public_ip_address: z.union([z.string().max(64), z.array(z.string().max(64)).max(100)]).optional(),
  /** Only these EIPs. */
  id: idFilter.optional(),
});

// ---------------------------------------------------------------------------------------------
// Objects (responses: lenient)
// ---------------------------------------------------------------------------------------------

/** `status` of a VPC. */
export const VPC_STATUSES = ['CREATING', 'OK'] as const;

export const vpcSchema = looseObject({
  id: z.string(),
  /** 0–64 characters; unique in the project when not empty. */
  name: z.string().optional(),
  description: z.string().optional(),
  /** Range the VPC's subnets are taken from, e.g. `192.168.0.0/16`; empty when not set. */
  cidr: z.string().optional(),
  status: openEnum(VPC_STATUSES).optional(),
  enterprise_project_id: z.string().optional(),
});
export type Vpc = z.infer<typeof vpcSchema>;

/** `status` of a subnet. */
export const SUBNET_STATUSES = ['ACTIVE', 'UNKNOWN', 'ERROR'] as const;

export const subnetSchema = looseObject({
  /** The subnet's network id: what CCE's `spec.hostNetwork.subnet` names (equal to `neutron_network_id`). */
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  /** IPv4 range, e.g. `192.168.0.0/24`. */
  cidr: z.string().optional(),
  gateway_ip: z.string().optional(),
  availability_zone: z.string().optional(),
  vpc_id: z.string().optional(),
  status: openEnum(SUBNET_STATUSES).optional(),
  neutron_network_id: z.string().optional(),
  /** IPv4 subnet id: what CCE's `spec.eniNetwork.subnets[].subnetID` names. */
  neutron_subnet_id: z.string().optional(),
  ipv6_enable: z.boolean().optional(),
  dhcp_enable: z.boolean().optional(),
});
export type Subnet = z.infer<typeof subnetSchema>;

/** `status` of an elastic IP: `DOWN` is unbound (free to bind), `ACTIVE` bound, the rest in motion or broken. */
export const PUBLICIP_STATUSES = [
  'FREEZED',
  'BIND_ERROR',
  'BINDING',
  'PENDING_DELETE',
  'PENDING_CREATE',
  'PENDING_UPDATE',
  'NOTIFYING',
  'NOTIFY_DELETE',
  'DOWN',
  'ACTIVE',
  'ELB',
  'VPN',
  'ERROR',
] as const;

export const publicipSchema = looseObject({
  id: z.string(),
  status: openEnum(PUBLICIP_STATUSES).optional(),
  /** e.g. `5_bgp`. */
  type: z.string().optional(),
  public_ip_address: z.string().optional(),
  ip_version: z.number().optional(),
  /** Private address of the port it is bound to; absent when unbound. */
  private_ip_address: z.string().optional(),
  /** Port it is bound to; absent when unbound. */
  port_id: z.string().optional(),
  bandwidth_id: z.string().optional(),
  bandwidth_name: z.string().optional(),
  /** Mbit/s. */
  bandwidth_size: z.number().optional(),
  /** `PER` (dedicated) or `WHOLE` (shared). */
  bandwidth_share_type: z.string().optional(),
  /** `yyyy-MM-dd HH:mm:ss` (UTC). */
  create_time: z.string().optional(),
  enterprise_project_id: z.string().optional(),
  alias: z.string().optional(),
});
export type Publicip = z.infer<typeof publicipSchema>;

/** Whether an EIP may be bound to a cluster now: only unbound (`DOWN`) ones may. */
export function isFreeEip(eip: Publicip): boolean {
  return eip.status === 'DOWN' && !eip.port_id;
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const projectParams = z.object({ project_id: projectIdParam });

export const listVpcs = defineOperation({
  id: 'ListVpcs',
  title: 'Querying VPCs',
  resource: 'network',
  service: 'vpc',
  method: 'GET',
  path: '/v1/{project_id}/vpcs',
  params: projectParams,
  query: listVpcsQuerySchema,
  body: null,
  response: looseObject({ vpcs: itemsList(vpcSchema) }),
  successStatus: 200,
});

export const listSubnets = defineOperation({
  id: 'ListSubnets',
  title: 'Querying Subnets',
  resource: 'network',
  service: 'vpc',
  method: 'GET',
  path: '/v1/{project_id}/subnets',
  params: projectParams,
  query: listSubnetsQuerySchema,
  body: null,
  response: looseObject({ subnets: itemsList(subnetSchema) }),
  successStatus: 200,
});

export const listPublicips = defineOperation({
  id: 'ListPublicips',
  title: 'Querying EIPs',
  resource: 'network',
  service: 'vpc',
  method: 'GET',
  path: '/v1/{project_id}/publicips',
  params: projectParams,
  query: listPublicipsQuerySchema,
  body: null,
  response: looseObject({ publicips: itemsList(publicipSchema) }),
  successStatus: 200,
});

/**
 * The network look-ups, a registry of their own: they are not part of the CCE Autopilot reference's
 * 50 operations (operations.ts), and they go to another endpoint. Read-only by construction: every
 * one is a GET.
 */
export const networkOperations = { listVpcs, listSubnets, listPublicips } as const;
export type NetworkOperations = typeof networkOperations;
export type NetworkOperationName = keyof NetworkOperations;
export const networkOperationList: readonly OperationDefinition[] = Object.values(networkOperations);
export const matchNetworkOperation = createOperationMatcher(networkOperationList);
