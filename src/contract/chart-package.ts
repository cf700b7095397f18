// A Helm chart package (`helm package` output: a gzip-compressed tar holding `<chart>/Chart.yaml`,
// `<chart>/values.yaml`, templates, …) read and judged the way `helm lint` judges its Chart.yaml, by
// the simulator (upload / update) and by the console (before sending), so both refuse the same files
// with the same words. Only zod may be imported here: gunzip and YAML parsing are handed in by the
// caller (`fflate` and `yaml` on both sides), the tar format is read and written here (it is a few
// fixed-size header fields).

import { CHART_UPLOAD_MAX_BYTES } from './charts.ts';

/** Helm's limit on a chart's decompressed size (helm.sh/helm/v3/pkg/chart/loader: 100 MiB). */
export const CHART_MAX_DECOMPRESSED_BYTES = 100 * 1024 * 1024;

export interface TarEntry {
  path: string;
  /** `0` (file), `5` (directory), … as in the header's typeflag. */
  type: string;
  content: Uint8Array;
}

const BLOCK = 512;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function text(bytes: Uint8Array, from: number, length: number): string {
  const slice = bytes.subarray(from, from + length);
  const nul = slice.indexOf(0);
  return decoder.decode(nul < 0 ? slice : slice.subarray(0, nul));
}

function octal(bytes: Uint8Array, from: number, length: number): number {
  const field = text(bytes, from, length).trim();
  if (field === '') return 0;
  if (!/^[0-7]+$/.test(field)) return Number.NaN;
  return parseInt(field, 8);
}

function checksumOk(header: Uint8Array): boolean {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return stored === sum;
}

export class TarError extends Error {}

/** Reads a (ustar, pax or GNU long-name) tar archive; throws {@link TarError} when it is not one. */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let pos = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (pos + BLOCK <= bytes.length) {
    const header = bytes.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) return entries;
    if (!checksumOk(header)) throw new TarError(`bad tar header checksum at byte ${pos}`);
    const size = octal(header, 124, 12);
    if (!Number.isFinite(size)) throw new TarError(`bad tar entry size at byte ${pos}`);
    const type = String.fromCharCode(header[156] || 48);
    const magic = text(header, 257, 6);
    const prefix = magic.startsWith('ustar') ? text(header, 345, 155) : '';
    const name = text(header, 0, 100);
    const start = pos + BLOCK;
    if (start + size > bytes.length) throw new TarError('the tar archive is cut short');
    const content = bytes.subarray(start, start + size);
    pos = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = decoder.decode(content).replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      const record = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(decoder.decode(content));
      paxPath = record?.[1];
      continue;
    }
    if (type === 'g') continue;
    const path = longName ?? paxPath ?? (prefix ? `${prefix}/${name}` : name);
    longName = undefined;
    paxPath = undefined;
    entries.push({ path, type, content });
  }
  if (entries.length === 0) throw new TarError('the archive holds no tar entries');
  return entries;
}

function writeField(header: Uint8Array, from: number, length: number, value: string) {
  header.set(encoder.encode(value).subarray(0, length), from);
}

function octalField(header: Uint8Array, from: number, length: number, value: number) {
  writeField(header, from, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/** Writes files as a ustar archive (what `helm package` writes), for tests, seeds and the console's fixtures. */
export function writeTar(files: readonly { path: string; content: Uint8Array | string }[], mtimeMs = 0): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const file of files) {
    const content = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
    const header = new Uint8Array(BLOCK);
    let name = file.path;
    let prefix = '';
    if (encoder.encode(name).length > 100) {
      const cut = name.lastIndexOf('/', 154);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    writeField(header, 0, 100, name);
    octalField(header, 100, 8, 0o644);
    octalField(header, 108, 8, 0);
    octalField(header, 116, 8, 0);
    octalField(header, 124, 12, content.length);
    octalField(header, 136, 12, Math.floor(mtimeMs / 1000));
    header.fill(32, 148, 156);
    header[156] = 48; // '0': a regular file
    writeField(header, 257, 6, 'ustar\0');
    writeField(header, 263, 2, '00');
    writeField(header, 345, 155, prefix);
    let sum = 0;
    for (const b of header) sum += b;
    writeField(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header);
    const padded = new Uint8Array(Math.ceil(content.length / BLOCK) * BLOCK);
    padded.set(content);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Chart.yaml as `helm lint` judges it
// ---------------------------------------------------------------------------------------------

/** Semantic Versioning 2.0.0 (semver.org's own regular expression). */
export const SEMVER_2 =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Chart `apiVersion`s Helm 3 accepts: v1 (Helm 2 charts) and v2. */
export const CHART_API_VERSIONS = ['v1', 'v2'] as const;

/** Why a file is not an acceptable chart package; `message` is English for logs and API errors. */
export type ChartPackageProblem =
  | { code: 'empty' }
  | { code: 'too-large'; limit: number }
  | { code: 'not-gzip' }
  | { code: 'not-tar'; detail: string }
  | { code: 'too-large-decompressed'; limit: number }
  | { code: 'no-chart-yaml' }
  | { code: 'bad-chart-yaml'; detail: string }
  | { code: 'bad-api-version'; value: string }
  | { code: 'missing-name' }
  | { code: 'bad-name'; value: string }
  | { code: 'missing-version' }
  | { code: 'bad-version'; value: string }
  | { code: 'bad-type'; value: string }
  | { code: 'bad-values-yaml'; detail: string };

export function describeChartPackageProblem(problem: ChartPackageProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'The chart package is empty.';
    case 'too-large':
      return `The chart package is larger than ${problem.limit} bytes.`;
    case 'not-gzip':
      return 'The file is not a Helm chart package: it is not gzip-compressed (a .tgz made by "helm package").';
    case 'not-tar':
      return `The file is not a Helm chart package: it is not a tar archive (${problem.detail}).`;
    case 'too-large-decompressed':
      return `The chart package unpacks to more than ${problem.limit} bytes.`;
    case 'no-chart-yaml':
      return 'The file is not a Helm chart package: it holds no <chart>/Chart.yaml.';
    case 'bad-chart-yaml':
      return `Chart.yaml is not valid YAML: ${problem.detail}`;
    case 'bad-api-version':
      return `Chart.yaml: apiVersion "${problem.value}" is not valid; it must be "v1" or "v2".`;
    case 'missing-name':
      return 'Chart.yaml: name is required.';
    case 'bad-name':
      return `Chart.yaml: name "${problem.value}" is not valid; use letters, digits, "-", "_" and "." only.`;
    case 'missing-version':
      return 'Chart.yaml: version is required.';
    case 'bad-version':
      return `Chart.yaml: version "${problem.value}" is not a valid SemVer 2 version (e.g. 1.2.3).`;
    case 'bad-type':
      return `Chart.yaml: type "${problem.value}" is not valid; it must be "application" or "library".`;
    case 'bad-values-yaml':
      return `values.yaml is not a valid YAML mapping: ${problem.detail}`;
  }
}

/** What a package says about itself. */
export interface ChartPackageInfo {
  apiVersion: string;
  name: string;
  version: string;
  description: string;
  icon: string;
  appVersion: string;
  /** Top-level directory of the chart inside the archive. */
  directory: string;
  /** values.yaml as written in the package ('' when absent). */
  valuesText: string;
  /** values.yaml parsed ({} when absent or empty). */
  values: Record<string, unknown>;
  /** Whether the chart carries a README.md (shown as `instruction`). */
  hasReadme: boolean;
  /** Paths of the files in the package. */
  files: string[];
}

export type ChartPackageCheck = { ok: true; chart: ChartPackageInfo } | { ok: false; problem: ChartPackageProblem };

/** What the caller hands in: gunzip (e.g. fflate's `gunzipSync`) and a YAML parser (e.g. `yaml`'s `parse`). */
export interface ChartPackageLibraries {
  gunzip(bytes: Uint8Array): Uint8Array;
  /** Parses one YAML document; throws on a syntax error. */
  parseYaml(text: string): unknown;
}

export interface ChartPackageOptions {
  /** Judge Chart.yaml and values.yaml as `helm lint` does (default). `false`: only what identifies the chart. */
  lint?: boolean;
  maxBytes?: number;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The uncompressed size a gzip member declares in its trailer (ISIZE, modulo 2^32). */
function declaredGunzipSize(bytes: Uint8Array): number {
  const n = bytes.length;
  return (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
}

/**
 * Opens a chart package and judges it. With `lint` (the default), what `helm lint` reports as an
 * error refuses the package: Chart.yaml missing or not YAML, apiVersion not v1/v2, no name, a version
 * that is not SemVer 2, a type other than application/library (v2), values.yaml that is not a mapping.
 * Without it, only what is needed to store the chart is required (a Chart.yaml with a name and a version).
 */
export function inspectChartPackage(bytes: Uint8Array, libs: ChartPackageLibraries, options: ChartPackageOptions = {}): ChartPackageCheck {
  const lint = options.lint ?? true;
  const maxBytes = options.maxBytes ?? CHART_UPLOAD_MAX_BYTES;
  if (bytes.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (bytes.length > maxBytes) return { ok: false, problem: { code: 'too-large', limit: maxBytes } };
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { ok: false, problem: { code: 'not-gzip' } };
  if (declaredGunzipSize(bytes) > CHART_MAX_DECOMPRESSED_BYTES)
    return { ok: false, problem: { code: 'too-large-decompressed', limit: CHART_MAX_DECOMPRESSED_BYTES } };
  let tar: Uint8Array;
  try {
    tar = libs.gunzip(bytes);
  } catch {
    return { ok: false, problem: { code: 'not-gzip' } };
  }
  let entries: TarEntry[];
  try {
    entries = readTar(tar);
  } catch (error) {
    return { ok: false, problem: { code: 'not-tar', detail: error instanceof Error ? error.message : 'unreadable' } };
  }
  const files = entries.filter((e) => e.type === '0' || e.type === '7').map((e) => ({ ...e, path: e.path.replace(/^\.\//, '') }));
  // Helm reads `<chart>/Chart.yaml` at the top directory of the archive (subcharts live deeper, in charts/).
  const chartYaml = files.find((f) => /^[^/]+\/Chart\.yaml$/.test(f.path));
  if (!chartYaml) return { ok: false, problem: { code: 'no-chart-yaml' } };
  const directory = chartYaml.path.split('/')[0]!;
  let meta: unknown;
  try {
    meta = libs.parseYaml(decoder.decode(chartYaml.content));
  } catch (error) {
    return { ok: false, problem: { code: 'bad-chart-yaml', detail: firstLine(error) } };
  }
  if (!isMapping(meta)) return { ok: false, problem: { code: 'bad-chart-yaml', detail: 'it is not a mapping of fields' } };
  const field = (key: string) => (meta as Record<string, unknown>)[key];
  const str = (key: string) => {
    const v = field(key);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  };
  const apiVersion = str('apiVersion');
  if (lint && !(CHART_API_VERSIONS as readonly string[]).includes(apiVersion)) return { ok: false, problem: { code: 'bad-api-version', value: apiVersion } };
  const name = str('name');
  if (!name) return { ok: false, problem: { code: 'missing-name' } };
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return { ok: false, problem: { code: 'bad-name', value: name } };
  const version = str('version');
  if (!version) return { ok: false, problem: { code: 'missing-version' } };
  if (lint && !SEMVER_2.test(version)) return { ok: false, problem: { code: 'bad-version', value: version } };
  if (!/^[0-9A-Za-z.+_-]+$/.test(version)) return { ok: false, problem: { code: 'bad-version', value: version } };
  const type = str('type');
  if (lint && apiVersion === 'v2' && type !== '' && type !== 'application' && type !== 'library')
    return { ok: false, problem: { code: 'bad-type', value: type } };
  const valuesFile = files.find((f) => f.path === `${directory}/values.yaml`);
  const valuesText = valuesFile ? decoder.decode(valuesFile.content) : '';
  let values: Record<string, unknown> = {};
  if (valuesText.trim() !== '') {
    try {
      const parsed = libs.parseYaml(valuesText);
      if (parsed === null || parsed === undefined) values = {};
      else if (isMapping(parsed)) values = parsed;
      else if (lint) return { ok: false, problem: { code: 'bad-values-yaml', detail: 'the top level is not a mapping' } };
    } catch (error) {
      if (lint) return { ok: false, problem: { code: 'bad-values-yaml', detail: firstLine(error) } };
    }
  }
  return {
    ok: true,
    chart: {
      apiVersion,
      name,
      version,
      description: str('description'),
      icon: str('icon'),
      appVersion: str('appVersion'),
      directory,
      valuesText,
      values,
      hasReadme: files.some((f) => f.path === `${directory}/README.md`),
      files: files.map((f) => f.path),
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** The package's file name as `helm package` names it. */
export function chartPackageFileName(name: string, version: string): string {
  return `${name}-${version}.tgz`;
}
