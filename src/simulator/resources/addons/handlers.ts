/**
 * The seven add-on operations (reference §4.2.1–§4.2.7, digest ../shared/reference/api-addons.md).
 *
 * Refusals, with the codes of the reference's `CCE.03…` table where one fits (digest §1.6). The
 * reference maps no code to an operation, so every mapping below is a choice, marked AMBIG:
 * - 404 `CCE.03404001` unknown instance, template or cluster, or an instance of another cluster
 *   than the `cluster_id` / `clusterID` sent (digest A4);
 * - 409 `CCE.03409001` "Addon instance has installed." the template is already in the cluster;
 * - 429 `CCE.01429002` "Resource locked by other requests." an install, upgrade, rollback or
 *   uninstall of the instance is in flight, or the cluster itself is changing (digest A12);
 * - 400 `CCE.03400001` "Invalid request." everything else the service would not do: a version that
 *   does not exist or does not support the cluster, a downgrade through update, a rollback that is not
 *   possible, values that cannot be rendered, a cluster without a running control plane.
 */
import {
  ROLLBACK_ALLOWED_ADDON_PHASES,
  UPDATE_ALLOWED_ADDON_PHASES,
  addonErrorCodes,
  addonOperations,
  compareAddonVersions,
} from '../../../contract/addons.ts';
import type { Handler } from '../../handler.ts';
import { cceError, jsonResponse } from '../../http.ts';
import { PHASES_IN_MOTION, PHASES_WITH_API_SERVER, type ClusterRecord } from '../clusters/cluster-model.ts';
import type { SimulatorStore } from '../../store.ts';
import { catalogue, findTemplate, type TemplateDefinition, type TemplateVersion } from './catalogue.ts';
import { addonsOfCluster, findInstance, newInstance, renderInstance, renderTemplate } from './instances.ts';
import type { AddonRecord } from './state.ts';
import { ADDON_PLANS, deleteTask, installTask, rollbackTask, upgradeTask } from './tasks.ts';
import { completeValues, latestSupported, supportsCluster, valuesProblem } from './values.ts';

type AddonOperations = typeof addonOperations;

const notFound = (what: string) => cceError(addonErrorCodes.notFound, what);
const invalid = (what: string) => cceError(addonErrorCodes.invalidRequest, what);

function clusterOf(store: SimulatorStore, clusterId: string): ClusterRecord {
  const cluster = store.clusters.get(clusterId);
  if (!cluster) throw notFound(`Cluster ${clusterId} does not exist.`);
  return cluster;
}

/** A change needs the cluster's control plane, and no cluster job changing it. */
// AMBIG: not documented; a cluster job holds the cluster (429, as for cluster changes), and a cluster
// without a running control plane cannot run Helm (400).
function requireClusterReady(cluster: ClusterRecord, action: string): void {
  if (PHASES_IN_MOTION.has(cluster.phase)) {
    throw cceError(addonErrorCodes.locked, `Cluster ${cluster.name} is ${cluster.phase}; ${action} is possible once it is Available.`);
  }
  if (!PHASES_WITH_API_SERVER.has(cluster.phase)) throw invalid(`Cluster ${cluster.name} is ${cluster.phase}; ${action} needs a running cluster.`);
}

function instanceOf(store: SimulatorStore, id: string, clusterId: string | undefined): AddonRecord {
  const record = findInstance(store, id);
  if (!record || (clusterId !== undefined && record.clusterId !== clusterId)) {
    throw notFound(`Add-on instance ${id} does not exist${clusterId !== undefined ? ` in cluster ${clusterId}` : ''}.`);
  }
  // The cluster's default add-ons are put in place on first sight; an instance lookup counts as one.
  addonsOfCluster(store, record.clusterId);
  return record;
}

function requireIdle(record: AddonRecord, action: string): void {
  if (record.activeTaskId !== undefined) {
    throw cceError(addonErrorCodes.locked, `Add-on ${record.templateName} is ${record.status}; ${action} is possible once it has finished.`);
  }
}

function versionOf(template: TemplateDefinition, version: string, cluster: ClusterRecord): TemplateVersion {
  const found = template.versions.find((v) => v.version === version);
  if (!found) throw invalid(`spec.version: ${template.name} has no version ${version} (versions: ${template.versions.map((v) => v.version).join(', ')}).`);
  if (!supportsCluster(found, cluster)) {
    throw invalid(
      `spec.version: ${template.name} ${version} does not support cluster version ${cluster.version} (supported: ${found.clusterVersions.join(', ')}).`,
    );
  }
  return found;
}

function checkValues(values: Record<string, unknown>, template: TemplateDefinition, version: TemplateVersion): void {
  const problem = valuesProblem(values, template, version);
  if (problem) throw invalid(problem);
}

function start(store: SimulatorStore, record: AddonRecord, kind: typeof installTask, plan: keyof typeof ADDON_PLANS, now: number): void {
  // An install has no instance id a scenario could name beforehand: one armed on the template name
  // ("the next install of log-agent fails") or on the cluster applies too. Other kinds go by instance id.
  const twist = kind === installTask ? (store.scenarios.take(kind.kind, record.templateName) ?? store.scenarios.take(kind.kind, record.clusterId)) : undefined;
  const steps = ADDON_PLANS[plan];
  const task = store.tasks.start(kind, record.uid, twist ? { ...steps, twist } : steps, { revision: record.revision }, now, store.speed);
  record.activeTaskId = task.id;
  record.updatedAt = now;
}

/** Handlers of the add-ons area, one per operation (checked at compile time in handlers.ts). */
export const addonHandlers: { [K in keyof AddonOperations]: Handler<AddonOperations[K]> } = {
  installAddon: ({ body, store, now }) => {
    const { spec } = body;
    const cluster = clusterOf(store, spec.clusterID);
    // AMBIG: an unknown template is refused as a missing resource (404), like an unknown instance.
    const template = findTemplate(store.settings.region, spec.addonTemplateName);
    if (!template) throw notFound(`spec.addonTemplateName: add-on template ${spec.addonTemplateName} does not exist.`);
    const existing = addonsOfCluster(store, cluster.uid).find((r) => r.templateName === template.name);
    if (existing) {
      throw cceError(
        addonErrorCodes.alreadyInstalled,
        `${template.name} is already installed in cluster ${cluster.name} (instance ${existing.uid}, ${existing.status}).`,
      );
    }
    requireClusterReady(cluster, 'installing an add-on');
    const version = spec.version !== undefined ? versionOf(template, spec.version, cluster) : latestSupported(template, cluster);
    if (!version) throw invalid(`spec.version: no version of ${template.name} supports cluster version ${cluster.version}.`);
    checkValues(spec.values, template, version);
    const record = newInstance(store, { cluster, template, version, values: spec.values, status: 'installing', createdAt: now, uid: store.newId() });
    start(store, record, installTask, 'install', now);
    return jsonResponse(201, renderInstance(store, record));
  },

  listAddonTemplates: ({ query, store }) => {
    const name = query.addon_template_name;
    // AMBIG (digest A10): "Add-on name or alias"; chose an exact match on either.
    const items = catalogue(store.settings.region).filter((t) => name === undefined || t.name === name || t.alias === name);
    return jsonResponse(200, { kind: 'Addon', apiVersion: 'v3', items: items.map(renderTemplate) });
  },

  updateAddon: ({ params, body, store, now }) => {
    const { spec } = body;
    const record = instanceOf(store, params.id, spec.clusterID);
    const template = findTemplate(store.settings.region, record.templateName)!;
    // AMBIG (digest A11): an update cannot move an instance to another template.
    if (spec.addonTemplateName !== template.name && spec.addonTemplateName !== template.alias) {
      throw invalid(`spec.addonTemplateName: instance ${record.uid} is ${template.name}, not ${spec.addonTemplateName}.`);
    }
    requireIdle(record, 'an update');
    if (!(UPDATE_ALLOWED_ADDON_PHASES as readonly string[]).includes(record.status)) {
      throw invalid(`Add-on ${template.name} is ${record.status}; uninstall it and install it again.`);
    }
    const cluster = clusterOf(store, record.clusterId);
    requireClusterReady(cluster, 'updating an add-on');
    const version = versionOf(template, spec.version, cluster);
    // AMBIG: going back to an older version is what rollback is for; an update to one is refused.
    if (compareAddonVersions(version.version, record.version) < 0) {
      throw invalid(`spec.version: ${version.version} is older than the installed ${record.version}; roll the add-on back instead.`);
    }
    checkValues(spec.values, template, version);
    // The revision a later rollback returns to is the last one that ran; after a failed update or
    // rollback it stays the one before that failure.
    if (record.status !== 'upgradeFailed' && record.status !== 'rollbackFailed') {
      record.rollbackTo = { version: record.version, values: record.values, revision: record.revision };
    }
    record.version = version.version;
    record.values = completeValues(spec.values, version, cluster);
    record.revision += 1;
    record.status = 'upgrading';
    record.reason = 'addon upgrading';
    record.message = '';
    record.isRollbackable = false;
    start(store, record, upgradeTask, 'upgrade', now);
    return jsonResponse(200, renderInstance(store, record));
  },

  rollbackAddon: ({ params, body, store, now }) => {
    const record = instanceOf(store, params.id, body.clusterID);
    requireIdle(record, 'a rollback');
    if (!(ROLLBACK_ALLOWED_ADDON_PHASES as readonly string[]).includes(record.status)) {
      throw invalid(
        `Add-on ${record.templateName} is ${record.status}; a rollback is possible when it is running, available, abnormal, upgradeFailed or rollbackFailed.`,
      );
    }
    const target = record.rollbackTo;
    if (!record.isRollbackable || !target) throw invalid(`Add-on ${record.templateName} cannot be rolled back: there is no earlier revision to return to.`);
    requireClusterReady(clusterOf(store, record.clusterId), 'rolling back an add-on');
    // As the rollback example shows: `spec.version` and the values are the source revision's at once,
    // `previousVersion` the version rolled away from, `Reason` names the Helm revision.
    record.previousVersion = record.version;
    record.version = target.version;
    record.values = target.values;
    record.revision += 1;
    record.status = 'rollbacking';
    record.reason = `Rollback to ${target.revision}`;
    record.message = '';
    record.isRollbackable = false;
    start(store, record, rollbackTask, 'rollback', now);
    return jsonResponse(200, renderInstance(store, record));
  },

  deleteAddon: ({ params, query, store, now }) => {
    const record = instanceOf(store, params.id, query.cluster_id);
    requireIdle(record, 'uninstalling');
    const cluster = clusterOf(store, record.clusterId);
    if (PHASES_IN_MOTION.has(cluster.phase)) {
      throw cceError(addonErrorCodes.locked, `Cluster ${cluster.name} is ${cluster.phase}; uninstalling is possible once it is Available.`);
    }
    record.status = 'deleting';
    record.reason = '';
    record.message = '';
    start(store, record, deleteTask, 'delete', now);
    // Table 4-190: the body is the bare string `success` (sent as a JSON string, digest A7).
    return jsonResponse(200, 'success');
  },

  showAddon: ({ params, query, store }) => jsonResponse(200, renderInstance(store, instanceOf(store, params.id, query.cluster_id))),

  listAddons: ({ query, store }) => {
    // AMBIG: listing the add-ons of a cluster that does not exist answers 404, not an empty list.
    const cluster = clusterOf(store, query.cluster_id);
    const items = addonsOfCluster(store, cluster.uid).map((r) => renderInstance(store, r));
    return jsonResponse(200, { kind: 'Addon', apiVersion: 'v3', items });
  },
};
