import { describeChartPackageProblem, chartPackageFileName, type ChartPackageInfo } from '../../../contract/chart-package.ts';
import { CHART_PACKAGE_FIELD, chartFormFieldsSchema, chartOperations, type ChartUploadParameters } from '../../../contract/charts.ts';
import type { Handler } from '../../handler.ts';
import { cceError, jsonResponse } from '../../http.ts';
import type { SimulatorStore } from '../../store.ts';
import { latestRevision } from '../releases/model.ts';
import { openChartPackage } from './chart-package.ts';
import { CHART_QUOTA, formatChartTime, type ChartRecord } from './model.ts';

type ChartOperations = typeof chartOperations;

/** ChartResp (Tables 4-384, 4-387, 4-402, 4-414). */
export function renderChart(chart: ChartRecord) {
  return {
    id: chart.id,
    name: chart.name,
    // AMBIG (digest Q5, A5): the tables say String and two of three examples send a JSON-encoded
    // string; chose the string. `GET …/values` gives the same values as an object.
    values: JSON.stringify(chart.values),
    translate: '',
    instruction: chart.instruction,
    version: chart.version,
    description: chart.description,
    source: chart.source,
    icon_url: chart.iconUrl,
    public: chart.public,
    chart_url: chart.fileName,
    create_at: formatChartTime(chart.createdAt),
    update_at: formatChartTime(chart.updatedAt),
  };
}

function requireChart(store: SimulatorStore, chartId: string): ChartRecord {
  const chart = store.charts.get(chartId);
  if (!chart) throw cceError('CCE.01404001', `Chart ${chartId} does not exist.`);
  return chart;
}

/** The package bytes and the parsed `parameters` of an upload or update form (already checked by the contract). */
async function readChartForm(form: FormData): Promise<{ bytes: Uint8Array; parameters: ChartUploadParameters }> {
  const file = form.get(CHART_PACKAGE_FIELD) as Blob;
  const fields = chartFormFieldsSchema.parse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')));
  return { bytes: new Uint8Array(await file.arrayBuffer()), parameters: fields.parameters ?? {} };
}

/**
 * Opens the package and refuses anything that is not a Helm chart, with nothing stored.
 */
// AMBIG (digest A3, Q4): `skip_lint` is described as "whether to verify the uploaded chart"; chose
// the reading its name gives: `true` skips the lint (Chart.yaml then needs only a name and a version).
function openPackage(bytes: Uint8Array, parameters: ChartUploadParameters): ChartPackageInfo {
  const opened = openChartPackage(bytes, parameters.skip_lint !== true);
  if (!opened.ok) throw cceError('CCE.01400001', describeChartPackageProblem(opened.problem));
  return opened.chart;
}

function findByNameVersion(store: SimulatorStore, name: string, version: string): ChartRecord | undefined {
  for (const chart of store.charts.values()) if (chart.name === name && chart.version === version) return chart;
  return undefined;
}

function applyPackage(chart: ChartRecord, info: ChartPackageInfo, bytes: Uint8Array, parameters: ChartUploadParameters) {
  chart.name = info.name;
  chart.version = info.version;
  chart.apiVersion = info.apiVersion;
  chart.description = info.description;
  chart.iconUrl = info.icon;
  chart.valuesText = info.valuesText;
  chart.values = info.values;
  chart.instruction = info.hasReadme ? 'README.md' : '';
  chart.packageBytes = bytes;
  chart.fileName = chartPackageFileName(info.name, info.version);
  // AMBIG (digest §4.6, A3): chose that `visible` sets the chart's `public` flag; unchanged when absent.
  if (parameters.visible !== undefined) chart.public = parameters.visible;
}

/** Releases whose deployed revision comes from this chart. */
export function releasesUsingChart(store: SimulatorStore, chartId: string): string[] {
  const names: string[] = [];
  for (const release of store.releases.values()) {
    if (latestRevision(release).chartId === chartId)
      names.push(`${release.namespace}/${release.name} (cluster ${store.clusters.get(release.clusterId)?.name ?? release.clusterId})`);
  }
  return names;
}

/** Handlers of the charts area, one per operation (checked at compile time in handlers.ts). */
export const chartHandlers: { [K in keyof ChartOperations]: Handler<ChartOperations[K]> } = {
  /**
   * One chart per name + version. The same name and version again is refused (409) unless `override`
   * is true, which replaces that chart's package under its ID; a new chart beyond the quota is refused.
   */
  // AMBIG (digest A4, A14): what `override` collides on and the over-quota error are undocumented;
  // chose name + version, and 400 CCE.01400001 naming the quota.
  uploadChart: async ({ body, store, now }) => {
    const { bytes, parameters } = await readChartForm(body);
    const info = openPackage(bytes, parameters);
    const existing = findByNameVersion(store, info.name, info.version);
    if (existing && parameters.override !== true) {
      throw cceError('CCE.01409001', `Chart ${info.name} ${info.version} already exists (ID ${existing.id}); upload it with "override": true to replace it.`);
    }
    if (existing) {
      applyPackage(existing, info, bytes, parameters);
      existing.updatedAt = now;
      return jsonResponse(201, renderChart(existing));
    }
    if (store.charts.size >= CHART_QUOTA) {
      throw cceError('CCE.01400001', `The chart quota is used up (${store.charts.size} of ${CHART_QUOTA} charts); delete a chart before uploading another.`);
    }
    const chart: ChartRecord = {
      id: store.newId(),
      name: '',
      version: '',
      apiVersion: '',
      description: '',
      iconUrl: '',
      valuesText: '',
      values: {},
      instruction: '',
      packageBytes: bytes,
      fileName: '',
      public: false,
      // AMBIG (digest Q4): `source` is undocumented; the example uploads with "package" and answers "".
      source: '',
      createdAt: now,
      updatedAt: now,
    };
    applyPackage(chart, info, bytes, parameters);
    store.charts.set(chart.id, chart);
    return jsonResponse(201, renderChart(chart));
  },

  listCharts: ({ store }) => jsonResponse(200, [...store.charts.values()].sort((a, b) => a.createdAt - b.createdAt).map(renderChart)),

  showChart: ({ params, store }) => jsonResponse(200, renderChart(requireChart(store, params.chart_id))),

  /**
   * Replaces the package behind an ID. The new package must be of the same chart (same name); its
   * version may change, unless another chart already holds that name and version.
   */
  // AMBIG (digest A4): whether the name or version may change is undocumented; chose name fixed, version free.
  updateChart: async ({ params, body, store, now }) => {
    const chart = requireChart(store, params.chart_id);
    const { bytes, parameters } = await readChartForm(body);
    const info = openPackage(bytes, parameters);
    if (info.name !== chart.name) throw cceError('CCE.01400001', `The package is chart ${info.name}, not ${chart.name}; upload it as a new chart instead.`);
    const other = findByNameVersion(store, info.name, info.version);
    if (other && other.id !== chart.id) throw cceError('CCE.01409001', `Chart ${info.name} ${info.version} already exists (ID ${other.id}).`);
    applyPackage(chart, info, bytes, parameters);
    chart.updatedAt = now;
    return jsonResponse(200, renderChart(chart));
  },

  /** Refused while a release is deployed from the chart (its upgrades and rollbacks need it). */
  // AMBIG (digest A15): undocumented; chose to refuse (400 CCE.01400001 naming the releases).
  deleteChart: ({ params, store }) => {
    const chart = requireChart(store, params.chart_id);
    const users = releasesUsingChart(store, chart.id);
    if (users.length > 0) {
      throw cceError('CCE.01400001', `Chart ${chart.name} ${chart.version} is used by ${users.length} release(s): ${users.join(', ')}. Delete them first.`);
    }
    store.charts.delete(chart.id);
    // The body is a String with no description (digest Q26).
    return jsonResponse(200, `Chart ${chart.name} ${chart.version} deleted`);
  },

  /** The very bytes uploaded. Content type and file name are undocumented (digest A19): the usual ones. */
  downloadChart: ({ params, store }) => {
    const chart = requireChart(store, params.chart_id);
    return new Response(chart.packageBytes.slice(), {
      status: 200,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${chart.fileName}"` },
    });
  },

  showChartValues: ({ params, store }) => jsonResponse(200, { values: requireChart(store, params.chart_id).values }),

  /** The project is checked against the credentials before this runs (create-simulator). */
  showUserChartQuota: ({ store }) => jsonResponse(200, { quotas: { resources: [{ type: 'Charts', quota: CHART_QUOTA, used: store.charts.size }] } }),
};
