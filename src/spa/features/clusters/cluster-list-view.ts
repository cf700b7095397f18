import type { Cluster } from '../../../contract/clusters.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { parseKubernetesVersion } from '../../../contract/upgrade-paths.ts';

/**
 * The cluster list's view state — search, filters, sort and page — lives in the URL (`?q=pay&status=
 * Error&sort=created&dir=desc&page=2&size=50`) so a view can be shared and survives a reload. Parsing
 * is forgiving: an unknown value falls back to the default instead of breaking the page.
 */
const SORT_KEYS = ['name', 'status', 'version', 'public', 'tags', 'created'] as const;
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

/** Tags as the list shows them (`key=value`), in the order the API gives them. */
export function tagLabels(cluster: Cluster): string[] {
  return (cluster.spec?.clusterTags ?? []).map((tag) => (tag.value ? `${tag.key ?? ''}=${tag.value}` : (tag.key ?? '')));
}

/**
 * What each column sorts by. Computed once per cluster before sorting (public endpoint parses URLs),
 * so sorting 2,000 clusters stays a few milliseconds.
 */
const SORT_VALUE: Record<SortKey, (c: Cluster) => string | number> = {
  name: (c) => c.metadata.name ?? '',
  status: (c) => c.status?.phase ?? '',
  version: versionRank,
  public: (c) => (hasPublicEndpoint(c) ? 1 : 0),
  tags: (c) => tagLabels(c).join(', '),
  created: createdMs,
};

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

interface ViewResult {
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
  const value = SORT_VALUE[view.sort];
  const sign = view.dir === 'asc' ? 1 : -1;
  const keyed = matching.map((cluster) => ({ cluster, key: value(cluster), name: cluster.metadata.name ?? '' }));
  keyed.sort((a, b) => sign * compareValues(a.key, b.key) || collator.compare(a.name, b.name));
  const pageCount = Math.max(1, Math.ceil(keyed.length / view.size));
  const page = Math.min(view.page, pageCount);
  return { rows: keyed.slice((page - 1) * view.size, page * view.size).map((k) => k.cluster), matching: keyed.length, pageCount, page };
}

/** RFC 1918, CGNAT, loopback and link-local: addresses that are never reachable from the internet. */
function isPrivateIpv4(host: string): boolean {
  const octets = host.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return true;
  const [a, b] = octets as [number, number, number, number];
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    a === 0
  );
}

/**
 * Whether the API server has a public address: an `External` endpoint, or any endpoint whose host is a
 * public IPv4 address (the examples only ever show `Internal`, §8 quirk 23, so the type alone may not
 * tell; a VPC's own addresses are always private ranges).
 */
export function hasPublicEndpoint(cluster: Cluster): boolean {
  return (cluster.status?.endpoints ?? []).some((e) => {
    if (!e.url) return false;
    if (e.type === 'External') return true;
    let host: string;
    try {
      host = new URL(e.url).hostname;
    } catch {
      return false;
    }
    return /^\d+\.\d+\.\d+\.\d+$/.test(host) && !isPrivateIpv4(host);
  });
}
