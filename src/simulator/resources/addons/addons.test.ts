import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addonInstanceListSchema, addonInstanceSchema, addonTemplateListSchema, addonVersionSupportsCluster } from '../../../contract/addons.ts';
import { DEMO_SEED } from '../../seed.ts';
import { TEST_HOST, sdkSignedHeaders, startTestSimulator, validCreateBody, type TestSimulator } from '../../test-support.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The reference's example bodies (digest Appendix B), as kept in the contract's fixtures. */
function example<T = Record<string, unknown>>(name: string): T {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../contract/examples');
  return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as T;
}

interface Instance {
  metadata: { uid: string; name: string; alias: string; creationTimestamp: string; updateTimestamp: string };
  spec: { clusterID: string; version: string; addonTemplateName: string; values: Record<string, Record<string, unknown>> | null };
  status: {
    status: string;
    Reason: string;
    message: string;
    targetVersions: string[] | null;
    isRollbackable: boolean;
    previousVersion?: string;
    currentVersion: { version: string };
  };
}
interface Template {
  metadata: { name: string; alias: string; uid: string };
  spec: { require: boolean; versions: { version: string; stable: boolean; supportVersions: { clusterVersion: string[] }[] }[] };
}
interface Err {
  errorCode: string;
  errorMessage: string;
}

const PAYMENTS = DEMO_SEED.clusters['prod-payments'];

async function list(t: TestSimulator, clusterId: string) {
  return t.json<{ items: Instance[] } & Err>('GET', '/autopilot/v3/addons', { query: { cluster_id: clusterId } });
}
async function find(t: TestSimulator, clusterId: string, template: string): Promise<Instance> {
  const found = (await list(t, clusterId)).body.items.find((i) => i.spec.addonTemplateName === template);
  if (!found) throw new Error(`${template} is not in ${clusterId}`);
  return found;
}
async function show(t: TestSimulator, id: string, clusterId?: string) {
  return t.json<Instance & Err>('GET', `/autopilot/v3/addons/${id}`, clusterId ? { query: { cluster_id: clusterId } } : {});
}
function installBody(clusterId: string, overrides: Record<string, unknown> = {}) {
  const body = example<{ spec: Record<string, unknown> }>('CreateAutopilotAddonInstance.request');
  body.spec = { ...body.spec, clusterID: clusterId, ...overrides };
  return body;
}
function updateBody(clusterId: string, overrides: Record<string, unknown> = {}) {
  const body = example<{ spec: Record<string, unknown> }>('UpdateAutopilotAddonInstance.request');
  body.spec = { ...body.spec, clusterID: clusterId, ...overrides };
  return body;
}
async function install(t: TestSimulator, body: unknown) {
  return t.json<Instance & Err>('POST', '/autopilot/v3/addons', { body });
}
async function update(t: TestSimulator, id: string, body: unknown) {
  return t.json<Instance & Err>('PUT', `/autopilot/v3/addons/${id}`, { body });
}
async function rollback(t: TestSimulator, id: string, clusterId: string) {
  return t.json<Instance & Err>('POST', `/autopilot/v3/addons/${id}/operation/rollback`, {
    body: { ...example<Record<string, unknown>>('RollbackAutopilotAddonInstance.request'), clusterID: clusterId },
  });
}
async function uninstall(t: TestSimulator, id: string, clusterId?: string) {
  return t.json<string & Err>('DELETE', `/autopilot/v3/addons/${id}`, clusterId ? { query: { cluster_id: clusterId } } : {});
}

/** Uninstalls `template` from the cluster and lets the uninstall finish. */
async function remove(t: TestSimulator, clusterId: string, template: string) {
  const instance = await find(t, clusterId, template);
  expect((await uninstall(t, instance.metadata.uid, clusterId)).status).toBe(200);
  t.advance(MINUTE);
}

describe('ListAutopilotAddonTemplates', () => {
  it('lists the catalogue with versions, supported cluster versions, inputs and translations', async () => {
    const t = startTestSimulator();
    const res = await t.json<{ kind: string; items: Template[] }>('GET', '/autopilot/v3/addontemplates');
    expect(res.status).toBe(200);
    expect(addonTemplateListSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.kind).toBe('Addon');
    expect(res.body.items.map((i) => i.metadata.name)).toEqual(['coredns', 'metrics-server', 'log-agent', 'cie-collector']);
    for (const template of res.body.items) {
      expect(template.metadata.uid).toBe(template.metadata.name);
      expect(template.spec.versions.length).toBeGreaterThanOrEqual(3);
      expect(template.spec.versions.some((v) => !v.stable)).toBe(template.metadata.name !== 'cie-collector');
    }
    const coredns = res.body.items[0]!;
    expect(coredns.spec.require).toBe(true);
    const v1286 = coredns.spec.versions.find((v) => v.version === '1.28.6')! as unknown as Parameters<typeof addonVersionSupportsCluster>[0] & {
      input: { parameters: Record<string, { is_default?: boolean; category?: string[] }> };
      translate: { zh_CN: { key: Record<string, string> } };
    };
    expect(addonVersionSupportsCluster(v1286, 'v1.28')).toBe(true);
    expect(addonVersionSupportsCluster(v1286, 'v1.25')).toBe(false);
    const autopilotDefaults = Object.values(v1286.input.parameters).filter((f) => f.is_default && f.category?.includes('Autopilot'));
    expect(autopilotDefaults).toHaveLength(1);
    expect(v1286.translate.zh_CN.key['Parameters.custom.upstream_nameservers']).toBe('上游 DNS 服务器');
  });

  it('filters by template name or alias, exactly', async () => {
    const t = startTestSimulator();
    const byAlias = await t.json<{ items: Template[] }>('GET', '/autopilot/v3/addontemplates', { query: { addon_template_name: 'kube-prometheus-stack' } });
    expect(byAlias.body.items.map((i) => i.metadata.name)).toEqual(['cie-collector']);
    const byName = await t.json<{ items: Template[] }>('GET', '/autopilot/v3/addontemplates', { query: { addon_template_name: 'coredns' } });
    expect(byName.body.items.map((i) => i.metadata.name)).toEqual(['coredns']);
    const none = await t.json<{ items: Template[] }>('GET', '/autopilot/v3/addontemplates', { query: { addon_template_name: 'core' } });
    expect(none.body.items).toEqual([]);
  });
});

describe('ListAutopilotAddonInstances and ShowAutopilotAddonInstance', () => {
  it('lists the seeded add-ons of a cluster with their values, versions and upgrades', async () => {
    const t = startTestSimulator();
    const res = await list(t, PAYMENTS);
    expect(res.status).toBe(200);
    expect(addonInstanceListSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.items.map((i) => i.spec.addonTemplateName)).toEqual(['coredns', 'metrics-server', 'cie-collector']);
    const coredns = res.body.items[0]!;
    expect(coredns.status).toMatchObject({
      status: 'running',
      Reason: '',
      targetVersions: ['1.28.6'],
      isRollbackable: false,
      currentVersion: { version: '1.28.4' },
    });
    expect(coredns.spec.values!.systemAutoInject).toEqual({
      cluster: { clusterID: PAYMENTS, clusterNetworkMode: 'eni', clusterVersion: 'v1.28.3-r0' },
      user: { projectID: t.sim.projectId },
    });
    expect(coredns.spec.values!.custom!.stub_domains).toEqual({ 'payments.internal': ['192.168.0.53'] });
    expect(coredns.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const shown = await show(t, coredns.metadata.uid, PAYMENTS);
    expect(shown.status).toBe(200);
    expect(addonInstanceSchema.safeParse(shown.body).success).toBe(true);
    expect(shown.body.metadata.uid).toBe(coredns.metadata.uid);
    expect((await show(t, coredns.metadata.uid)).status).toBe(200);
  });

  it('seeds an abnormal add-on (staging-web), a rollbackable one (prod-search) and CoreDNS on most clusters', async () => {
    const t = startTestSimulator();
    const abnormal = await find(t, DEMO_SEED.clusters['staging-web'], 'coredns');
    expect(abnormal.status).toMatchObject({ status: 'abnormal', Reason: 'PodsNotReady' });
    const upgraded = await find(t, DEMO_SEED.clusters['prod-search'], 'coredns');
    expect(upgraded.status).toMatchObject({ status: 'running', isRollbackable: true, previousVersion: '1.28.4' });
    let withCoredns = 0;
    for (const uid of Object.values(DEMO_SEED.clusters)) if ((await list(t, uid)).body.items.some((i) => i.spec.addonTemplateName === 'coredns')) withCoredns++;
    expect(withCoredns).toBe(8);
  });

  it('gives a new cluster CoreDNS once it is created', async () => {
    const t = startTestSimulator();
    const created = await t.json<{ metadata: { uid: string } }>('POST', `${t.base}/clusters`, { body: validCreateBody('addons-fresh') });
    expect(created.status).toBe(201);
    expect((await list(t, created.body.metadata.uid)).body.items).toEqual([]);
    t.advance(10 * MINUTE);
    const items = (await list(t, created.body.metadata.uid)).body.items;
    expect(items.map((i) => [i.spec.addonTemplateName, i.spec.version, i.status.status])).toEqual([['coredns', '1.28.6', 'running']]);
  });

  it('gives a new cluster the add-ons its creation annotation names, with their values', async () => {
    const t = startTestSimulator();
    // The cluster-creation example's shape (api-clusters digest): a JSON string of {addonTemplateName, values}.
    const annotation = JSON.stringify([
      { addonTemplateName: 'coredns', values: { flavor: { name: 'autopilot-flavor2', replicas: 3 } } },
      {
        addonTemplateName: 'metrics-server',
        values: {
          flavor: { category: ['Autopilot'], name: 'autopilot-flavor1', replicas: 2, resources: [{ limitsCpu: 1, limitsMem: '2Gi', name: 'metricsServer' }] },
        },
      },
    ]);
    const created = await t.json<{ metadata: { uid: string } }>('POST', `${t.base}/clusters`, {
      body: validCreateBody('addons-annotated', { metadata: { annotations: { 'cluster.install.addons/install': annotation } } }),
    });
    expect(created.status).toBe(201);
    t.advance(10 * MINUTE);
    const items = (await list(t, created.body.metadata.uid)).body.items;
    expect(items.map((i) => [i.spec.addonTemplateName, i.status.status])).toEqual([
      ['coredns', 'running'],
      ['metrics-server', 'running'],
    ]);
    expect(items[0]!.spec.values!.flavor).toMatchObject({ name: 'autopilot-flavor2', replicas: 3 });
  });

  it('refuses a list without cluster_id, an unknown cluster, an unknown instance and an instance of another cluster', async () => {
    const t = startTestSimulator();
    const noCluster = await t.json<Err>('GET', '/autopilot/v3/addons');
    expect(noCluster.status).toBe(400);
    const unknownCluster = await list(t, '00000000-0000-4000-8000-00000000dead');
    expect(unknownCluster.status).toBe(404);
    expect(unknownCluster.body.errorCode).toBe('CCE.03404001');
    const unknown = await show(t, '90b775e0-5774-4e1d-ab3b-516332ba047a');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe('CCE.03404001');
    const coredns = await find(t, PAYMENTS, 'coredns');
    const elsewhere = await show(t, coredns.metadata.uid, DEMO_SEED.clusters['prod-search']);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.errorCode).toBe('CCE.03404001');
  });
});

describe('CreateAutopilotAddonInstance', () => {
  it('installs the example body: 201 installing, then running as the clock advances', async () => {
    const t = startTestSimulator();
    await remove(t, PAYMENTS, 'coredns');
    const res = await install(t, installBody(PAYMENTS));
    expect(res.status).toBe(201);
    expect(addonInstanceSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.spec).toMatchObject({
      clusterID: PAYMENTS,
      version: '1.28.6',
      addonTemplateName: 'coredns',
      addonTemplateType: 'helm',
      addonTemplateLabels: ['ContainerNetwork'],
    });
    expect(res.body.status).toMatchObject({ status: 'installing', Reason: '', message: '', targetVersions: null, isRollbackable: false });
    expect(res.body.status.previousVersion).toBeUndefined();
    expect(res.body.spec.values!.basic).toMatchObject({ cluster_version: 'v1.28', image_version: '1.28.6', platform: 'linux-amd64' });
    expect(res.body.spec.values!.flavor).toMatchObject({ name: 'autopilot-flavor1', replicas: 2 });
    expect(res.body.spec.values!.systemAutoInject).toBeDefined();
    const id = res.body.metadata.uid;

    t.advance(29 * SECOND);
    expect((await show(t, id)).body.status.status).toBe('installing');
    t.advance(2 * SECOND);
    expect((await show(t, id)).body.status.status).toBe('running');
  });

  it('installs the latest stable version the cluster supports when no version is given', async () => {
    const t = startTestSimulator();
    const res = await install(t, { kind: 'Addon', apiVersion: 'v3', metadata: {}, spec: { clusterID: PAYMENTS, addonTemplateName: 'log-agent', values: {} } });
    expect(res.status).toBe(201);
    expect(res.body.spec.version).toBe('1.5.1');
    // Defaults from the version's input: the default Autopilot flavor, custom parameters, basic settings.
    expect(res.body.spec.values!.flavor).toMatchObject({ name: 'autopilot-flavor1', replicas: 2 });
    expect(res.body.spec.values!.custom).toMatchObject({ log_retention_days: 7, collect_stdout: true });
    const dev = await install(t, {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: {},
      spec: { clusterID: DEMO_SEED.clusters['dev-sandbox'], addonTemplateName: 'log-agent', values: {} },
    });
    expect(dev.body.spec.version).toBe('1.3.2');
  });

  it('accepts a custom parameter and a flavor named by its display name', async () => {
    const t = startTestSimulator();
    const res = await install(t, {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: { annotations: { 'addon.install/type': 'install' } },
      spec: {
        clusterID: PAYMENTS,
        version: '1.5.1',
        addonTemplateName: 'log-agent',
        values: { flavor: { name: 'autopilot-flavor2', replicas: 3 }, custom: { log_retention_days: 90, exclude_namespaces: ['kube-system', 'monitoring'] } },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.spec.values!.custom).toMatchObject({ log_retention_days: 90, exclude_namespaces: ['kube-system', 'monitoring'], collect_stdout: true });
    const prom = await install(t, {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: {},
      spec: {
        clusterID: DEMO_SEED.clusters['prod-search'],
        version: '3.9.3',
        addonTemplateName: 'cie-collector',
        values: { flavor: { name: 'Autopilot-Agent-Small(<=2000 containers)' } },
      },
    });
    expect(prom.status).toBe(201);
  });

  it('refuses a second install of the same template with 409 CCE.03409001', async () => {
    const t = startTestSimulator();
    const res = await install(t, installBody(PAYMENTS));
    expect(res.status).toBe(409);
    expect(res.body.errorCode).toBe('CCE.03409001');
    expect(res.body.errorMessage).toMatch(/^Addon instance has installed\./);
    // Also while the existing one is being uninstalled.
    const coredns = await find(t, PAYMENTS, 'coredns');
    await uninstall(t, coredns.metadata.uid);
    expect((await install(t, installBody(PAYMENTS))).status).toBe(409);
  });

  it('refuses unknown templates, clusters and versions, and versions the cluster does not support', async () => {
    const t = startTestSimulator();
    const template = await install(t, installBody(PAYMENTS, { addonTemplateName: 'nginx-ingress' }));
    expect([template.status, template.body.errorCode]).toEqual([404, 'CCE.03404001']);
    const cluster = await install(t, installBody('00000000-0000-4000-8000-00000000dead'));
    expect([cluster.status, cluster.body.errorCode]).toEqual([404, 'CCE.03404001']);
    const version = await install(t, installBody(PAYMENTS, { addonTemplateName: 'log-agent', version: '9.9.9', values: {} }));
    expect([version.status, version.body.errorCode]).toEqual([400, 'CCE.03400001']);
    const unsupported = await install(t, installBody(DEMO_SEED.clusters['dev-sandbox'], { addonTemplateName: 'log-agent', version: '1.5.1', values: {} }));
    expect([unsupported.status, unsupported.body.errorCode]).toEqual([400, 'CCE.03400001']);
    expect(unsupported.body.errorMessage).toContain('spec.version: log-agent 1.5.1 does not support cluster version v1.25');
  });

  it('refuses a cluster that is being created (429) or has no running control plane (400)', async () => {
    const t = startTestSimulator();
    const creating = await install(t, installBody(DEMO_SEED.clusters['ml-inference']));
    expect([creating.status, creating.body.errorCode]).toEqual([429, 'CCE.01429002']);
    const hibernating = await install(t, {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: {},
      spec: { clusterID: DEMO_SEED.clusters['qa-regression'], addonTemplateName: 'log-agent', values: {} },
    });
    expect([hibernating.status, hibernating.body.errorCode]).toEqual([400, 'CCE.03400001']);
  });

  it('refuses malformed values, naming the field', async () => {
    const t = startTestSimulator();
    await remove(t, PAYMENTS, 'coredns');
    const base = installBody(PAYMENTS) as { spec: { values: Record<string, Record<string, unknown>> } };
    const cases: [Record<string, unknown>, string][] = [
      [
        { custom: { ...base.spec.values.custom, upstream_nameservers: ['8.8.8.8', '8.8.4.4', '1.1.1.1', '9.9.9.9'] } },
        'spec.values.custom.upstream_nameservers: at most 3',
      ],
      [
        { custom: { ...base.spec.values.custom, upstream_nameservers: ['dns.example'] } },
        'spec.values.custom.upstream_nameservers: "dns.example" is not an IP address',
      ],
      [{ custom: { ...base.spec.values.custom, multiAZEnabled: 'yes' } }, 'spec.values.custom.multiAZEnabled: must be a boolean'],
      [{ flavor: { ...base.spec.values.flavor, name: 'autopilot-flavor9' } }, 'spec.values.flavor.name: "autopilot-flavor9" is not a flavor'],
      [{ flavor: { ...base.spec.values.flavor, replicas: 0 } }, 'spec.values.flavor.replicas'],
      [{ flavor: { ...base.spec.values.flavor, resources: [{ name: 'coredns', limitsCpu: 'lots' }] } }, 'spec.values.flavor.resources[0].limitsCpu'],
    ];
    for (const [change, message] of cases) {
      const res = await install(t, installBody(PAYMENTS, { values: { ...base.spec.values, ...change } }));
      expect(res.status, message).toBe(400);
      expect(res.body.errorCode).toBe('CCE.03400001');
      expect(res.body.errorMessage).toContain(message);
    }
    // Values as JSON strings (the SDK samples' style) are refused by the request schema.
    const strings = await install(t, installBody(PAYMENTS, { values: { basic: '{"cluster_ip":"10.247.3.10"}' } }));
    expect(strings.status).toBe(400);
    // Nothing was installed by any of them.
    expect((await list(t, PAYMENTS)).body.items.map((i) => i.spec.addonTemplateName)).not.toContain('coredns');
  });
});

describe('UpdateAutopilotAddonInstance and RollbackAutopilotAddonInstance', () => {
  it('upgrades with the example body, then rolls back to the previous version and values', async () => {
    const t = startTestSimulator();
    const before = await find(t, PAYMENTS, 'coredns');
    const id = before.metadata.uid;
    const res = await update(t, id, updateBody(PAYMENTS));
    expect(res.status).toBe(200);
    expect(addonInstanceSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.spec.version).toBe('1.28.6');
    expect(res.body.status).toMatchObject({ status: 'upgrading', Reason: 'addon upgrading', isRollbackable: false, currentVersion: { version: '1.28.6' } });
    expect((res.body.spec.values!.flavor as { resources: { limitsCpu: string }[] }).resources[0]!.limitsCpu).toBe('2000m');
    // The update replaced every value: the stub domain the example does not carry is gone.
    expect(res.body.spec.values!.custom!.stub_domains).toEqual({});

    // Nothing else while it runs.
    const again = await update(t, id, updateBody(PAYMENTS));
    expect([again.status, again.body.errorCode]).toEqual([429, 'CCE.01429002']);
    expect((await rollback(t, id, PAYMENTS)).status).toBe(429);
    expect((await uninstall(t, id)).status).toBe(429);

    t.advance(25 * SECOND);
    const upgraded = (await show(t, id)).body;
    expect(upgraded.status).toMatchObject({ status: 'running', Reason: '', isRollbackable: true, previousVersion: '1.28.4', targetVersions: null });

    const back = await rollback(t, id, PAYMENTS);
    expect(back.status).toBe(200);
    expect(addonInstanceSchema.safeParse(back.body).success).toBe(true);
    expect(back.body.spec.version).toBe('1.28.4');
    expect(back.body.status).toMatchObject({
      status: 'rollbacking',
      Reason: 'Rollback to 1',
      previousVersion: '1.28.6',
      targetVersions: ['1.28.6'],
      isRollbackable: false,
    });
    expect(back.body.spec.values!.custom!.stub_domains).toEqual({ 'payments.internal': ['192.168.0.53'] });
    expect(back.body.spec.values!.flavor).toEqual(before.spec.values!.flavor);

    t.advance(20 * SECOND);
    const after = (await show(t, id)).body;
    expect(after.status).toMatchObject({ status: 'running', isRollbackable: false, previousVersion: '1.28.6', targetVersions: ['1.28.6'] });
    expect(after.spec.version).toBe('1.28.4');
    const twice = await rollback(t, id, PAYMENTS);
    expect([twice.status, twice.body.errorCode]).toEqual([400, 'CCE.03400001']);
  });

  it('changes values at the same version (edit), and that can be rolled back too', async () => {
    const t = startTestSimulator();
    const metrics = await find(t, PAYMENTS, 'metrics-server');
    const values = { ...metrics.spec.values, custom: { ...metrics.spec.values!.custom, metric_resolution: '15s' } };
    delete (values as Record<string, unknown>).systemAutoInject;
    const res = await update(t, metrics.metadata.uid, {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: { annotations: { 'addon.upgrade/type': 'upgrade' } },
      spec: { clusterID: PAYMENTS, version: '1.3.68', addonTemplateName: 'metrics-server', values },
    });
    expect(res.status).toBe(200);
    expect(res.body.spec.values!.custom!.metric_resolution).toBe('15s');
    t.advance(MINUTE);
    const edited = (await show(t, metrics.metadata.uid)).body;
    expect(edited.status).toMatchObject({ status: 'running', isRollbackable: true, previousVersion: '1.3.68' });
    await rollback(t, metrics.metadata.uid, PAYMENTS);
    t.advance(MINUTE);
    expect((await show(t, metrics.metadata.uid)).body.spec.values!.custom!.metric_resolution).toBe('30s');
  });

  it('refuses updates to unknown, older or unsupported versions, another template, another cluster, and bad values', async () => {
    const t = startTestSimulator();
    const coredns = await find(t, PAYMENTS, 'coredns');
    const id = coredns.metadata.uid;
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ version: '1.28.9' }, 400, 'CCE.03400001', 'spec.version: coredns has no version 1.28.9'],
      [{ version: '1.27.4' }, 400, 'CCE.03400001', 'spec.version: coredns 1.27.4 does not support cluster version v1.28'],
      [{ version: '1.25.14' }, 400, 'CCE.03400001', 'does not support'],
      [{ addonTemplateName: 'metrics-server' }, 400, 'CCE.03400001', 'spec.addonTemplateName'],
      [{ clusterID: DEMO_SEED.clusters['prod-search'] }, 404, 'CCE.03404001', 'does not exist in cluster'],
    ];
    for (const [overrides, status, code, message] of cases) {
      const res = await update(t, id, updateBody(PAYMENTS, overrides));
      expect([res.status, res.body.errorCode], message).toEqual([status, code]);
      expect(res.body.errorMessage).toContain(message);
    }
    const unknown = await update(t, '90b775e0-5774-4e1d-ab3b-516332ba047a', updateBody(PAYMENTS));
    expect(unknown.status).toBe(404);
    // A downgrade through update is refused: that is what rollback is for.
    const search = await find(t, DEMO_SEED.clusters['prod-search'], 'coredns');
    const down = await update(t, search.metadata.uid, updateBody(DEMO_SEED.clusters['prod-search'], { version: '1.28.4' }));
    expect(down.status).toBe(400);
    expect(down.body.errorMessage).toContain('roll the add-on back instead');
    // The update request needs a version (mandatory for upgrades).
    const noVersion = updateBody(PAYMENTS);
    delete noVersion.spec.version;
    expect((await update(t, id, noVersion)).status).toBe(400);
    expect((await show(t, id)).body.status.status).toBe('running');
  });

  it('refuses a rollback of an instance that has no earlier revision, and of another cluster', async () => {
    const t = startTestSimulator();
    const coredns = await find(t, PAYMENTS, 'coredns');
    const res = await rollback(t, coredns.metadata.uid, PAYMENTS);
    expect([res.status, res.body.errorCode]).toEqual([400, 'CCE.03400001']);
    const search = await find(t, DEMO_SEED.clusters['prod-search'], 'coredns');
    const elsewhere = await rollback(t, search.metadata.uid, PAYMENTS);
    expect([elsewhere.status, elsewhere.body.errorCode]).toEqual([404, 'CCE.03404001']);
    const missing = await t.json<Err>('POST', `/autopilot/v3/addons/${search.metadata.uid}/operation/rollback`, { body: {} });
    expect(missing.status).toBe(400);
  });

  it('rolls back the seeded upgraded CoreDNS of prod-search', async () => {
    const t = startTestSimulator();
    const cluster = DEMO_SEED.clusters['prod-search'];
    const coredns = await find(t, cluster, 'coredns');
    const res = await rollback(t, coredns.metadata.uid, cluster);
    expect(res.status).toBe(200);
    expect(res.body.spec.version).toBe('1.28.4');
    expect(res.body.spec.values!.custom!.upstream_nameservers).toEqual([]);
    t.advance(MINUTE);
    expect((await show(t, coredns.metadata.uid)).body.status).toMatchObject({ status: 'running', previousVersion: '1.28.6', targetVersions: ['1.28.6'] });
  });
});

describe('DeleteAutopilotAddonInstance', () => {
  it('answers "success", goes through deleting and is gone', async () => {
    const t = startTestSimulator();
    const metrics = await find(t, PAYMENTS, 'metrics-server');
    const res = await uninstall(t, metrics.metadata.uid, PAYMENTS);
    expect(res.status).toBe(200);
    expect(res.body).toBe(example('DeleteAutopilotAddonInstance.response'));
    expect((await show(t, metrics.metadata.uid)).body.status.status).toBe('deleting');
    const twice = await uninstall(t, metrics.metadata.uid);
    expect([twice.status, twice.body.errorCode]).toEqual([429, 'CCE.01429002']);
    t.advance(12 * SECOND);
    expect((await show(t, metrics.metadata.uid)).status).toBe(404);
    expect((await list(t, PAYMENTS)).body.items.map((i) => i.spec.addonTemplateName)).toEqual(['coredns', 'cie-collector']);
    // The template can be installed again.
    const again = await install(t, {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: {},
      spec: { clusterID: PAYMENTS, addonTemplateName: 'metrics-server', values: {} },
    });
    expect(again.status).toBe(201);
  });

  it('refuses an unknown instance and one of another cluster, and uninstalls an abnormal one', async () => {
    const t = startTestSimulator();
    expect((await uninstall(t, '90b775e0-5774-4e1d-ab3b-516332ba047a')).status).toBe(404);
    const coredns = await find(t, PAYMENTS, 'coredns');
    const elsewhere = await uninstall(t, coredns.metadata.uid, DEMO_SEED.clusters['prod-search']);
    expect([elsewhere.status, elsewhere.body.errorCode]).toEqual([404, 'CCE.03404001']);
    const abnormal = await find(t, DEMO_SEED.clusters['staging-web'], 'coredns');
    expect((await uninstall(t, abnormal.metadata.uid)).status).toBe(200);
  });
});

describe('requests as Huawei’s SDKs send them', () => {
  it('accepts the cluster-prefixed host of the reference (never reading the cluster from it) and the plain one', async () => {
    const t = startTestSimulator();
    for (const host of [`${DEMO_SEED.clusters['staging-web']}.${TEST_HOST}`, TEST_HOST]) {
      const headers = sdkSignedHeaders(t, { host, method: 'GET', path: '/autopilot/v3/addons', query: { cluster_id: PAYMENTS } });
      const res = await t.sim.fetch(new Request(`http://${host}/autopilot/v3/addons?cluster_id=${PAYMENTS}`, { headers }));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Instance[] };
      expect(new Set(body.items.map((i) => i.spec.clusterID))).toEqual(new Set([PAYMENTS]));
    }
  });

  it('accepts an SDK-signed rollback with the example body', async () => {
    const t = startTestSimulator();
    const cluster = DEMO_SEED.clusters['prod-search'];
    const coredns = await find(t, cluster, 'coredns');
    const path = `/autopilot/v3/addons/${coredns.metadata.uid}/operation/rollback`;
    const data = { ...example<Record<string, unknown>>('RollbackAutopilotAddonInstance.request'), clusterID: cluster };
    const headers = sdkSignedHeaders(t, { method: 'POST', path, data });
    const res = await t.sim.fetch(new Request(`http://${TEST_HOST}${path}`, { method: 'POST', headers, body: JSON.stringify(data) }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as Instance).status.status).toBe('rollbacking');
  });
});
