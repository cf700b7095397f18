import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  createReleaseBodySchema,
  FAILED_RELEASE_STATUSES,
  hasMaskedValues,
  isFailedReleaseStatus,
  isTransitionalReleaseStatus,
  listReleasesQuerySchema,
  namespaceSchema,
  RELEASE_STATUSES,
  releaseHistorySchema,
  releaseListSchema,
  releaseNameSchema,
  releaseOperations,
  releaseSchema,
  releaseStatusMeanings,
  releaseValuesOf,
  showRelease,
  sortReleaseHistory,
  TRANSITIONAL_RELEASE_STATUSES,
  updateReleaseBodySchema,
} from './releases.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), 'examples');
const example = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(examples, file), 'utf8')) as Record<string, unknown>;

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

const createBody = (patch: Record<string, unknown> = {}) => ({ ...example('CreateAutopilotRelease.request.json'), ...patch });
const updateBody = (patch: Record<string, unknown> = {}) => ({ ...example('UpdateAutopilotRelease.request.json'), ...patch });
const without = (body: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));

describe('release operations', () => {
  it('are the 6 documented release operations with their ids, methods, paths and statuses', () => {
    const single = '/autopilot/cam/v3/clusters/{cluster_id}/namespace/{namespace}/releases/{name}';
    const summary = Object.values(releaseOperations).map((op) => [op.id, op.method, op.path, op.successStatus]);
    expect(summary).toEqual([
      ['ListAutopilotReleases', 'GET', '/autopilot/cam/v3/clusters/{cluster_id}/releases', 200],
      ['CreateAutopilotRelease', 'POST', '/autopilot/cam/v3/clusters/{cluster_id}/releases', 201],
      ['ShowAutopilotRelease', 'GET', single, 200],
      ['UpdateAutopilotRelease', 'PUT', single, 200],
      ['DeleteAutopilotRelease', 'DELETE', single, 200],
      ['ShowAutopilotReleaseHistory', 'GET', `${single}/history`, 200],
    ]);
    for (const op of Object.values(releaseOperations)) expect(op.resource).toBe('releases');
  });

  it('only accept a Kubernetes namespace name as the namespace path segment', () => {
    const ok = { cluster_id: 'a870253f-5dc7-11ee-bf71-0255ac100b03', namespace: 'monitoring', name: 'testwww' };
    expect(showRelease.params.safeParse(ok).success).toBe(true);
    for (const bad of ['Monitoring', 'a_b', '-a', '..', 'a%2Fb', 'x'.repeat(64)]) {
      expect(showRelease.params.safeParse({ ...ok, namespace: bad }).success, bad).toBe(false);
    }
    expect(showRelease.params.safeParse({ ...ok, name: 'a/b' }).success).toBe(false);
  });
});

describe('release statuses', () => {
  it('list the 8 documented statuses with a meaning each', () => {
    expect(RELEASE_STATUSES).toHaveLength(8);
    for (const s of RELEASE_STATUSES) expect(releaseStatusMeanings[s]).toMatch(/release/);
  });

  it('tell in-motion statuses (to poll) from settled and failed ones', () => {
    for (const s of TRANSITIONAL_RELEASE_STATUSES) expect(isTransitionalReleaseStatus(s)).toBe(true);
    for (const s of ['DEPLOYED', 'FAILED', 'DELETED', 'UNKNOWN', undefined, 'superseded']) expect(isTransitionalReleaseStatus(s)).toBe(false);
    for (const s of FAILED_RELEASE_STATUSES) expect(isFailedReleaseStatus(s)).toBe(true);
    expect(isFailedReleaseStatus('DEPLOYED')).toBe(false);
  });
});

describe('create release body', () => {
  it('accepts the documented example (with its extra project_id/cluster_id) and a minimal body', () => {
    expect(messages(createReleaseBodySchema, createBody())).toEqual([]);
    const minimal = { chart_id: 'c1', name: 'koi-neo4j', namespace: 'default', version: '3.0.1', values: {} };
    expect(messages(createReleaseBodySchema, minimal)).toEqual([]);
    expect(messages(createReleaseBodySchema, { ...minimal, name: 'my.app-2', parameters: { dry_run: true, release_version: 1 } })).toEqual([]);
  });

  it('keeps every chart value, not only the two documented keys', () => {
    const parsed = createReleaseBodySchema.parse(createBody());
    expect(parsed.values.core).toMatchObject({ numberOfServers: 3 });
  });

  it('rejects each missing mandatory field with a message naming it', () => {
    expect(messages(createReleaseBodySchema, without(createBody(), 'chart_id'))).toEqual(['chart_id (the chart to deploy) is required']);
    expect(messages(createReleaseBodySchema, without(createBody(), 'name'))).toEqual(['Release name is required']);
    expect(messages(createReleaseBodySchema, without(createBody(), 'namespace'))).toEqual(['Namespace is required']);
    expect(messages(createReleaseBodySchema, without(createBody(), 'version'))).toEqual(['version (the chart version) is required']);
    expect(messages(createReleaseBodySchema, without(createBody(), 'values'))).toEqual([
      'values must be a JSON object of chart values (use {} for the chart defaults)',
    ]);
  });

  it('rejects release names that Helm refuses, saying which rule failed', () => {
    expect(messages(releaseNameSchema, 'My-App')).toEqual(['Release name may contain only lowercase letters, digits, hyphens (-) and dots (.)']);
    expect(messages(releaseNameSchema, 'my_app')).toEqual(['Release name may contain only lowercase letters, digits, hyphens (-) and dots (.)']);
    expect(messages(releaseNameSchema, '-app')).toEqual(['Release name must start with a lowercase letter or a digit']);
    expect(messages(releaseNameSchema, 'app-')).toEqual(['Release name must end with a lowercase letter or a digit']);
    expect(messages(releaseNameSchema, 'a-.b')).toEqual(['Each dot-separated part of the release name must start and end with a lowercase letter or a digit']);
    expect(messages(releaseNameSchema, 'a'.repeat(54))).toEqual(['Release name must be at most 53 characters']);
    expect(messages(releaseNameSchema, '')).toContain('Release name is required');
    expect(messages(releaseNameSchema, 'a'.repeat(53))).toEqual([]);
    expect(messages(releaseNameSchema, '1app')).toEqual([]);
  });

  it('rejects namespaces that are not Kubernetes namespace names', () => {
    expect(messages(namespaceSchema, 'Default')).toEqual(['Namespace may contain only lowercase letters, digits and hyphens (-)']);
    expect(messages(namespaceSchema, 'kube.system')).toEqual(['Namespace may contain only lowercase letters, digits and hyphens (-)']);
    expect(messages(namespaceSchema, 'ns-')).toEqual(['Namespace must end with a lowercase letter or a digit']);
    expect(messages(namespaceSchema, 'n'.repeat(64))).toEqual(['Namespace must be at most 63 characters']);
    expect(messages(namespaceSchema, 'kube-system')).toEqual([]);
  });

  it('rejects values that are not an object and documented keys of the wrong type', () => {
    expect(messages(createReleaseBodySchema, createBody({ values: [] }))).toHaveLength(1);
    expect(messages(createReleaseBodySchema, createBody({ values: 'imageTag: v2' }))).toHaveLength(1);
    expect(messages(createReleaseBodySchema, createBody({ values: { imageTag: 2 } }))).toEqual(['values.imageTag must be a string']);
  });

  it('rejects parameters of the wrong type or an impossible rollback revision', () => {
    expect(messages(createReleaseBodySchema, createBody({ parameters: { dry_run: 'yes' } }))).toEqual(['dry_run must be true or false']);
    expect(messages(createReleaseBodySchema, createBody({ parameters: { release_version: 0 } }))).toEqual(['release_version must be at least 1']);
    expect(messages(createReleaseBodySchema, createBody({ parameters: { release_version: 1.5 } }))).toEqual(['release_version must be a whole number']);
  });
});

describe('update release body', () => {
  it('accepts the documented upgrade and a rollback to a revision', () => {
    expect(messages(updateReleaseBodySchema, updateBody())).toEqual([]);
    const rollback = { chart_id: 'af4b699e-018c-11ec-b8b0-0255ac100b05', action: 'rollback', parameters: { release_version: 2 }, values: {} };
    expect(messages(updateReleaseBodySchema, rollback)).toEqual([]);
  });

  it('requires all four fields, parameters included', () => {
    expect(messages(updateReleaseBodySchema, without(updateBody(), 'parameters'))).toEqual(['parameters is required (send {} for none)']);
    expect(messages(updateReleaseBodySchema, without(updateBody(), 'chart_id'))).toEqual(['chart_id (the chart to deploy) is required']);
    expect(messages(updateReleaseBodySchema, without(updateBody(), 'action'))).toEqual(['action must be "upgrade" or "rollback"']);
    expect(messages(updateReleaseBodySchema, without(updateBody(), 'values'))).toHaveLength(1);
    expect(messages(updateReleaseBodySchema, updateBody({ parameters: {} }))).toEqual([]);
  });

  it('rejects an action other than upgrade or rollback (case matters)', () => {
    for (const action of ['UPGRADE', 'install', 'Rollback', '']) {
      expect(messages(updateReleaseBodySchema, updateBody({ action })), action).toEqual(['action must be "upgrade" or "rollback"']);
    }
  });
});

describe('release list query', () => {
  it('accepts both optional filters and rejects a bad namespace', () => {
    expect(messages(listReleasesQuerySchema, {})).toEqual([]);
    expect(messages(listReleasesQuerySchema, { chart_id: 'e99a7e86-afdd-11eb-aca3-0255ac100b0e', namespace: 'default' })).toEqual([]);
    expect(messages(listReleasesQuerySchema, { namespace: 'Bad_NS' })).not.toEqual([]);
    expect(messages(listReleasesQuerySchema, { chart_id: '' })).toEqual(['chart_id must not be empty']);
  });
});

describe('release responses', () => {
  it('parse the example and read its JSON-encoded values', () => {
    const release = releaseSchema.parse(example('ShowAutopilotRelease.response.json'));
    expect(release.status).toBe('PENDING_INSTALL');
    expect(release.version).toBe(1);
    const values = releaseValuesOf(release);
    expect(values.kind).toBe('object');
    if (values.kind === 'object') expect(values.value.global).toMatchObject({ magento_EPORT: 32080 });
  });

  it('accept an unknown status from a newer cloud', () => {
    expect(releaseSchema.parse({ name: 'x', status: 'SUPERSEDED' }).status).toBe('SUPERSEDED');
  });

  it('read the list and the history flat, whether the cloud nests the array or not', () => {
    const one = example('ShowAutopilotRelease.response.json');
    expect(releaseListSchema.parse([one])).toHaveLength(1);
    expect(releaseListSchema.parse([[one, { ...one, version: 2 }]])).toHaveLength(2);
    expect(releaseHistorySchema.parse(null)).toEqual([]);
  });

  it('sort history newest revision first', () => {
    const history = releaseHistorySchema.parse([{ version: 1 }, { version: 3 }, { version: 2 }]);
    expect(sortReleaseHistory(history).map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it('detect masked secrets before values are sent back', () => {
    const values = releaseValuesOf(releaseSchema.parse(example('ShowAutopilotRelease.response.json')));
    expect(values.kind === 'object' && hasMaskedValues(values.value)).toBe(true);
    expect(hasMaskedValues({ imageTag: 'v2', n: 3, list: ['a'] })).toBe(false);
  });
});
