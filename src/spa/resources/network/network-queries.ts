import { listPublicips, listSubnets, listVpcs } from '../../../contract/network.ts';
import { operationQuery } from '../../shared/api/operation-query.ts';

/** VPCs and subnets change rarely while someone fills in a form: read once a minute at most. */
const NETWORK_STALE_MS = 60_000;

/**
 * The VPC service's read-only look-ups (through the BFF's `/api/vpc`): what the console offers by
 * name, CIDR and address instead of bare ids. Cloud accounts may refuse them (no VPC permission): every
 * user of these queries keeps a way to type the id.
 */
export const networkQueries = {
  vpcs: () => operationQuery(listVpcs, { params: {} }, { staleTime: NETWORK_STALE_MS }),
  /** The subnets of one VPC. */
  subnets: (vpcId: string) => operationQuery(listSubnets, { params: {}, query: { vpc_id: vpcId } }, { staleTime: NETWORK_STALE_MS }),
  /** The project's elastic IPs with their status (read fresh: which are bound changes with every bind). */
  eips: () => operationQuery(listPublicips, { params: {} }),
};
