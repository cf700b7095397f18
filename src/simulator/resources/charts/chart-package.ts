import { gunzipSync, gzipSync } from 'fflate';
import { parse } from 'yaml';
import { inspectChartPackage, writeTar, type ChartPackageCheck } from '../../../contract/chart-package.ts';

/** Opens an uploaded package with `fflate` and `yaml`, judged by the contract's rules (those the console applies too). */
export function openChartPackage(bytes: Uint8Array, lint: boolean): ChartPackageCheck {
  return inspectChartPackage(bytes, { gunzip: (b) => gunzipSync(b), parseYaml: (text) => parse(text) as unknown }, { lint });
}

/**
 * Packs chart files (`{ 'Chart.yaml': …, 'values.yaml': …, 'templates/x.yaml': … }`) under `directory/`
 * as `helm package` does: a gzip-compressed ustar archive. Used by the seed and the tests, so every
 * package the simulator holds is a real one.
 */
export function buildChartPackage(directory: string, files: Record<string, string | Uint8Array>, mtimeMs = 0): Uint8Array {
  const tar = writeTar(
    Object.entries(files).map(([path, content]) => ({ path: `${directory}/${path}`, content })),
    mtimeMs,
  );
  return gzipSync(tar, { level: 6, mtime: mtimeMs });
}
