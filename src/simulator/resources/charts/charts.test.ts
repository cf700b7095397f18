import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeTar } from '../../../contract/chart-package.ts';
import { encodeForm, startTestSimulator, type TestSimulator } from '../../test-support.ts';
import { buildChartPackage } from './chart-package.ts';
import { CHART_QUOTA } from './model.ts';

const CHARTS = '/autopilot/v2/charts';

function chartFiles(name: string, version: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'Chart.yaml': `apiVersion: v2\nname: ${name}\ndescription: Test chart ${name}\nversion: ${version}\nicon: https://example.com/${name}.png\n`,
    'values.yaml': 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1.25"\n',
    'templates/deployment.yaml': 'kind: Deployment\n',
    ...extra,
  };
}

function packageOf(name: string, version: string, extra: Record<string, string> = {}): Uint8Array {
  return buildChartPackage(name, chartFiles(name, version, extra));
}

async function upload(t: TestSimulator, bytes: Uint8Array, parameters?: string, method = 'POST', path = CHARTS) {
  const form = new FormData();
  form.append('content', new Blob([bytes]), 'chart-file.tgz');
  if (parameters !== undefined) form.append('parameters', parameters);
  const res = await t.call(method, path, { form: await encodeForm(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function chartCount(t: TestSimulator): Promise<number> {
  return (await t.json<unknown[]>('GET', CHARTS)).body.length;
}

describe('charts: list, show, values, quota', () => {
  it('lists the seeded charts as ChartResp with values as a JSON string and the package file name', async () => {
    const t = startTestSimulator();
    const { status, body } = await t.json<Record<string, unknown>[]>('GET', CHARTS);
    expect(status).toBe(200);
    expect(body.map((c) => `${String(c.name)}@${String(c.version)}`)).toEqual(
      expect.arrayContaining([
        'web-frontend@1.2.0',
        'batch-worker@0.9.3',
        'redis-cache@1.0.0',
        'redis-cache@1.1.0',
        'redis-cache@2.0.0',
        'nightly-report@0.3.1',
      ]),
    );
    const web = body.find((c) => c.name === 'web-frontend')!;
    expect(web).toMatchObject({
      chart_url: 'web-frontend-1.2.0.tgz',
      public: false,
      instruction: 'README.md',
      icon_url: 'https://example.com/icons/web-frontend.svg',
      translate: '',
    });
    expect(JSON.parse(String(web.values))).toMatchObject({ replicaCount: 2, service: { port: 80 } });
    expect(String(web.create_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const shown = await t.json('GET', `${CHARTS}/${String(web.id)}`);
    expect(shown.body).toEqual(web);
    const values = await t.json('GET', `${CHARTS}/${String(web.id)}/values`);
    expect(values.body).toEqual({ values: JSON.parse(String(web.values)) });
  });

  it('answers the chart quota on the project path and refuses another project', async () => {
    const t = startTestSimulator();
    const quota = await t.json('GET', `${CHARTS}/${t.sim.projectId}/quotas`);
    expect(quota.body).toEqual({ quotas: { resources: [{ type: 'Charts', quota: CHART_QUOTA, used: 6 }] } });
    const other = await t.json('GET', `${CHARTS}/0abdd2dce980d4162f8ac006608ee02d/quotas`);
    expect(other.status).toBe(403);
  });

  it('answers 404 for a chart that does not exist, on every chart path', async () => {
    const t = startTestSimulator();
    for (const path of ['', '/values', '/archive']) {
      const res = await t.json('GET', `${CHARTS}/e99a7e86-afdd-11eb-aca3-0255ac100b0e${path}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ errorCode: 'CCE.01404001' });
    }
  });
});

describe('charts: upload', () => {
  it('opens the package, stores it and gives back the very bytes uploaded', async () => {
    const t = startTestSimulator();
    const bytes = packageOf('hello-web', '0.1.0', { 'README.md': '# hello\n' });
    const { status, body } = await upload(t, bytes, '{"override":true,"skip_lint":false,"source":"package"}');
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: 'hello-web',
      version: '0.1.0',
      description: 'Test chart hello-web',
      icon_url: 'https://example.com/hello-web.png',
      chart_url: 'hello-web-0.1.0.tgz',
      instruction: 'README.md',
      public: false,
    });
    expect(JSON.parse(String(body.values))).toEqual({ replicaCount: 1, image: { repository: 'nginx', tag: '1.25' } });
    expect(body.create_at).toBe(body.update_at);

    const archive = await t.call('GET', `${CHARTS}/${String(body.id)}/archive`);
    expect(archive.status).toBe(200);
    expect(new Uint8Array(await archive.arrayBuffer())).toEqual(bytes);
    expect((await t.json('GET', `${CHARTS}/${String(body.id)}/values`)).body).toEqual({
      values: { replicaCount: 1, image: { repository: 'nginx', tag: '1.25' } },
    });
    expect((await t.json<{ quotas: { resources: { used: number }[] } }>('GET', `${CHARTS}/${t.sim.projectId}/quotas`)).body.quotas.resources[0]!.used).toBe(7);
  });

  it('accepts Helm 2 style charts (apiVersion v1) and charts without values.yaml', async () => {
    const t = startTestSimulator();
    const v1 = buildChartPackage('old', { 'Chart.yaml': 'apiVersion: v1\nname: old\nversion: 1.0.0\n' });
    const { status, body } = await upload(t, v1);
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: 'old', version: '1.0.0', values: '{}', instruction: '' });
  });

  const refusals: [string, () => Uint8Array, RegExp][] = [
    ['a file that is not gzip', () => new TextEncoder().encode('just some text, not a chart'), /not gzip-compressed/],
    ['gzip that is not a tar', () => gzipSync(new TextEncoder().encode('hello '.repeat(200))), /not a tar archive/],
    ['a tar without Chart.yaml', () => gzipSync(writeTar([{ path: 'x/values.yaml', content: 'a: 1\n' }])), /no <chart>\/Chart\.yaml/],
    ['a Chart.yaml that is not YAML', () => buildChartPackage('x', { 'Chart.yaml': 'name: [x\n' }), /Chart\.yaml is not valid YAML/],
    ['apiVersion v3', () => buildChartPackage('x', { 'Chart.yaml': 'apiVersion: v3\nname: x\nversion: 1.0.0\n' }), /apiVersion "v3"/],
    ['no name', () => buildChartPackage('x', { 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }), /name is required/],
    ['a version that is not SemVer 2', () => buildChartPackage('x', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: "1.2"\n' }), /not a valid SemVer 2/],
    [
      'values.yaml that is a list',
      () => buildChartPackage('x', { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n', 'values.yaml': '- a\n- b\n' }),
      /values\.yaml is not a valid YAML mapping/,
    ],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what} with CCE.01400001 and stores nothing`, async () => {
      const t = startTestSimulator();
      const before = await chartCount(t);
      const { status, body } = await upload(t, make());
      expect(status).toBe(400);
      expect(body.errorCode).toBe('CCE.01400001');
      expect(String(body.errorMessage)).toMatch(message);
      expect(await chartCount(t)).toBe(before);
    });
  }

  it('with skip_lint accepts what only the lint refuses, but never a file that is not a chart', async () => {
    const t = startTestSimulator();
    const loose = buildChartPackage('loose', { 'Chart.yaml': 'name: loose\nversion: "1.2"\n', 'values.yaml': '- a\n' });
    expect((await upload(t, loose, '{"skip_lint":true}')).status).toBe(201);
    expect((await upload(t, new TextEncoder().encode('not a chart'), '{"skip_lint":true}')).status).toBe(400);
  });

  it('refuses a package over the 12 MB body limit at the gateway (413) and stores nothing', async () => {
    const t = startTestSimulator();
    const before = await chartCount(t);
    const { status, body } = await upload(t, new Uint8Array(12 * 1024 * 1024 + 1));
    expect(status).toBe(413);
    expect(body.error_code).toBe('APIGW.0201');
    expect(await chartCount(t)).toBe(before);
  });

  it('refuses a missing package part, bad parameters and a JSON body', async () => {
    const t = startTestSimulator();
    const form = new FormData();
    form.append('parameters', '{}');
    const noFile = await t.call('POST', CHARTS, { form: await encodeForm(form) });
    expect(noFile.status).toBe(400);
    expect(await noFile.json()).toMatchObject({ errorCode: 'CCE.01400001', errorMessage: expect.stringContaining('content') });
    expect((await upload(t, packageOf('p', '1.0.0'), 'override=true')).body).toMatchObject({
      errorCode: 'CCE.01400001',
      errorMessage: expect.stringContaining('parameters must be a JSON object'),
    });
    expect((await upload(t, packageOf('p', '1.0.0'), '{"override":"yes"}')).status).toBe(400);
    const json = await t.json('POST', CHARTS, { body: { parameters: '{}', content: 'chart-file.tgz' } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ errorCode: 'CCE.01400006' });
  });

  it('refuses the same name and version again unless override is set, which replaces the package under the same ID', async () => {
    const t = startTestSimulator();
    const first = await upload(t, packageOf('dup', '1.0.0'));
    const again = await upload(t, packageOf('dup', '1.0.0', { 'values.yaml': 'replicaCount: 5\n' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ errorCode: 'CCE.01409001' });
    const replacement = packageOf('dup', '1.0.0', { 'values.yaml': 'replicaCount: 5\n' });
    const overridden = await upload(t, replacement, '{"override":true,"visible":true}');
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ id: first.body.id, public: true, values: '{"replicaCount":5}' });
    const archive = await t.call('GET', `${CHARTS}/${String(first.body.id)}/archive`);
    expect(new Uint8Array(await archive.arrayBuffer())).toEqual(replacement);
    // Another version of the same chart is another chart.
    const next = await upload(t, packageOf('dup', '1.1.0'));
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(first.body.id);
  });

  it('enforces the chart quota: the upload beyond it is refused and nothing is stored', async () => {
    const t = startTestSimulator();
    for (let i = await chartCount(t); i < CHART_QUOTA; i++) expect((await upload(t, packageOf(`fill-${i}`, '1.0.0'))).status).toBe(201);
    const over = await upload(t, packageOf('one-too-many', '1.0.0'));
    expect(over.status).toBe(400);
    expect(String(over.body.errorMessage)).toMatch(/chart quota is used up \(20 of 20/);
    expect(await chartCount(t)).toBe(CHART_QUOTA);
    // Overriding an existing chart is no new chart: allowed at the quota.
    expect((await upload(t, packageOf('fill-10', '1.0.0'), '{"override":true}')).status).toBe(201);
  });
});

describe('charts: update and delete', () => {
  it('update replaces the package behind the ID (a new version allowed), and refuses another chart', async () => {
    const t = startTestSimulator();
    const created = await upload(t, packageOf('upd', '1.0.0'));
    const path = `${CHARTS}/${String(created.body.id)}`;
    const newer = packageOf('upd', '1.1.0', { 'values.yaml': 'replicaCount: 3\n' });
    t.advance(60_000);
    const updated = await upload(t, newer, undefined, 'PUT', path);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.body.id,
      version: '1.1.0',
      chart_url: 'upd-1.1.0.tgz',
      values: '{"replicaCount":3}',
      create_at: created.body.create_at,
    });
    expect(updated.body.update_at).not.toBe(created.body.update_at);
    expect(new Uint8Array(await (await t.call('GET', `${path}/archive`)).arrayBuffer())).toEqual(newer);

    const other = await upload(t, packageOf('something-else', '1.0.0'), undefined, 'PUT', path);
    expect(other.status).toBe(400);
    expect(String(other.body.errorMessage)).toMatch(/is chart something-else, not upd/);
    expect((await upload(t, new TextEncoder().encode('nope'), undefined, 'PUT', path)).status).toBe(400);
    expect((await upload(t, newer, undefined, 'PUT', `${CHARTS}/does-not-exist`)).status).toBe(404);
  });

  it('delete refuses while a release uses the chart, and removes an unused one', async () => {
    const t = startTestSimulator();
    const charts = (await t.json<{ id: string; name: string; version: string }[]>('GET', CHARTS)).body;
    const web = charts.find((c) => c.name === 'web-frontend')!;
    const refused = await t.json('DELETE', `${CHARTS}/${web.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errorCode: 'CCE.01400001',
      errorMessage: expect.stringMatching(/used by 2 release\(s\): web\/storefront \(cluster prod-payments\), web\/web \(cluster staging-web\)/),
    });

    const unused = charts.find((c) => c.name === 'redis-cache' && c.version === '1.0.0')!;
    const deleted = await t.call('DELETE', `${CHARTS}/${unused.id}`);
    expect(deleted.status).toBe(200);
    expect(typeof (await deleted.json())).toBe('string');
    expect((await t.json('GET', `${CHARTS}/${unused.id}`)).status).toBe(404);
    expect((await t.json('DELETE', `${CHARTS}/${unused.id}`)).status).toBe(404);
  });
});
