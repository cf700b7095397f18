import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeChartPackageProblem, writeTar } from '../../../contract/chart-package.ts';
import { CHART_UPLOAD_MAX_BYTES } from '../../../contract/charts.ts';
import { checkChartFile } from './chart-package-check.ts';

const pack = (files: Record<string, string>) => new Blob([gzipSync(writeTar(Object.entries(files).map(([path, content]) => ({ path, content }))))]);

describe('the browser-side chart package check', () => {
  it('accepts a chart package and reads what it says about itself', async () => {
    const check = await checkChartFile(
      pack({ 'hello/Chart.yaml': 'apiVersion: v2\nname: hello\nversion: 0.1.0\ndescription: Hi\n', 'hello/values.yaml': 'a: 1\n' }),
    );
    expect(check).toMatchObject({ ok: true, chart: { name: 'hello', version: '0.1.0', description: 'Hi', values: { a: 1 } } });
  });

  it('refuses what helm lint refuses, and a file over the limit without reading it', async () => {
    const notChart = await checkChartFile(new Blob(['plain text']));
    expect(notChart.ok === false && describeChartPackageProblem(notChart.problem)).toMatch(/not gzip-compressed/);
    const badVersion = await checkChartFile(pack({ 'x/Chart.yaml': 'apiVersion: v2\nname: x\nversion: latest\n' }));
    expect(badVersion).toMatchObject({ ok: false, problem: { code: 'bad-version', value: 'latest' } });
    const loose = await checkChartFile(pack({ 'x/Chart.yaml': 'name: x\nversion: latest\n' }), { lint: false });
    expect(loose.ok).toBe(true);
    const huge = { size: CHART_UPLOAD_MAX_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await checkChartFile(huge)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
  });
});
