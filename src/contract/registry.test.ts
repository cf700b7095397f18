import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathParamNames } from './define-operation.ts';
import { matchOperation, operationList, operations } from './operations.ts';
import { buildPath } from './paths.ts';

// The API reference (seed 004) defines exactly 50 operations: 12 cluster/job/quota/tag, 7 add-on,
// 17 upgrade and 14 chart/release operations.
const EXPECTED_COUNTS = { clusters: 12, addons: 7, upgrades: 17, charts: 14 } as const;

describe('operation registry', () => {
  it('holds exactly the 50 operations of the API reference', () => {
    expect(operationList).toHaveLength(50);
    const ids = operationList.map((op) => op.id);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('has the documented number of operations per area', () => {
    const count = (resources: string[]) => operationList.filter((op) => resources.includes(op.resource)).length;
    expect(count(['clusters', 'jobs', 'quotas', 'tags'])).toBe(EXPECTED_COUNTS.clusters);
    expect(count(['addons'])).toBe(EXPECTED_COUNTS.addons);
    expect(count(['upgrades'])).toBe(EXPECTED_COUNTS.upgrades);
    expect(count(['charts', 'releases'])).toBe(EXPECTED_COUNTS.charts);
  });

  it('has one unique method + path per operation', () => {
    const keys = operationList.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(operationList.map((op) => [op.id, op] as const))('%s declares exactly the params of its path', (_id, op) => {
    expect(Object.keys(op.params.shape).sort()).toEqual(pathParamNames(op.path).sort());
    expect(op.path.startsWith('/')).toBe(true);
    expect([200, 201, 202, 204]).toContain(op.successStatus);
    if (op.successStatus === 204) expect(op.response).toBeNull();
    if (op.method === 'GET') expect(op.body).toBeNull();
  });

  it.each(operationList.map((op) => [op.id, op] as const))('%s is found by the matcher from its own filled path', (_id, op) => {
    const params = Object.fromEntries(pathParamNames(op.path).map((n) => [n, `${n.replace(/_/g, '-')}-0a1b`]));
    const match = matchOperation(op.method, buildPath(op.path, params));
    expect(match.kind).toBe('match');
    if (match.kind === 'match') {
      expect(match.op.id).toBe(op.id);
      expect(match.params).toEqual(params);
    }
  });

  it('rejects path parameters that could change the upstream path', () => {
    const op = operations.showCluster;
    for (const bad of ['..', '.', 'a%2Fb', '%2e%2e', 'evil.example.com:443@x', 'a b', '']) {
      expect(op.params.safeParse({ project_id: 'p', cluster_id: bad }).success, bad).toBe(false);
    }
    expect(op.params.safeParse({ project_id: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', cluster_id: '6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04' }).success).toBe(true);
  });

  it('routes literals before parameters and reports wrong methods', () => {
    expect(matchOperation('GET', '/autopilot/v3/nothing').kind).toBe('none');
    const wrong = matchOperation('PATCH', '/autopilot/v3/projects/p/clusters');
    expect(wrong.kind).toBe('method-not-allowed');
  });

  it('keeps every schema a zod schema', () => {
    for (const op of operationList) {
      expect(op.params).toBeInstanceOf(z.ZodObject);
      if (op.body?.kind === 'json') expect(op.body.schema).toBeInstanceOf(z.ZodType);
    }
  });
});
