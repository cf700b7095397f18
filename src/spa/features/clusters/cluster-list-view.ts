import type { Cluster } from '../../../contract/clusters.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { findUpgradePath, parseKubernetesVersion, type UpgradePath } from '../../../contract/upgrades.ts';

/**
 * The cluster list's view state — search, filters, sort and page — lives in the URL (`?q=pay&status=
 * Error&sort=created&dir=desc&page=2&size=50`) so a view can be shared and survives a reload. Parsing
 * is forgiving: an unknown value falls back to the default instead of breaking the page.
 */
export const SORT_KEYS = ['name', 'status', 'version', 'created'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [20, 50, 100] as const;

export interface ClusterListView {
  q: string;
  status: string | null;
  version: string | null;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
  size: (typeof PAGE_SIZES)[number];
}

export const DEFAULT_VIEW: ClusterListView = { q: '', status: null, version: null, sort: 'name', dir: 'asc', page: 1, size: 20 };

export function viewFromParams(params: URLSearchParams): ClusterListView {
  const sort = params.get('sort');
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    status: params.get('status') || null,
    version: params.get('version') || null,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : DEFAULT_VIEW.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? (size as ClusterListView['size']) : DEFAULT_VIEW.size,
  };
}

/** Only what differs from the default goes into the URL, so the plain list has a plain address. */
export function paramsFromView(view: ClusterListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.status) params.set('status', view.status);
  if (view.version) params.set('version', view.version);
  if (view.sort !== DEFAULT_VIEW.sort || view.dir !== DEFAULT_VIEW.dir) {
    params.set('sort', view.sort);
    params.set('dir', view.dir);
  }
  if (view.page !== 1) params.set('page', String(view.page));
  if (view.size !== DEFAULT_VIEW.size) params.set('size', String(view.size));
  return params;
}

function createdMs(cluster: Cluster): number {
  return parseCceTimestamp(cluster.metadata.creationTimestamp)?.getTime() ?? 0;
}

function versionRank(cluster: Cluster): number {
  const v = parseKubernetesVersion(cluster.spec?.version ?? '');
  return v ? v.major * 1_000_000 + v.minor * 1_000 + (v.patch ?? 0) : -1;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const COMPARE: Record<SortKey, (a: Cluster, b: Cluster) => number> = {
  name: (a, b) => collator.compare(a.metadata.name ?? '', b.metadata.name ?? ''),
  status: (a, b) => collator.compare(a.status?.phase ?? '', b.status?.phase ?? ''),
  version: (a, b) => versionRank(a) - versionRank(b),
  created: (a, b) => createdMs(a) - createdMs(b),
};

export interface ViewResult {
  rows: Cluster[];
  /** Clusters matching search and filters, before paging. */
  matching: number;
  pageCount: number;
  /** The page actually shown (clamped when filters shrink the list). */
  page: number;
}

/** Search (name, alias, id), filter, sort (ties by name), then cut the page. Linear-time filters, one sort. */
export function applyView(clusters: readonly Cluster[], view: ClusterListView): ViewResult {
  const needle = view.q.trim().toLowerCase();
  const matching = clusters.filter((c) => {
    if (view.status && c.status?.phase !== view.status) return false;
    if (view.version && c.spec?.version !== view.version) return false;
    if (!needle) return true;
    return [c.metadata.name, c.metadata.alias, c.metadata.uid].some((s) => s?.toLowerCase().includes(needle));
  });
  const compare = COMPARE[view.sort];
  const sign = view.dir === 'asc' ? 1 : -1;
  matching.sort((a, b) => sign * compare(a, b) || COMPARE.name(a, b));
  const pageCount = Math.max(1, Math.ceil(matching.length / view.size));
  const page = Math.min(view.page, pageCount);
  return { rows: matching.slice((page - 1) * view.size, page * view.size), matching: matching.length, pageCount, page };
}

/** Newer minor versions this cluster can be upgraded to (the upgrade path's targets beyond its own minor). */
export function upgradeTargets(cluster: Cluster, paths: readonly UpgradePath[] | undefined): string[] {
  if (!paths) return [];
  const current = parseKubernetesVersion(cluster.spec?.version ?? '');
  const path = findUpgradePath(paths, cluster.spec?.version, cluster.spec?.platformVersion);
  if (!current || !path) return [];
  return (path.targetVersions ?? []).filter((target) => {
    const t = parseKubernetesVersion(target);
    return t !== undefined && (t.major > current.major || (t.major === current.major && t.minor > current.minor));
  });
}

/** Whether the API server has a public address (an External endpoint, or an EIP in `publicIp`). */
export function hasPublicEndpoint(cluster: Cluster): boolean {
  return (cluster.status?.endpoints ?? []).some((e) => e.type === 'External' && Boolean(e.url));
}
