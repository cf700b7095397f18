import type { OperationDefinition } from '../../contract/define-operation.ts';

/**
 * What an audit entry records of a CCE call: the operation, its target, and an outline of the request
 * made only of descriptive fields. Values, passwords, certificates and Helm values never enter the
 * trail: fields are copied by an allow-list of names, not filtered by a deny-list.
 */
const DESCRIPTIVE_FIELDS = new Set([
  'name',
  'alias',
  'version',
  'targetVersion',
  'clusterVersion',
  'namespace',
  'chart_id',
  'action',
  'clusterID',
  'addonTemplateName',
  'phase',
  'category',
  'type',
  'flavor',
  'billingMode',
  'duration',
  'spec_id',
  'key',
  'release_version',
]);

const TARGET_KIND: Record<string, string> = {
  clusters: 'cluster',
  jobs: 'job',
  quotas: 'project',
  tags: 'cluster',
  addons: 'addon',
  upgrades: 'cluster',
  charts: 'chart',
  releases: 'release',
};

function outline(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => outline(v, depth + 1)).filter((v) => v !== undefined);
    return items.length > 0 ? items.slice(0, 25) : undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DESCRIPTIVE_FIELDS.has(key) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      out[key] = typeof v === 'string' ? v.slice(0, 200) : v;
    } else {
      const nested = outline(v, depth + 1);
      if (nested !== undefined) out[key] = nested;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export interface AuditTarget {
  kind: string;
  id: string | null;
  /** Its name as the request or the answer gives it; null when neither does (see `needsNameLookup`). */
  name: string | null;
}

/** `metadata.name` (CCE objects) or `name` (charts, releases) of a body, when it is a string. */
export function nameIn(body: unknown): string | null {
  const object = body as { metadata?: { name?: unknown }; name?: unknown } | undefined;
  const name = object?.metadata?.name ?? object?.name;
  return typeof name === 'string' && name !== '' ? name.slice(0, 200) : null;
}

/** A cluster's name when the call is about that cluster: the answer or the body must be the cluster itself (not a job or a task). */
function clusterNameIn(response: unknown, requestBody: unknown): string | null {
  for (const body of [response, requestBody]) {
    if ((body as { kind?: unknown } | undefined)?.kind === 'Cluster') return nameIn(body);
  }
  // A create's body names the cluster with or without `kind`.
  return nameIn(requestBody);
}

/** Whether the entry should look its target's name up (a cluster call whose request and answer do not name it). */
export function needsNameLookup(target: AuditTarget): target is AuditTarget & { kind: 'cluster'; id: string } {
  return target.kind === 'cluster' && target.id !== null && target.name === null;
}

/** The object a call acts on, from its path parameters (or, for a create, the id the answer names). */
export function auditTarget(op: OperationDefinition, params: Record<string, string>, response: unknown, requestBody: unknown): AuditTarget {
  if (params.upgrade_workflow_id) return { kind: 'workflow', id: params.upgrade_workflow_id, name: null };
  if (op.resource === 'releases') {
    const body = requestBody as { name?: unknown; namespace?: unknown } | undefined;
    const name = params.name ?? (typeof body?.name === 'string' ? body.name : undefined);
    const namespace = params.namespace ?? (typeof body?.namespace === 'string' ? body.namespace : undefined);
    return {
      kind: 'release',
      id: name ? `${params.cluster_id ?? ''}/${namespace ?? ''}/${name}` : (params.cluster_id ?? null),
      name: name ?? null,
    };
  }
  const kind = TARGET_KIND[op.resource] ?? op.resource;
  const name = kind === 'cluster' ? clusterNameIn(response, requestBody) : (nameIn(response) ?? nameIn(requestBody));
  const fromPath = params.chart_id ?? params.id ?? params.job_id ?? params.cluster_id;
  if (fromPath) return { kind, id: fromPath, name };
  const created = response as { metadata?: { uid?: unknown }; id?: unknown } | undefined;
  const id = typeof created?.metadata?.uid === 'string' ? created.metadata.uid : typeof created?.id === 'string' ? created.id : null;
  return { kind, id, name };
}

export function auditSummary(
  op: OperationDefinition,
  params: Record<string, string>,
  query: Record<string, unknown>,
  body: unknown,
  multipart?: { bytes: number },
): Record<string, unknown> {
  const summary: Record<string, unknown> = { operation: op.title, method: op.method, path: op.path };
  const { project_id: _project, ...targetParams } = params;
  if (Object.keys(targetParams).length > 0) summary.params = targetParams;
  if (Object.keys(query).length > 0) summary.query = query;
  const shape = outline(body);
  if (shape !== undefined) summary.body = shape;
  if (multipart) summary.upload = { bytes: multipart.bytes };
  return summary;
}
