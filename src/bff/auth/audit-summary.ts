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
}

/** The object a call acts on, from its path parameters (or, for a create, the id the answer names). */
export function auditTarget(op: OperationDefinition, params: Record<string, string>, response: unknown, requestBody: unknown): AuditTarget {
  if (params.upgrade_workflow_id) return { kind: 'workflow', id: params.upgrade_workflow_id };
  if (op.resource === 'releases') {
    const body = requestBody as { name?: unknown; namespace?: unknown } | undefined;
    const name = params.name ?? (typeof body?.name === 'string' ? body.name : undefined);
    const namespace = params.namespace ?? (typeof body?.namespace === 'string' ? body.namespace : undefined);
    return { kind: 'release', id: name ? `${params.cluster_id ?? ''}/${namespace ?? ''}/${name}` : (params.cluster_id ?? null) };
  }
  const fromPath = params.chart_id ?? params.id ?? params.job_id ?? params.cluster_id;
  if (fromPath) return { kind: TARGET_KIND[op.resource] ?? op.resource, id: fromPath };
  const created = response as { metadata?: { uid?: unknown }; id?: unknown } | undefined;
  const id = typeof created?.metadata?.uid === 'string' ? created.metadata.uid : typeof created?.id === 'string' ? created.id : null;
  return { kind: TARGET_KIND[op.resource] ?? op.resource, id };
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
