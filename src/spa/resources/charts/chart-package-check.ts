import { gunzipSync } from 'fflate';
import { parse } from 'yaml';
import { inspectChartPackage, type ChartPackageCheck } from '../../../contract/chart-package.ts';
import { CHART_UPLOAD_MAX_BYTES } from '../../../contract/charts.ts';

/**
 * Checks a chosen file in the browser before it is sent: a gzip tar holding a valid `Chart.yaml`, as
 * `helm lint` would judge it, within the size limit. The rules are the contract's, the very ones the
 * simulator applies, so what passes here is what the service accepts. A file over the limit is refused
 * without being read.
 */
export async function checkChartFile(file: Blob, { lint = true }: { lint?: boolean } = {}): Promise<ChartPackageCheck> {
  if (file.size > CHART_UPLOAD_MAX_BYTES) return { ok: false, problem: { code: 'too-large', limit: CHART_UPLOAD_MAX_BYTES } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return inspectChartPackage(bytes, { gunzip: (b) => gunzipSync(b), parseYaml: (text) => parse(text) as unknown }, { lint });
}
