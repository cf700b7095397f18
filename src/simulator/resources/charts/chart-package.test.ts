import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CHART_MAX_DECOMPRESSED_BYTES, SEMVER_2, describeChartPackageProblem, readTar, writeTar } from '../../../contract/chart-package.ts';
import { buildChartPackage, openChartPackage } from './chart-package.ts';

const enc = new TextEncoder();
const CHART = 'apiVersion: v2\nname: demo\nversion: 1.0.0\n';

/** A raw tar header block for a typeflag the writer does not produce (pax, GNU long name). */
function rawEntry(name: string, type: string, content: Uint8Array): Uint8Array[] {
  const header = new Uint8Array(512);
  header.set(enc.encode(name).subarray(0, 100), 0);
  header.set(enc.encode('0000644\0'), 100);
  header.set(enc.encode(`${content.length.toString(8).padStart(11, '0')}\0`), 124);
  header.fill(32, 148, 156);
  header[156] = type.charCodeAt(0);
  header.set(enc.encode('ustar\0'), 257);
  let sum = 0;
  for (const b of header) sum += b;
  header.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  const body = new Uint8Array(Math.ceil(content.length / 512) * 512);
  body.set(content);
  return [header, body];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('tar reader and writer', () => {
  it('round-trips files, long paths through the ustar prefix, and empty files', () => {
    const long = `chart/${'templates/'.repeat(12)}deep.yaml`;
    const tar = writeTar([
      { path: 'chart/Chart.yaml', content: CHART },
      { path: long, content: 'kind: ConfigMap\n' },
      { path: 'chart/empty.txt', content: '' },
    ]);
    expect(tar.length % 512).toBe(0);
    const entries = readTar(tar);
    expect(entries.map((e) => e.path)).toEqual(['chart/Chart.yaml', long, 'chart/empty.txt']);
    expect(new TextDecoder().decode(entries[1]!.content)).toBe('kind: ConfigMap\n');
  });

  it('reads pax and GNU long names, as other tar writers use them', () => {
    const paxName = `chart/${'x'.repeat(120)}.yaml`;
    const record = `path=${paxName}\n`;
    const paxRecord = enc.encode(`${record.length + String(record.length + 3).length + 1} ${record}`);
    const tar = concat([
      ...rawEntry('PaxHeaders/1', 'x', paxRecord),
      ...rawEntry('ignored', '0', enc.encode('a: 1\n')),
      ...rawEntry('././@LongLink', 'L', enc.encode('chart/values-from-gnu.yaml\0')),
      ...rawEntry('short', '0', enc.encode('b: 2\n')),
      new Uint8Array(1024),
    ]);
    expect(readTar(tar).map((e) => e.path)).toEqual([paxName, 'chart/values-from-gnu.yaml']);
  });

  it('refuses a damaged header and an archive cut short', () => {
    const tar = writeTar([{ path: 'chart/Chart.yaml', content: CHART }]);
    const damaged = tar.slice();
    damaged[10] = 0x41;
    expect(() => readTar(damaged)).toThrow(/checksum/);
    expect(() => readTar(tar.slice(0, 520))).toThrow(/cut short/);
  });
});

describe('chart packages as helm lint judges them', () => {
  it('reads a package made like `helm package` makes it, tolerating a ./ prefix', () => {
    const tar = writeTar([
      { path: './demo/Chart.yaml', content: `${CHART}description: A demo\nicon: https://example.com/i.png\nappVersion: "2.0"\n` },
      { path: './demo/values.yaml', content: 'a: 1\n' },
      { path: './demo/charts/sub/Chart.yaml', content: 'apiVersion: v2\nname: sub\nversion: 0.1.0\n' },
    ]);
    const opened = openChartPackage(gzipSync(tar), true);
    expect(opened).toMatchObject({
      ok: true,
      chart: {
        name: 'demo',
        version: '1.0.0',
        description: 'A demo',
        icon: 'https://example.com/i.png',
        appVersion: '2.0',
        directory: 'demo',
        values: { a: 1 },
        valuesText: 'a: 1\n',
      },
    });
  });

  it('refuses a gzip bomb by the size its trailer declares, before unpacking it', () => {
    const bytes = buildChartPackage('demo', { 'Chart.yaml': CHART });
    const bomb = bytes.slice();
    const size = CHART_MAX_DECOMPRESSED_BYTES + 1;
    bomb.set([size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, (size >>> 24) & 0xff], bomb.length - 4);
    const opened = openChartPackage(bomb, true);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(describeChartPackageProblem(opened.problem)).toMatch(/unpacks to more than/);
  });

  it('takes versions as SemVer 2 defines them', () => {
    for (const good of ['0.0.0', '1.2.3', '1.0.0-alpha.1', '1.0.0+build.5', '10.20.30-rc.1+meta']) expect(SEMVER_2.test(good)).toBe(true);
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3-', '1.2.3.4', '']) expect(SEMVER_2.test(bad)).toBe(false);
  });

  it('refuses a chart type other than application or library, and an empty file', () => {
    const library = openChartPackage(buildChartPackage('demo', { 'Chart.yaml': `${CHART}type: library\n` }), true);
    expect(library.ok).toBe(true);
    const plugin = openChartPackage(buildChartPackage('demo', { 'Chart.yaml': `${CHART}type: plugin\n` }), true);
    expect(plugin).toMatchObject({ ok: false, problem: { code: 'bad-type', value: 'plugin' } });
    expect(openChartPackage(new Uint8Array(0), true)).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });
});
