import { chartPackageFileName } from '../../../contract/chart-package.ts';
import type { SimulatorSeed } from '../../config.ts';
import { seededUuidV1 } from '../../ids.ts';
import type { SimulatorStore } from '../../store.ts';
import { SUPERSEDED, releaseKey, type ReleaseRecord, type ReleaseRevision } from '../releases/model.ts';
import { buildChartPackage, openChartPackage } from './chart-package.ts';
import type { ChartRecord } from './model.ts';
import { BATCH_WORKER, NIGHTLY_REPORT, REDIS_CACHE, WEB_FRONTEND, type SeedChart } from './seed-charts.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Stable ID of a seeded chart, for tests and journeys that name one. */
export function seedChartId(name: string, version: string): string {
  return seededUuidV1(`chart:${name}:${version}`, Date.UTC(2024, 9, 1) + name.length * DAY);
}

function addChart(store: SimulatorStore, seed: SeedChart, nowMs: number): ChartRecord {
  const uploadedAt = nowMs - seed.ageDays * DAY;
  const bytes = buildChartPackage(seed.directory, seed.files, uploadedAt);
  const opened = openChartPackage(bytes, true);
  if (!opened.ok) throw new Error(`seed chart ${seed.directory} is not a valid chart`);
  const info = opened.chart;
  const chart: ChartRecord = {
    id: seedChartId(info.name, info.version),
    name: info.name,
    version: info.version,
    apiVersion: info.apiVersion,
    description: info.description,
    iconUrl: info.icon,
    valuesText: info.valuesText,
    values: info.values,
    instruction: info.hasReadme ? 'README.md' : '',
    packageBytes: bytes,
    fileName: chartPackageFileName(info.name, info.version),
    public: false,
    source: '',
    createdAt: uploadedAt,
    updatedAt: uploadedAt,
  };
  store.charts.set(chart.id, chart);
  return chart;
}

interface SeedRevision {
  chart: ChartRecord;
  values: Record<string, unknown>;
  status: string;
  description: string;
  daysAgo: number;
}

function addRelease(
  store: SimulatorStore,
  clusterName: string,
  namespace: string,
  name: string,
  revisions: SeedRevision[],
  nowMs: number,
): ReleaseRecord | undefined {
  const cluster = [...store.clusters.values()].find((c) => c.name === clusterName);
  if (!cluster) return undefined;
  const release: ReleaseRecord = {
    key: releaseKey(cluster.uid, namespace, name),
    clusterId: cluster.uid,
    namespace,
    name,
    description: '',
    createdAt: nowMs - revisions[0]!.daysAgo * DAY,
    revisions: revisions.map((r, i): ReleaseRevision => ({
      revision: i + 1,
      chartId: r.chart.id,
      chartName: r.chart.name,
      chartVersion: r.chart.version,
      chartPublic: r.chart.public,
      values: r.values,
      status: r.status,
      statusDescription: r.description,
      createdAt: nowMs - r.daysAgo * DAY,
      updatedAt: nowMs - r.daysAgo * DAY + 25_000,
    })),
  };
  store.releases.set(release.key, release);
  return release;
}

/**
 * The demo project's charts (a web app, a worker with many values, one chart in three versions and a
 * v1 chart) and releases on the demo clusters: deployed ones with several revisions, one `FAILED`
 * after an upgrade, one `UNKNOWN`, and one stuck in `PENDING_UPGRADE`.
 */
export function seedChartsAndReleases(store: SimulatorStore, seed: SimulatorSeed, nowMs: number): void {
  if (seed !== 'demo') return;
  const web = addChart(store, WEB_FRONTEND, nowMs);
  const worker = addChart(store, BATCH_WORKER, nowMs);
  const [redis1, redis11, redis2] = REDIS_CACHE.map((c) => addChart(store, c, nowMs)) as [ChartRecord, ChartRecord, ChartRecord];
  const nightly = addChart(store, NIGHTLY_REPORT, nowMs);

  addRelease(
    store,
    'prod-payments',
    'web',
    'storefront',
    [
      { chart: web, values: { replicaCount: 2 }, status: SUPERSEDED, description: 'Install complete', daysAgo: 30 },
      {
        chart: web,
        values: { replicaCount: 4, ingress: { enabled: true, host: 'shop.example.com' } },
        status: 'DEPLOYED',
        description: 'Upgrade complete',
        daysAgo: 6,
      },
    ],
    nowMs,
  );
  addRelease(
    store,
    'prod-payments',
    'data',
    'session-cache',
    [
      { chart: redis1, values: {}, status: SUPERSEDED, description: 'Install complete', daysAgo: 80 },
      { chart: redis11, values: {}, status: SUPERSEDED, description: 'Upgrade complete', daysAgo: 50 },
      { chart: redis11, values: { maxmemory: '512mb' }, status: 'DEPLOYED', description: 'Upgrade complete', daysAgo: 9 },
    ],
    nowMs,
  );
  addRelease(
    store,
    'prod-search',
    'jobs',
    'indexer',
    [
      { chart: worker, values: { concurrency: 4 }, status: 'DEPLOYED', description: 'Install complete', daysAgo: 20 },
      {
        chart: worker,
        values: { concurrency: 16, resources: { limits: { memory: '8Gi' } } },
        status: 'FAILED',
        description: 'Upgrade "indexer" failed: timed out waiting for the condition: deployment indexer-batch-worker exceeded its progress deadline',
        daysAgo: 2,
      },
    ],
    nowMs,
  );
  addRelease(
    store,
    'staging-web',
    'web',
    'web',
    [{ chart: web, values: { replicaCount: 1 }, status: 'DEPLOYED', description: 'Install complete', daysAgo: 14 }],
    nowMs,
  );
  const stuck = addRelease(
    store,
    'staging-web',
    'data',
    'cache',
    [
      { chart: redis11, values: {}, status: 'DEPLOYED', description: 'Install complete', daysAgo: 45 },
      { chart: redis2, values: { persistence: { size: '16Gi' } }, status: 'PENDING_UPGRADE', description: 'Preparing upgrade', daysAgo: 0 },
    ],
    nowMs,
  );
  if (stuck) {
    // Stuck: its upgrade began 40 minutes ago and never finished (no task moves it on); a rollback or a
    // delete frees it, as Helm's documented way out of a pending release.
    const revision = stuck.revisions[1]!;
    revision.createdAt = nowMs - 40 * MINUTE;
    revision.updatedAt = revision.createdAt;
  }
  addRelease(
    store,
    'dev-sandbox',
    'reports',
    'nightly-report',
    [
      {
        chart: nightly,
        values: { recipients: ['dev-team@example.com'] },
        status: 'UNKNOWN',
        description: 'Release status could not be read: the release secret is missing',
        daysAgo: 100,
      },
    ],
    nowMs,
  );
}
