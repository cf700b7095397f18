import { updateClusterBodySchema, type Cluster, type UpdateClusterBody } from '../../../contract/clusters.ts';
import type { ApiError } from '../../shared/api/api-error.ts';
import { apiErrorToFieldErrors, issuesToFieldErrors, type FieldErrors } from '../../shared/forms/field-errors.ts';

/** What the edit tab lets an operator change: the three fields `UpdateAutopilotCluster` takes. */
export interface ClusterEditForm {
  alias: string;
  description: string;
  eniSubnets: string[];
}

type ClusterEditErrors = FieldErrors<keyof ClusterEditForm>;

export function clusterEditInitialValues(cluster: Cluster): ClusterEditForm {
  return {
    alias: cluster.metadata.alias ?? '',
    description: cluster.spec?.description ?? '',
    eniSubnets: (cluster.spec?.eniNetwork?.subnets ?? []).map((s) => s.subnetID ?? '').filter(Boolean),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The update request for what changed, and nothing else: an unchanged subnet list is left out, so
 * saving a new description never re-validates (or re-orders) the container subnets. `spec` is
 * mandatory in the request, so it is always there, possibly empty.
 */
export function buildUpdateRequest(initial: ClusterEditForm, values: ClusterEditForm): UpdateClusterBody {
  const alias = values.alias.trim();
  const subnets = values.eniSubnets.map((s) => s.trim()).filter(Boolean);
  return {
    spec: {
      ...(values.description !== initial.description ? { description: values.description } : {}),
      ...(!sameList(subnets, initial.eniSubnets) ? { eniNetwork: { subnets: subnets.map((subnetID) => ({ subnetID })) } } : {}),
    },
    ...(alias !== initial.alias.trim() ? { metadata: { alias } } : {}),
  };
}

export function hasChanges(body: UpdateClusterBody): boolean {
  return Object.keys(body.spec).length > 0 || body.metadata !== undefined;
}

/** The form field a request path (`metadata.alias`, `spec.eniNetwork.subnets.0.subnetID`, …) belongs to. */
function fieldOfPath(path: string): keyof ClusterEditForm | undefined {
  if (path.startsWith('metadata.alias')) return 'alias';
  if (path.startsWith('spec.description')) return 'description';
  if (path.startsWith('spec.eniNetwork')) return 'eniSubnets';
  return undefined;
}

/**
 * Validates with the contract's own update schema, so the console refuses exactly what the API
 * would (0–200 characters, the forbidden characters, the alias rules) before anything is sent.
 * An empty subnet list is refused too: the subnets are where the cluster's pods get their ENIs.
 */
export function validateClusterEdit(initial: ClusterEditForm, messages: { noSubnets: string }) {
  return (values: ClusterEditForm): ClusterEditErrors => {
    const parsed = updateClusterBodySchema.safeParse(buildUpdateRequest(initial, values));
    const errors: ClusterEditErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, fieldOfPath);
    if (!errors.eniSubnets && values.eniSubnets.every((s) => !s.trim())) errors.eniSubnets = messages.noSubnets;
    return errors;
  };
}

/**
 * Where a refusal from the API belongs (see `apiErrorToFieldErrors`); failing a field error or a
 * request path before the message, the documented code — 409 CCE.01409001 on an update can only
 * be the alias (it must be unique) and CCE.01400002 "Subnet not found in the VPC." the ENI subnets.
 * Anything else concerns no one field.
 */
export function apiErrorToEditErrors(error: ApiError): ClusterEditErrors {
  return apiErrorToFieldErrors(error, fieldOfPath, ({ code }) => (code === 'CCE.01409001' ? 'alias' : code === 'CCE.01400002' ? 'eniSubnets' : undefined));
}

type ClusterChangeBlock = { kind: 'locked'; scene: string } | { kind: 'phase'; phase: string };

/**
 * Why this cluster cannot be changed now, or null while it can: a billing lock (`status.isLocked`,
 * e.g. scene ARREAR) first, then any phase other than Available — CCE refuses changes to a cluster
 * that is creating, upgrading, hibernated, in error… with CCE.01429002.
 */
export function clusterChangeBlock(cluster: Cluster): ClusterChangeBlock | null {
  const status = cluster.status;
  if (status?.isLocked) return { kind: 'locked', scene: status.lockScene || '—' };
  const phase = status?.phase ?? 'Unknown';
  return phase === 'Available' ? null : { kind: 'phase', phase };
}
