import type { ReleaseRef } from '../../resources/releases/release-queries.ts';

export function releasesOfCluster(clusterId: string): string {
  return `/releases/${encodeURIComponent(clusterId)}`;
}

export function releaseDetailLink(ref: ReleaseRef): string {
  return `${releasesOfCluster(ref.clusterId)}/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(ref.name)}`;
}
