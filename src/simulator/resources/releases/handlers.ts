import { releaseOperations, upgradedReleaseValues, type CreateReleaseBody, type UpdateReleaseBody } from '../../../contract/releases.ts';
import type { Handler } from '../../handler.ts';
import { cceError, jsonResponse } from '../../http.ts';
import type { ClusterRecord } from '../clusters/cluster-model.ts';
import type { SimulatorStore } from '../../store.ts';
import type { ChartRecord } from '../charts/model.ts';
import { SUPERSEDED, formatReleaseTime, latestRevision, maskSecrets, releaseKey, releaseStatus, type ReleaseRecord, type ReleaseRevision } from './model.ts';
import { RELEASE_PLANS, releaseDelete, releaseInstall, releaseRollback, releaseUpgrade, type ReleaseTaskData } from './tasks.ts';

type ReleaseOperations = typeof releaseOperations;

const PENDING = ['PENDING_INSTALL', 'PENDING_UPGRADE', 'PENDING_ROLLBACK'];

/** ReleaseResp (Tables 4-392, 4-398, 4-411, 4-420, 4-430) of one revision of a release. */
export function renderRelease(store: SimulatorStore, release: ReleaseRecord, revision: ReleaseRevision, options: { status?: string; createdAt?: number } = {}) {
  const status = options.status ?? (revision === latestRevision(release) ? releaseStatus(release) : revision.status);
  const statusDescription = status === 'DELETING' ? 'Deletion in progress' : revision.statusDescription;
  return {
    chart_name: revision.chartName,
    chart_public: revision.chartPublic,
    chart_version: revision.chartVersion,
    cluster_id: release.clusterId,
    cluster_name: store.clusters.get(release.clusterId)?.name ?? '',
    create_at: formatReleaseTime(options.createdAt ?? release.createdAt),
    // AMBIG (digest Q12): the examples' `description` equals `status_description`; chose the
    // description given at installation when there is one, else the status description.
    description: release.description || statusDescription,
    name: release.name,
    namespace: release.namespace,
    // AMBIG (digest A6): `parameters` and `resources` are always "" in the examples; so here.
    parameters: '',
    resources: '',
    status,
    status_description: statusDescription,
    update_at: formatReleaseTime(revision.updatedAt),
    // A JSON-encoded string of the values given, secrets masked, as in the examples (digest §4.3, A6).
    values: JSON.stringify(maskSecrets(revision.values)),
    version: revision.revision,
  };
}

function requireCluster(store: SimulatorStore, clusterId: string): ClusterRecord {
  const cluster = store.clusters.get(clusterId);
  if (!cluster) throw cceError('CCE.01404001', `Cluster ${clusterId} does not exist.`);
  return cluster;
}

/** Changes need a running cluster: Helm talks to its API server. */
function requireRunningCluster(store: SimulatorStore, clusterId: string): ClusterRecord {
  const cluster = requireCluster(store, clusterId);
  if (cluster.phase !== 'Available' && cluster.phase !== 'Upgrading') {
    throw cceError('CCE.01400001', `Cluster ${cluster.name} is ${cluster.phase}; releases can be changed only while it is Available.`);
  }
  return cluster;
}

function requireRelease(store: SimulatorStore, params: { cluster_id: string; namespace: string; name: string }): ReleaseRecord {
  requireCluster(store, params.cluster_id);
  const release = store.releases.get(releaseKey(params.cluster_id, params.namespace, params.name));
  if (!release) throw cceError('CCE.01404001', `Release ${params.name} does not exist in namespace ${params.namespace} of cluster ${params.cluster_id}.`);
  return release;
}

function requireChart(store: SimulatorStore, chartId: string): ChartRecord {
  const chart = store.charts.get(chartId);
  if (!chart) throw cceError('CCE.01404001', `Chart ${chartId} does not exist.`);
  return chart;
}

function newRevision(
  number: number,
  chart: Pick<ReleaseRevision, 'chartId' | 'chartName' | 'chartVersion' | 'chartPublic'>,
  values: Record<string, unknown>,
  status: string,
  description: string,
  now: number,
): ReleaseRevision {
  const { chartId, chartName, chartVersion, chartPublic } = chart;
  return { revision: number, chartId, chartName, chartVersion, chartPublic, values, status, statusDescription: description, createdAt: now, updatedAt: now };
}

function chartOf(chart: ChartRecord) {
  return { chartId: chart.id, chartName: chart.name, chartVersion: chart.version, chartPublic: chart.public };
}

/** Starts the task that moves `revision` and remembers it, so a rollback or a delete can stop it. */
function startRevisionTask(
  store: SimulatorStore,
  kind: typeof releaseInstall,
  release: ReleaseRecord,
  revision: ReleaseRevision,
  plan: { steps: readonly { name: string; durationMs: number }[] },
  now: number,
  target?: number,
) {
  const data: ReleaseTaskData = { key: release.key, revision: revision.revision, ...(target !== undefined ? { target } : {}) };
  const task = store.tasks.start(kind, release.key, plan, data, now, store.speed);
  revision.taskId = task.id;
}

/** Stops the task of a pending revision (a stuck install, upgrade or rollback) and marks it failed. */
function abandonPending(store: SimulatorStore, release: ReleaseRecord, now: number, why: string) {
  const latest = latestRevision(release);
  if (!PENDING.includes(latest.status)) return;
  if (latest.taskId) store.tasks.cancel(latest.taskId, now);
  latest.taskId = undefined;
  latest.status = 'FAILED';
  latest.statusDescription = why;
  latest.updatedAt = now;
}

/** A release the create request names, with no revision yet. */
function newRelease(key: string, clusterId: string, body: CreateReleaseBody, now: number): ReleaseRecord {
  return { key, clusterId, namespace: body.namespace, name: body.name, description: body.description ?? '', revisions: [], createdAt: now };
}

/** A dry run's answer: the release as it would be with the new revision, "Dry run complete", and nothing stored. */
function dryRunAnswer(store: SimulatorStore, release: ReleaseRecord, revision: ReleaseRevision): Response {
  return jsonResponse(
    200,
    renderRelease(
      store,
      { ...release, revisions: [...release.revisions, revision] },
      { ...revision, statusDescription: 'Dry run complete' },
      { status: revision.status },
    ),
  );
}

function create(store: SimulatorStore, now: number, clusterId: string, body: CreateReleaseBody): Response {
  requireRunningCluster(store, clusterId);
  const chart = requireChart(store, body.chart_id);
  const key = releaseKey(clusterId, body.namespace, body.name);
  const existing = store.releases.get(key);
  const params = body.parameters ?? {};
  // Helm's --replace: a name may be reused when the release it names failed (or is lost).
  const replaceable =
    existing !== undefined && params.replace === true && !existing.deleting && ['FAILED', 'UNKNOWN', 'DELETED'].includes(releaseStatus(existing));
  if (existing && !replaceable) {
    throw cceError('CCE.01409001', `Release ${body.name} already exists in namespace ${body.namespace} (status ${releaseStatus(existing)}).`);
  }
  // AMBIG (digest Q19): `name_template` is not explained and `name` is mandatory: the name is used.
  // AMBIG (digest Q13, A7): `version` is not compared with the chart's; `chart_id` decides what is installed.
  const values = { ...body.values };
  if (params.dry_run) {
    // AMBIG (digest A10): the dry-run answer is undocumented; chose Helm's: the release that would be
    // created, `PENDING_INSTALL` with "Dry run complete", and nothing stored.
    const release = newRelease(key, clusterId, body, now);
    const revision = newRevision((existing?.revisions.length ?? 0) + 1, chartOf(chart), values, 'PENDING_INSTALL', 'Dry run complete', now);
    release.revisions.push(revision);
    return jsonResponse(201, renderRelease(store, release, revision));
  }
  const release = existing ?? newRelease(key, clusterId, body, now);
  if (existing && body.description !== undefined) existing.description = body.description;
  const revision = newRevision(release.revisions.length + 1, chartOf(chart), values, 'PENDING_INSTALL', 'Initial install underway', now);
  for (const r of release.revisions) if (r.status === 'DEPLOYED') r.status = SUPERSEDED;
  release.revisions.push(revision);
  store.releases.set(key, release);
  startRevisionTask(store, releaseInstall, release, revision, RELEASE_PLANS.install, now);
  return jsonResponse(201, renderRelease(store, release, revision));
}

function update(store: SimulatorStore, now: number, params: { cluster_id: string; namespace: string; name: string }, body: UpdateReleaseBody): Response {
  const release = requireRelease(store, params);
  requireRunningCluster(store, params.cluster_id);
  if (release.deleting) throw cceError('CCE.01429002', `Release ${release.name} is being deleted.`);
  const latest = latestRevision(release);
  const options = body.parameters;
  const next = release.revisions.length + 1;
  if (body.action === 'upgrade') {
    // Helm refuses an upgrade while another operation is in progress (the way out of a stuck one is a rollback).
    if (PENDING.includes(latest.status)) throw cceError('CCE.01429002', `Release ${release.name} is ${latest.status}; wait until it settles, or roll it back.`);
    const chart = requireChart(store, body.chart_id);
    const deployed = [...release.revisions].reverse().find((r) => r.status === 'DEPLOYED') ?? latest;
    const values = upgradedReleaseValues(deployed.values, body.values, options.reset_values === true);
    const revision = newRevision(next, chartOf(chart), values, 'PENDING_UPGRADE', 'Preparing upgrade', now);
    if (options.dry_run) return dryRunAnswer(store, release, revision);
    release.revisions.push(revision);
    startRevisionTask(store, releaseUpgrade, release, revision, RELEASE_PLANS.upgrade, now);
    return jsonResponse(200, renderRelease(store, release, revision));
  }
  // Rollback: to `parameters.release_version`, or (Helm's default) the revision before the latest.
  // AMBIG (digest A8): `chart_id` and `values` are mandatory but say nothing a revision does not
  // already say; chose to deploy the target revision's chart and values and ignore both.
  const targetNumber = options.release_version ?? Math.max(1, latest.revision - 1);
  const target = release.revisions.find((r) => r.revision === targetNumber);
  if (!target) {
    throw cceError('CCE.01400001', `parameters.release_version: release ${release.name} has no revision ${targetNumber} (revisions 1–${latest.revision}).`);
  }
  const revision = newRevision(next, target, { ...target.values }, 'PENDING_ROLLBACK', `Rollback to ${targetNumber} underway`, now);
  if (options.dry_run) return dryRunAnswer(store, release, revision);
  abandonPending(store, release, now, `Superseded by rollback to ${targetNumber}`);
  release.revisions.push(revision);
  startRevisionTask(store, releaseRollback, release, revision, RELEASE_PLANS.rollback, now, targetNumber);
  return jsonResponse(200, renderRelease(store, release, revision));
}

/** Handlers of the releases area, one per operation (checked at compile time in handlers.ts). */
export const releaseHandlers: { [K in keyof ReleaseOperations]: Handler<ReleaseOperations[K]> } = {
  listReleases: ({ params, query, store }) => {
    requireCluster(store, params.cluster_id);
    const items = [...store.releases.values()]
      .filter((r) => r.clusterId === params.cluster_id)
      .filter((r) => query.namespace === undefined || r.namespace === query.namespace)
      .filter((r) => query.chart_id === undefined || latestRevision(r).chartId === query.chart_id)
      .sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key))
      .map((r) => renderRelease(store, r, latestRevision(r)));
    return jsonResponse(200, items);
  },

  /** 201 with the release `PENDING_INSTALL` (revision 1); it becomes `DEPLOYED` or `FAILED` over time. */
  createRelease: ({ params, body, store, now }) => create(store, now, params.cluster_id, body),

  showRelease: ({ params, store }) => {
    const release = requireRelease(store, params);
    return jsonResponse(200, renderRelease(store, release, latestRevision(release)));
  },

  /** Upgrade or rollback: a new revision, `PENDING_UPGRADE` / `PENDING_ROLLBACK` until it settles. */
  updateRelease: ({ params, body, store, now }) => update(store, now, params, body),

  /**
   * `DELETING` until the uninstall finishes, then gone (404). A release stuck pending can be deleted:
   * its task is stopped first.
   */
  // AMBIG (digest A11): whether a deleted release lingers as DELETED is undocumented; chose that it goes.
  deleteRelease: ({ params, store, now }) => {
    const release = requireRelease(store, params);
    if (release.deleting) throw cceError('CCE.01429002', `Release ${release.name} is already being deleted.`);
    abandonPending(store, release, now, 'Interrupted by deletion');
    const task = store.tasks.start(
      releaseDelete,
      release.key,
      RELEASE_PLANS.delete,
      { key: release.key, revision: latestRevision(release).revision },
      now,
      store.speed,
    );
    release.deleting = { taskId: task.id, since: now };
    latestRevision(release).updatedAt = now;
    return jsonResponse(200, `Release ${release.name} is being deleted`);
  },

  /** Every revision, oldest first (the order is undocumented, digest A12). */
  showReleaseHistory: ({ params, store }) => {
    const release = requireRelease(store, params);
    return jsonResponse(
      200,
      release.revisions.map((r) => renderRelease(store, release, r, { createdAt: r.createdAt })),
    );
  },
};
