/** One revision of a release, as Helm keeps it: the chart deployed, the values given and how it went. */
export interface ReleaseRevision {
  revision: number;
  chartId: string;
  chartName: string;
  chartVersion: string;
  chartPublic: boolean;
  /** The values given for this revision (user-supplied, before the chart's defaults). */
  values: Record<string, unknown>;
  /** A documented status, or `SUPERSEDED` for a revision a later one replaced (digest A12). */
  status: string;
  /** Helm's description of the revision (`Install complete`, `Upgrade "web" failed: …`). */
  statusDescription: string;
  createdAt: number;
  updatedAt: number;
  /** The task moving this revision, while it moves. */
  taskId?: string;
}

/** A Helm release in a cluster namespace, with every revision it has had (oldest first). */
export interface ReleaseRecord {
  key: string;
  clusterId: string;
  namespace: string;
  name: string;
  /** Description given at installation ('' when none). */
  description: string;
  revisions: ReleaseRevision[];
  createdAt: number;
  /** Set while the release is being deleted. */
  deleting?: { taskId: string; since: number };
}

// AMBIG (digest A12): revisions a later one replaced carry Helm's own `superseded`, which the enum
// does not list; the console treats status as an open string.
export const SUPERSEDED = 'SUPERSEDED';

export function releaseKey(clusterId: string, namespace: string, name: string): string {
  return `${clusterId}/${namespace}/${name}`;
}

export function latestRevision(release: ReleaseRecord): ReleaseRevision {
  return release.revisions[release.revisions.length - 1]!;
}

/** The release's status: its latest revision's, or `DELETING` while it is being deleted. */
export function releaseStatus(release: ReleaseRecord): string {
  return release.deleting ? 'DELETING' : latestRevision(release).status;
}

/**
 * Release timestamps as the release examples print them: RFC 3339 with the `+08:00` offset of the
 * region the examples come from (digest Q34), e.g. `2023-11-14T20:30:57+08:00`.
 */
export function formatReleaseTime(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '')}+08:00`;
}

/**
 * Secrets are masked in answers, as in every release example (`"admin_password":"******"`,
 * digest §4.3): string values under a key naming a password, secret or token.
 */
export function maskSecrets(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && /password|secret|token/i.test(key)) return '******';
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v, k)]));
  return value;
}
