import { batchCreateClusterTags, batchDeleteClusterTags, createCluster, deleteCluster, updateCluster, updateClusterEip } from '../../../contract/clusters.ts';
import { mutationOptions } from '@tanstack/react-query';
import { listPublicips } from '../../../contract/network.ts';
import { MAX_CLUSTER_TAGS } from '../../../contract/tags.ts';
import { callInProject, operationKeyPrefix, operationMutation } from '../../shared/api/operation-query.ts';
import { clusterQueries } from './cluster-queries.ts';

interface PutTag {
  clusterId: string;
  tag: { key: string; value: string };
  /** The key of the tag being edited; null when adding. */
  replaces: string | null;
  /** How many tags the cluster has now (a rename at the limit deletes first). */
  tagCount: number;
}

/** Every change to clusters, each naming what it makes stale (refetched before the mutation settles). */
export const clusterMutations = {
  /** A new cluster shows in the lists. */
  create: () => operationMutation(createCluster, { invalidates: [clusterQueries.lists()] }),
  update: () => operationMutation(updateCluster, { invalidates: [clusterQueries.all()] }),
  /** The cluster stays (Deleting) until its job ends; the lists show it so at once. */
  delete: () => operationMutation(deleteCluster, { invalidates: [clusterQueries.lists()] }),
  /** Binding or unbinding changes the endpoints and the cluster's own status. */
  /** The cluster's addresses change, and the EIP is bound (or free) now. */
  updateEip: () => operationMutation(updateClusterEip, { invalidates: [clusterQueries.all(), operationKeyPrefix(listPublicips)] }),
  removeTags: () => operationMutation(batchDeleteClusterTags, { invalidates: [clusterQueries.all()] }),
  /**
   * Adds a tag, or edits one (`replaces`: the key it had). There is no update operation: an edit that
   * keeps the key re-creates it, which the API documents as overwriting the value; a rename creates
   * the new tag and deletes the old one.
   */
  putTag: () =>
    mutationOptions({
      mutationKey: [batchCreateClusterTags.resource, 'put'],
      mutationFn: async ({ clusterId, tag, replaces, tagCount }: PutTag, { client }) => {
        const params = { cluster_id: clusterId };
        const create = () => callInProject(client, batchCreateClusterTags, { params, body: { tags: [tag] } });
        const removeOld = () => callInProject(client, batchDeleteClusterTags, { params, body: { tags: [{ key: replaces! }] } });
        if (replaces === null || replaces === tag.key) return create();
        // Rename: create first so a failure never loses the tag — unless the cluster is at the limit,
        // where the old one must go first to make room.
        if (tagCount >= MAX_CLUSTER_TAGS) {
          await removeOld();
          return create();
        }
        await create();
        return removeOld();
      },
      meta: { invalidates: [clusterQueries.all()] },
    }),
};
