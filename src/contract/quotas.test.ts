import { describe, expect, it } from 'vitest';
import { isClusterQuota, quotasSchema } from './quotas.ts';

describe('quotasSchema', () => {
  it('parses both documented cluster quota keys and keeps unknown ones', () => {
    const { quotas } = quotasSchema.parse({
      quotas: [
        { quotaKey: 'autopilot_cluster', quotaLimit: 20, used: 13, unit: 'count', regionId: 'cn-north-7' },
        { quotaKey: 'cluster', quotaLimit: 5, used: 0 },
        { quotaKey: 'autopilot_node', quotaLimit: 50, used: 1 },
      ],
    });
    expect(quotas.map(isClusterQuota)).toEqual([true, true, false]);
  });

  it('reads a missing list as no quotas and rejects non-numeric limits', () => {
    expect(quotasSchema.parse({}).quotas).toEqual([]);
    expect(quotasSchema.safeParse({ quotas: [{ quotaKey: 'cluster', quotaLimit: 'many' }] }).success).toBe(false);
  });
});
