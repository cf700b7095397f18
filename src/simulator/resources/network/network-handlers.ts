import type { NetworkOperationName, NetworkOperations } from '../../../contract/network.ts';
import type { Handler } from '../../handler.ts';
import { SimulatorError, jsonResponse } from '../../http.ts';
import type { SimulatorStore } from '../../store.ts';
import { renderPublicip, renderSubnet, renderVpc } from './network-render.ts';

/** The VPC service's default page size ("the default value is 2000"). */
const DEFAULT_LIMIT = 2000;

/**
 * An error of the VPC service. AMBIG: the v1 pages do not show an error body; the simulator answers in
 * Huawei's generic shape (`error_code`/`error_msg`), which the console reads for every service.
 */
export function vpcError(status: 400 | 404, code: string, message: string): SimulatorError {
  return new SimulatorError(status, { error_code: code, error_msg: message });
}

/**
 * Marker + limit paging as the VPC v1 lists document it: the page starts after the record whose id is
 * `marker` and holds at most `limit` records. AMBIG: the reference does not say what an unknown marker
 * does; the simulator refuses it (400) rather than silently returning the first page again.
 */
function page<T extends { id: string }>(items: readonly T[], query: { marker?: string | undefined; limit?: string | undefined }): T[] {
  let start = 0;
  if (query.marker !== undefined) {
    const at = items.findIndex((i) => i.id === query.marker);
    if (at < 0) throw vpcError(400, 'VPC.0002', `marker: no record has id ${query.marker}.`);
    start = at + 1;
  }
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  return items.slice(start, start + limit);
}

function asList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function listVpcs(
  store: SimulatorStore,
  query: { id?: string | undefined; enterprise_project_id?: string | undefined; marker?: string | undefined; limit?: string | undefined },
) {
  let vpcs = [...store.vpcs.values()].map((v) => renderVpc(store, v));
  if (query.id !== undefined) vpcs = vpcs.filter((v) => v.id === query.id);
  if (query.enterprise_project_id !== undefined && query.enterprise_project_id !== 'all_granted_eps') {
    vpcs = vpcs.filter((v) => v.enterprise_project_id === query.enterprise_project_id);
  }
  return jsonResponse(200, { vpcs: page(vpcs, query) });
}

function listSubnets(store: SimulatorStore, query: { vpc_id?: string | undefined; marker?: string | undefined; limit?: string | undefined }) {
  const subnets = [...store.vpcs.values()]
    .filter((v) => query.vpc_id === undefined || v.id === query.vpc_id)
    .flatMap((v) => v.subnets.map((s) => renderSubnet(store, v, s)));
  return jsonResponse(200, { subnets: page(subnets, query) });
}

function listPublicips(
  store: SimulatorStore,
  query: {
    id?: string | string[] | undefined;
    port_id?: string | string[] | undefined;
    public_ip_address?: string | string[] | undefined;
    ip_version?: string | undefined;
    enterprise_project_id?: string | undefined;
    marker?: string | undefined;
    limit?: string | undefined;
  },
) {
  const ids = asList(query.id);
  const ports = asList(query.port_id);
  const addresses = asList(query.public_ip_address);
  const publicips = [...store.eips.values()]
    .map((e) => renderPublicip(store, e))
    .filter((e) => !ids || ids.includes(e.id))
    .filter((e) => !ports || (e.port_id !== undefined && ports.includes(e.port_id)))
    .filter((e) => !addresses || (e.public_ip_address !== undefined && addresses.includes(e.public_ip_address)))
    .filter((e) => query.ip_version === undefined || String(e.ip_version) === query.ip_version)
    .filter(
      (e) =>
        query.enterprise_project_id === undefined ||
        query.enterprise_project_id === 'all_granted_eps' ||
        e.enterprise_project_id === query.enterprise_project_id,
    );
  return jsonResponse(200, { publicips: page(publicips, query) });
}

/** One handler per network look-up, checked at compile time like the CCE handler map. */
export const networkHandlers = {
  listVpcs: ({ query, store }) => listVpcs(store, query),
  listSubnets: ({ query, store }) => listSubnets(store, query),
  listPublicips: ({ query, store }) => listPublicips(store, query),
} satisfies { [K in NetworkOperationName]: Handler<NetworkOperations[K]> };
