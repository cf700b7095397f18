import { z } from 'zod';
import { itemsList, openEnum, pathSegmentSchema, projectIdParam } from './common.ts';
import { defineOperation } from './define-operation.ts';

// Chart management: §4.6.1, §4.6.2, §4.6.5, §4.6.6, §4.6.8, §4.6.11, §4.6.12 and §4.6.14 of the API
// reference (seed 004 L15873–L19500; digest: ../shared/reference/api-charts.md). Chart paths carry no
// project and no cluster (`/autopilot/v2/charts…`); the project comes from the token, except for the
// quota path, which puts a project ID where its siblings put a chart ID (digest Q23): the router
// tells `…/{chart_id}/values`, `…/{chart_id}/archive` and `…/{project_id}/quotas` apart by their last
// literal segment.

// ---------------------------------------------------------------------------------------------
// Upload / update (multipart/form-data)
// ---------------------------------------------------------------------------------------------

/** Name of the mandatory file part of upload and update: the chart package (a `helm package` .tgz). */
export const CHART_PACKAGE_FIELD = 'content';
/** Name of the optional text part of upload and update: a JSON object as a string. */
export const CHART_PARAMETERS_FIELD = 'parameters';

/**
 * The reference sets no size limit for a chart package; the only documented limit is the 12 MB of an
 * AK/SK-signed request body (§3.2, digest A2), which the BFF applies to the whole multipart body.
 */
export const CHART_UPLOAD_MAX_BYTES = 12 * 1024 * 1024;
/** File name endings the console offers in its file picker ([INF] the examples use `chart-file.tgz`). */
export const CHART_PACKAGE_EXTENSIONS = ['.tgz', '.tar.gz'] as const;

/**
 * The JSON object inside the `parameters` form field of upload and update, e.g.
 * `{"override":true,"skip_lint":true,"source":"package"}`. No key is mandatory and no default is
 * documented (digest A3); the server decides what an omitted key means.
 */
// AMBIG (digest §3.1, Q4): the types are not documented; chose booleans for `override`, `skip_lint` and
// `visible` (the example sends `true`) and a string for `source` (only ever `"package"`). Unknown keys
// are not refused: the field is forwarded byte for byte, and a newer cloud may add keys.
export const chartUploadParametersSchema = z.object({
  /** Whether to override an existing chart (what "existing" collides on is undocumented, digest A4). */
  override: z.boolean({ error: 'override must be true or false' }).optional(),
  /** "Whether to verify the uploaded chart"; [INF] by its name `true` skips the lint (digest Q4). */
  skip_lint: z.boolean({ error: 'skip_lint must be true or false' }).optional(),
  /** Whether the chart is visible (relation to the chart's `public` flag undocumented, digest §4.6). */
  visible: z.boolean({ error: 'visible must be true or false' }).optional(),
  /** Undocumented; the only example value is `package`. */
  source: z.string().min(1, 'source must not be empty').optional(),
});
export type ChartUploadParameters = z.infer<typeof chartUploadParametersSchema>;

/** The `parameters` form field as the wire carries it: a string holding a JSON object. */
export const chartParametersFieldSchema = z.string().transform((text, ctx) => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'parameters must be a JSON object such as {"override":true,"skip_lint":true}' });
    return z.NEVER;
  }
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) {
    ctx.addIssue({ code: 'custom', message: 'parameters must be a JSON object such as {"override":true,"skip_lint":true}' });
    return z.NEVER;
  }
  const parsed = chartUploadParametersSchema.safeParse(decoded);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
});

/**
 * The text fields of `UploadAutopilotChart` / `UpdateAutopilotChart` (the file part `content` is
 * declared in the operation's `files`). Each field arrives as a string.
 */
export const chartFormFieldsSchema = z.object({
  parameters: chartParametersFieldSchema.optional(),
});
export type ChartFormFields = z.input<typeof chartFormFieldsSchema>;

/** Encodes upload/update options as the `parameters` form field; `undefined` when there is nothing to send. */
export function encodeChartUploadParameters(parameters: ChartUploadParameters): string | undefined {
  const present = Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined));
  return Object.keys(present).length > 0 ? JSON.stringify(present) : undefined;
}

const chartFiles = [{ name: CHART_PACKAGE_FIELD, required: true }] as const;

// ---------------------------------------------------------------------------------------------
// Values: a field whose type the reference's copies disagree on
// ---------------------------------------------------------------------------------------------

/** A `values` field as read: a JSON object, a string that is not one (shown read-only), or nothing. */
export type ParsedValues = { kind: 'object'; value: Record<string, unknown> } | { kind: 'raw'; raw: string } | { kind: 'none' };

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Normalises a chart's or a release's `values` (digest §4.3): the tables say String, the examples
 * show a JSON-encoded string, a raw object, and (garbled) an array. A string is parsed; an object is
 * used as is; anything that does not give an object is kept as raw text.
 */
export function parseValuesField(values: unknown): ParsedValues {
  if (values === undefined || values === null || values === '') return { kind: 'none' };
  if (isPlainObject(values)) return { kind: 'object', value: values };
  if (typeof values === 'string') {
    try {
      const decoded: unknown = JSON.parse(values);
      if (isPlainObject(decoded)) return { kind: 'object', value: decoded };
    } catch {
      // Not JSON: shown as received.
    }
    return { kind: 'raw', raw: values };
  }
  return { kind: 'raw', raw: JSON.stringify(values) };
}

/** `values` as the examples show it: a JSON-encoded string, a raw object or (garbled) an array. */
const valuesFieldSchema = z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish();

// ---------------------------------------------------------------------------------------------
// Chart object (responses: lenient)
// ---------------------------------------------------------------------------------------------

/** `ChartResp`: a chart package uploaded to the project (Tables 4-384, 4-387, 4-402, 4-414). */
export const chartSchema = z.looseObject({
  /** Chart ID (one uploaded name + version package, [INF] digest §4.4). */
  id: z.string().optional(),
  name: z.string().optional(),
  /** Default values of the chart (values.yaml). Declared String; one example sends an object (digest Q5). */
  // AMBIG (digest Q5, A5): string or object accepted; read it with `parseValuesField`.
  values: valuesFieldSchema,
  /** Chart translation resources. */
  translate: z.string().nullish(),
  /** Described as "Chart description"; the examples show a file name (`README.md`, digest Q7). */
  instruction: z.string().nullish(),
  /** Chart version, e.g. `3.0.1`. */
  version: z.string().optional(),
  description: z.string().nullish(),
  /** Chart source (always empty in the examples). */
  source: z.string().nullish(),
  /** URL of the chart's icon; external and possibly empty. */
  icon_url: z.string().nullish(),
  /** Whether the chart is public. */
  public: z.boolean().optional(),
  /** "URL to the chart"; the examples show the package file name, e.g. `neo4j-3.0.1.tgz` (digest Q7). */
  chart_url: z.string().nullish(),
  /** Creation time, RFC 3339 in the examples (`2021-05-08T08:53:13Z`). Seed spelling: `create_at`. */
  create_at: z.string().optional(),
  /** Last update time, same format as `create_at`. Seed spelling: `update_at`. */
  update_at: z.string().optional(),
});
export type Chart = z.infer<typeof chartSchema>;

/** Response of `ListAutopilotCharts`: a top-level array of charts, unpaginated. */
export const chartListSchema = itemsList(chartSchema);
export type ChartList = z.infer<typeof chartListSchema>;

/** Response of `ShowAutopilotChartValues`: the chart's values.yaml, converted to JSON. */
export const chartValuesSchema = z.looseObject({
  /** "Data in values.yaml. The data structure depends on the chart." */
  values: z.record(z.string(), z.unknown()).nullish(),
});
export type ChartValues = z.infer<typeof chartValuesSchema>;

/** `quotas.resources[].type` of the user chart quota; the only documented value. */
export const CHART_QUOTA_RESOURCE_TYPES = [
  /** Number of charts uploaded to the project. */
  'Charts',
] as const;

const chartQuotaResourceSchema = z.looseObject({
  type: openEnum(CHART_QUOTA_RESOURCE_TYPES).optional(),
  /** Maximum number of resources of this type. */
  quota: z.number().optional(),
  /** Resources of this type in use. */
  used: z.number().optional(),
});

/** Response of `ShowAutopilotUserChartsQuotas`: `{"quotas": {"resources": [{type, quota, used}]}}`. */
export const chartQuotaSchema = z.looseObject({
  quotas: z
    .looseObject({
      resources: itemsList(chartQuotaResourceSchema),
    })
    .optional(),
});
export type ChartQuota = z.infer<typeof chartQuotaSchema>;

/** The `Charts` entry of a quota response (quota and used), or undefined when absent. */
export function chartCountQuota(quota: ChartQuota): { quota: number; used: number } | undefined {
  const entry = quota.quotas?.resources.find((r) => r.type === 'Charts');
  if (entry?.quota === undefined) return undefined;
  return { quota: entry.quota, used: entry.used ?? 0 };
}

/**
 * Body of a successful chart or release deletion: "String" with no description and no example
 * (Tables 4-405, 4-417; digest Q26). Opaque: read as whatever arrives, never relied upon.
 */
export const opaqueDeleteResponseSchema = z.unknown();

/**
 * File name for a downloaded chart package. The reference documents no `Content-Disposition` (digest
 * A19): the chart's `chart_url` when it is a plain `.tgz` file name (as in every example), otherwise
 * `<name>-<version>.tgz`.
 */
export function chartArchiveFileName(chart: Pick<Chart, 'name' | 'version' | 'chart_url'>): string {
  const fromUrl = chart.chart_url?.split('/').pop() ?? '';
  if (/^[A-Za-z0-9._-]+\.(tgz|tar\.gz)$/.test(fromUrl)) return fromUrl;
  const safe = (s: string | undefined) => (s ?? '').replace(/[^A-Za-z0-9._-]/g, '_');
  const base = [safe(chart.name), safe(chart.version)].filter(Boolean).join('-');
  return `${base || 'chart'}.tgz`;
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const chartIdParam = pathSegmentSchema.describe('Chart ID');
const chartParams = z.object({ chart_id: chartIdParam });

/** Multipart: `content` (the package file, mandatory) and `parameters` (JSON string, optional). 201 with the chart. */
export const uploadChart = defineOperation({
  id: 'UploadAutopilotChart',
  title: 'Uploading a Chart',
  resource: 'charts',
  method: 'POST',
  path: '/autopilot/v2/charts',
  params: z.object({}),
  query: null,
  body: { kind: 'multipart', files: chartFiles, fields: chartFormFieldsSchema },
  response: chartSchema,
  successStatus: 201,
});

export const listCharts = defineOperation({
  id: 'ListAutopilotCharts',
  title: 'Obtaining a Chart List',
  resource: 'charts',
  method: 'GET',
  path: '/autopilot/v2/charts',
  params: z.object({}),
  query: null,
  body: null,
  response: chartListSchema,
  successStatus: 200,
});

export const showChart = defineOperation({
  id: 'ShowAutopilotChart',
  title: 'Obtaining a Chart',
  resource: 'charts',
  method: 'GET',
  path: '/autopilot/v2/charts/{chart_id}',
  params: chartParams,
  query: null,
  body: null,
  response: chartSchema,
  successStatus: 200,
});

/** Replaces the package behind a chart ID: the file is mandatory (no metadata-only update). 200 with the chart. */
export const updateChart = defineOperation({
  id: 'UpdateAutopilotChart',
  title: 'Updating a Chart',
  resource: 'charts',
  method: 'PUT',
  path: '/autopilot/v2/charts/{chart_id}',
  params: chartParams,
  query: null,
  body: { kind: 'multipart', files: chartFiles, fields: chartFormFieldsSchema },
  response: chartSchema,
  successStatus: 200,
});

/** 200 with an opaque string body (not 204). */
export const deleteChart = defineOperation({
  id: 'DeleteAutopilotChart',
  title: 'Deleting a Chart',
  resource: 'charts',
  method: 'DELETE',
  path: '/autopilot/v2/charts/{chart_id}',
  params: chartParams,
  query: null,
  body: null,
  response: opaqueDeleteResponseSchema,
  successStatus: 200,
});

/**
 * The chart package as a file (type `File`; the SDK reads a byte stream). Content type and file name
 * are undocumented: the BFF streams the bytes through and names the file (`chartArchiveFileName`).
 */
export const downloadChart = defineOperation({
  id: 'DownloadAutopilotChart',
  title: 'Downloading a Chart',
  resource: 'charts',
  method: 'GET',
  path: '/autopilot/v2/charts/{chart_id}/archive',
  params: chartParams,
  query: null,
  body: null,
  response: null,
  responseKind: 'binary',
  successStatus: 200,
});

export const showChartValues = defineOperation({
  id: 'ShowAutopilotChartValues',
  title: 'Obtaining Chart Values',
  resource: 'charts',
  method: 'GET',
  path: '/autopilot/v2/charts/{chart_id}/values',
  params: chartParams,
  query: null,
  body: null,
  response: chartValuesSchema,
  successStatus: 200,
});

/** The only chart path with a project ID (in the place of a chart ID). */
export const showUserChartQuota = defineOperation({
  id: 'ShowAutopilotUserChartsQuotas',
  title: 'Obtaining the Quota of a User Chart',
  resource: 'charts',
  method: 'GET',
  path: '/autopilot/v2/charts/{project_id}/quotas',
  params: z.object({ project_id: projectIdParam }),
  query: null,
  body: null,
  response: chartQuotaSchema,
  successStatus: 200,
});

export const chartOperations = {
  uploadChart,
  listCharts,
  showChart,
  updateChart,
  deleteChart,
  downloadChart,
  showChartValues,
  showUserChartQuota,
} as const;
