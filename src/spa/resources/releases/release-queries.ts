import { listReleases, showRelease, showReleaseHistory, type ListReleasesQuery, type Release, type ReleaseList } from '../../../contract/releases.ts';
import { operationKeyPrefix, operationQuery } from '../../shared/api/operation-query.ts';
import { pollWhile } from '../../shared/api/polling.ts';
import { releaseInMotion } from './release-status.tsx';

export interface ReleaseRef {
  clusterId: string;
  namespace: string;
  name: string;
}

const refParams = (ref: ReleaseRef) => ({ cluster_id: ref.clusterId, namespace: ref.namespace, name: ref.name });

export const releaseQueries = {
  /** Everything read about releases: what a change to a release makes stale. */
  all: () => [listReleases.resource] as const,
  lists: () => operationKeyPrefix(listReleases),
  /** A cluster's releases; polls while one of them is pending or being deleted. */
  list: (clusterId: string, query: ListReleasesQuery = {}) =>
    operationQuery(
      listReleases,
      { params: { cluster_id: clusterId }, query },
      { refetchInterval: pollWhile((list: ReleaseList) => list.some(releaseInMotion)) },
    ),
  detail: (ref: ReleaseRef) => operationQuery(showRelease, { params: refParams(ref) }, { refetchInterval: pollWhile((r: Release) => releaseInMotion(r)) }),
  history: (ref: ReleaseRef) =>
    operationQuery(showReleaseHistory, { params: refParams(ref) }, { refetchInterval: pollWhile((h: ReleaseList) => h.some(releaseInMotion)) }),
};

export { refParams as releaseParams };
