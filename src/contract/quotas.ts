import { z } from 'zod';
import { itemsList, openEnum } from './common.ts';

// AMBIG (digest §8 quirk 13, §9 item 9): the table documents the one option `cluster` ("cluster
// quota") while the example returns `autopilot_cluster`; both are listed, and any other key is accepted.
export const QUOTA_KEYS = [
  /** Cluster quota, as the table documents it. */
  'cluster',
  /** Cluster quota, as the example returns it. */
  'autopilot_cluster',
] as const;

/** One quota (`QuotaResource`). */
export const quotaResourceSchema = z.looseObject({
  /** Resource type the quota limits. */
  quotaKey: openEnum(QUOTA_KEYS).optional(),
  /** Maximum number of resources. */
  quotaLimit: z.number().optional(),
  /** Number of resources already created. */
  used: z.number().optional(),
  /** Unit of `quotaLimit` and `used`, e.g. `count`. */
  unit: z.string().optional(),
  /** Region ID; not returned when not relevant. */
  regionId: z.string().optional(),
  /** AZ ID; not returned when not relevant. */
  availabilityZoneId: z.string().optional(),
});
export type QuotaResource = z.infer<typeof quotaResourceSchema>;

/** Response of `ShowAutopilotQuotas`. */
export const quotasSchema = z.looseObject({
  quotas: itemsList(quotaResourceSchema),
});
export type Quotas = z.infer<typeof quotasSchema>;

/** Whether the cluster quota is a cluster-count quota (either documented spelling). */
export function isClusterQuota(quota: QuotaResource): boolean {
  return quota.quotaKey === 'cluster' || quota.quotaKey === 'autopilot_cluster';
}
