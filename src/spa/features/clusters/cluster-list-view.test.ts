import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../contract/clusters.ts';
import { upgradeTargets } from '../../resources/upgrade-paths/upgrade-targets.ts';
import { applyView, DEFAULT_VIEW, hasPublicEndpoint, paramsFromView, viewFromParams } from './cluster-list-view.ts';

const cluster = (name: string, phase: string, version: string, created: string, extra: Partial<Cluster> = {}): Cluster => ({
  metadata: { name, uid: `uid-${name}`, creationTimestamp: created },
  spec: { version, platformVersion: version === 'v1.25' ? 'cce.5.0' : 'cce.6.0' },
  status: { phase },
  ...extra,
});

const clusters = [
  cluster('prod-payments', 'Available', 'v1.28', '2024-05-01T00:00:00Z'),
  cluster('dev-sandbox', 'Available', 'v1.25', '2023-01-01 10:00:00.1 +0800 CST'),
  cluster('legacy-reporting', 'Error', 'v1.25', '2022-06-01T00:00:00Z'),
  cluster('cluster-10', 'Creating', 'v1.27', '2025-01-01T00:00:00Z'),
  cluster('cluster-9', 'Available', 'v1.27', '2024-12-01T00:00:00Z'),
];

describe('cluster list view', () => {
  it('round-trips through the URL and keeps the default view address-free', () => {
    expect(paramsFromView(DEFAULT_VIEW).toString()).toBe('');
    const view = { ...DEFAULT_VIEW, q: 'pay', status: 'Error', sort: 'created' as const, dir: 'desc' as const, page: 3, size: 50 as const };
    expect(viewFromParams(paramsFromView(view))).toEqual(view);
  });

  it('falls back to defaults for nonsense in the URL', () => {
    expect(viewFromParams(new URLSearchParams('sort=evil&dir=up&page=-2&size=7'))).toEqual(DEFAULT_VIEW);
  });

  it('searches name, alias and id, filters by status and version', () => {
    expect(applyView(clusters, { ...DEFAULT_VIEW, q: 'PAY' }).rows.map((c) => c.metadata.name)).toEqual(['prod-payments']);
    expect(applyView(clusters, { ...DEFAULT_VIEW, status: 'Available', version: 'v1.25' }).rows.map((c) => c.metadata.name)).toEqual(['dev-sandbox']);
    expect(applyView(clusters, { ...DEFAULT_VIEW, q: 'uid-cluster-9' }).matching).toBe(1);
  });

  it('sorts names naturally, versions numerically and times across CCE formats, either way', () => {
    expect(applyView(clusters, DEFAULT_VIEW).rows.map((c) => c.metadata.name)).toEqual([
      'cluster-9',
      'cluster-10',
      'dev-sandbox',
      'legacy-reporting',
      'prod-payments',
    ]);
    expect(applyView(clusters, { ...DEFAULT_VIEW, sort: 'version', dir: 'desc' }).rows.map((c) => c.spec?.version)).toEqual([
      'v1.28',
      'v1.27',
      'v1.27',
      'v1.25',
      'v1.25',
    ]);
    expect(applyView(clusters, { ...DEFAULT_VIEW, sort: 'created' }).rows.map((c) => c.metadata.name)[0]).toBe('legacy-reporting');
  });

  it('sorts by public endpoint and by tags, ties by name', () => {
    const tagged = [
      cluster('b-public', 'Available', 'v1.28', '', {
        spec: { clusterTags: [{ key: 'team', value: 'data' }] },
        status: { endpoints: [{ type: 'External', url: 'https://203.0.113.5:5443' }] },
      }),
      cluster('a-private', 'Available', 'v1.28', '', { spec: { clusterTags: [{ key: 'env', value: 'prod' }] } }),
      cluster('c-public', 'Available', 'v1.28', '', { status: { endpoints: [{ type: 'External', url: 'https://203.0.113.6:5443' }] } }),
    ];
    expect(applyView(tagged, { ...DEFAULT_VIEW, sort: 'public', dir: 'desc' }).rows.map((c) => c.metadata.name)).toEqual(['b-public', 'c-public', 'a-private']);
    expect(applyView(tagged, { ...DEFAULT_VIEW, sort: 'tags' }).rows.map((c) => c.metadata.name)).toEqual(['c-public', 'a-private', 'b-public']);
    expect(viewFromParams(new URLSearchParams('sort=public&dir=desc'))).toMatchObject({ sort: 'public', dir: 'desc' });
  });

  it('pages, and clamps a page past the end', () => {
    const many = Array.from({ length: 45 }, (_, i) => cluster(`c-${String(i).padStart(2, '0')}`, 'Available', 'v1.28', '2024-01-01T00:00:00Z'));
    const last = applyView(many, { ...DEFAULT_VIEW, page: 3 });
    expect(last).toMatchObject({ matching: 45, pageCount: 3, page: 3 });
    expect(last.rows).toHaveLength(5);
    expect(applyView(many, { ...DEFAULT_VIEW, page: 9 }).page).toBe(3);
  });

  it('marks newer minor versions as upgrades, not patches of the same minor', () => {
    const paths = [
      { version: 'v1.25', platformVersion: 'cce.5.0', targetVersions: ['v1.25.6-r0', 'v1.27.3-r0', 'v1.28.3-r0'] },
      { version: 'v1.28', platformVersion: 'cce.4.0', targetVersions: ['v1.28.3-r0'] },
    ];
    expect(upgradeTargets(clusters[1]!, paths)).toEqual(['v1.27.3-r0', 'v1.28.3-r0']);
    expect(upgradeTargets(clusters[0]!, paths)).toEqual([]);
    expect(upgradeTargets(clusters[1]!, undefined)).toEqual([]);
  });

  it('sees a public endpoint in an External address or a public IP, never in a private one', () => {
    const withEndpoints = (endpoints: { type?: string; url?: string }[]) =>
      hasPublicEndpoint(cluster('a', 'Available', 'v1.28', '', { status: { endpoints } }));
    expect(withEndpoints([{ type: 'Internal', url: 'https://10.0.0.1:5443' }])).toBe(false);
    expect(withEndpoints([{ type: 'External', url: 'https://8.8.8.8:5443' }])).toBe(true);
    expect(withEndpoints([{ url: 'https://203.0.113.24:5443' }])).toBe(true);
    for (const url of ['https://172.16.3.4:5443', 'https://192.168.0.9:5443', 'https://100.64.0.1:5443', 'https://api.internal:5443', 'not a url'])
      expect(withEndpoints([{ url }]), url).toBe(false);
    expect(withEndpoints([{ type: 'External', url: '' }])).toBe(false);
    expect(withEndpoints([])).toBe(false);
  });
});
