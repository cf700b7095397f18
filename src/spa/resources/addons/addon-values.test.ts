import { describe, expect, it } from 'vitest';
import { addonInstanceSchema, addonTemplateListSchema, installAddonBodySchema, updateAddonBodySchema } from '../../../contract/addons.ts';
import installResponse from '../../../contract/examples/CreateAutopilotAddonInstance.response.json';
import installRequest from '../../../contract/examples/CreateAutopilotAddonInstance.request.json';
import updateResponse from '../../../contract/examples/UpdateAutopilotAddonInstance.response.json';
import showNullValues from '../../../contract/examples/ShowAutopilotAddonInstance.response.json';
import templates from '../../../contract/examples/ListAutopilotAddonTemplates.response.json';
import { addonFormModel, flavorKeyOf } from './addon-form-model.ts';
import {
  diffValues,
  installRequestBody,
  installStartValues,
  updateRequestBody,
  updateStartValues,
  withCustomValue,
  withFlavor,
  withReplicas,
} from './addon-values.ts';

const installed = addonInstanceSchema.parse(installResponse);
const coredns = installed.status!.currentVersion!;
const prometheus = addonTemplateListSchema.parse(templates).items![0]!.spec!.versions![0]!;

describe('the values form model', () => {
  it('offers the Autopilot flavors with the default preselected and one field per custom parameter, named ones first', () => {
    const model = addonFormModel(prometheus, 'en');
    expect(model.flavors.map((f) => f.key)).toEqual([
      'autopilot-flavor1',
      'autopilot-flavor2',
      'autopilot-flavor4',
      'autopilot-flavor5',
      'autopilot-flavor6',
      'autopilot-flavor8',
    ]);
    expect(model.defaultFlavorKey).toBe('autopilot-flavor5');
    const small = model.flavors.find((f) => f.key === 'autopilot-flavor1')!;
    expect(small.label).toBe('Small(<=2000 containers)');
    expect(small.resources[1]).toEqual({ name: 'prometheus', cpu: '8', memory: '32Gi' });
    const named = model.fields.filter((f) => f.named).map((f) => [f.key, f.label, f.kind]);
    expect(named).toEqual([
      ['deploy_mode', 'prometheus deploy mode', 'string'],
      ['highAvailability', 'high availability', 'boolean'],
      ['region', 'availability region', 'string'],
      ['retention', 'data retention period', 'string'],
      ['storage_size', 'data Persistent Volume size', 'string'],
      ['storage_type', 'data Persistent Volume Storage Class', 'string'],
    ]);
    expect(model.fields.find((f) => f.key === 'shards')).toMatchObject({
      named: false,
      label: 'shards',
      kind: 'number',
      description: 'Number of prometheus shards to distribute targets onto',
    });
    expect(model.fields.find((f) => f.key === 'appConfig')?.kind).toBe('structured');
    expect(model.changeLog).toBe('The Autopilot cluster is supported.');
  });

  it('reads the Chinese strings when Chinese is chosen and falls back to English', () => {
    const model = addonFormModel(coredns, 'zh-CN');
    expect(model.fields.find((f) => f.key === 'stub_domains')).toMatchObject({ label: 'Stub domain', kind: 'structured' });
    expect(model.fields.find((f) => f.key === 'upstream_nameservers')).toMatchObject({ label: 'Upstream DNS server', kind: 'string-list' });
    expect(model.fields.find((f) => f.key === 'multiAZEnabled')).toMatchObject({ label: 'multiAZEnabled', named: false, kind: 'boolean' });
    expect(model.description).toBe('CoreDNS is a DNS server that chains plug-ins and offers DNS resolution for Kubernetes clusters.');
  });

  it('recognises the chosen flavor by key or by its own name', () => {
    const model = addonFormModel(prometheus, 'en');
    expect(flavorKeyOf(model, { name: 'Autopilot-Agent-Small(<=2000 containers)' })).toBe('autopilot-flavor5');
    expect(flavorKeyOf(model, { name: 'autopilot-flavor2' })).toBe('autopilot-flavor2');
    expect(flavorKeyOf(model, { name: 'nope' })).toBeUndefined();
    expect(flavorKeyOf(model, null)).toBeUndefined();
  });
});

describe('values', () => {
  it('start an install from the defaults: the request the reference shows', () => {
    const values = installStartValues(coredns, 'v1.28');
    const body = installRequestBody({ clusterId: '597f2d95-44ab-11ef-9e39-0255ac100115', templateName: 'coredns', version: '1.28.6', values });
    expect(installAddonBodySchema.parse(body)).toEqual(installAddonBodySchema.parse(installRequest));
  });

  it('start an update from the current values without systemAutoInject', () => {
    const instance = addonInstanceSchema.parse(updateResponse);
    const { values, fromDefaults } = updateStartValues(instance, instance.status!.currentVersion!, 'v1.28');
    expect(fromDefaults).toBe(false);
    expect(values.systemAutoInject).toBeUndefined();
    expect(values.custom).toEqual(instance.spec!.values!.custom);
    const body = updateRequestBody({ clusterId: 'c', templateName: 'coredns', version: '1.28.6', values });
    expect(updateAddonBodySchema.safeParse(body).success).toBe(true);
    expect(body.metadata.annotations).toEqual({ 'addon.upgrade/type': 'upgrade' });
  });

  it('start from the defaults when a get returns values: null, and say so', () => {
    const instance = addonInstanceSchema.parse(showNullValues);
    const { values, fromDefaults } = updateStartValues(instance, undefined, 'v1.28');
    expect(fromDefaults).toBe(true);
    expect(values.flavor).toMatchObject({ name: 'autopilot-flavor1' });
  });

  it('take the target version’s infrastructure settings and new parameters on an upgrade, keeping the operator’s', () => {
    const instance = addonInstanceSchema.parse(installResponse);
    const target = {
      ...coredns,
      version: '1.29.0',
      input: { ...coredns.input, basic: { image_version: '1.29.0', swr_addr: 'swr.new' }, parameters: { custom: { newKnob: 5, upstream_nameservers: [] } } },
    };
    const start = withCustomValue(updateStartValues(instance, coredns, 'v1.28').values, 'upstream_nameservers', ['10.0.0.2']);
    const { values } = updateStartValues({ ...instance, spec: { ...instance.spec, values: start } }, target, 'v1.28');
    expect(values.basic).toMatchObject({ image_version: '1.29.0', swr_addr: 'swr.new', cluster_ip: '10.247.3.10' });
    expect(values.custom).toMatchObject({ newKnob: 5, upstream_nameservers: ['10.0.0.2'] });
  });

  it('change with the form without touching the rest', () => {
    const values = installStartValues(prometheus, 'v1.28');
    const model = addonFormModel(prometheus, 'en');
    const changed = withReplicas(withFlavor(withCustomValue(values, 'retention', '7d'), model.flavors[0]!.value), 3);
    expect(changed.flavor).toMatchObject({ name: 'Autopilot-Small(<=2000 containers)', replicas: 3 });
    expect((changed.custom as Record<string, unknown>).retention).toBe('7d');
    expect((values.custom as Record<string, unknown>).retention).toBe('1d');
    expect(changed.basic).toBe(values.basic);
  });

  it('leave a cleared parameter out instead of sending it empty or as zero', () => {
    const values = withCustomValue({ custom: { retention: '1d', scrapeSeconds: 30 } }, 'scrapeSeconds', undefined);
    expect(values.custom).toEqual({ retention: '1d' });
    expect(diffValues({ custom: { retention: '1d', scrapeSeconds: 30 } }, values)).toEqual([{ path: 'custom.scrapeSeconds', kind: 'removed', before: 30 }]);
  });

  it('differ leaf by leaf, naming paths', () => {
    const before = { flavor: { replicas: 2, resources: [{ limitsCpu: '1000m' }] }, custom: { a: 1, list: ['x'] }, gone: true };
    const after = { flavor: { replicas: 3, resources: [{ limitsCpu: '2000m' }] }, custom: { a: 1, list: ['x', 'y'], b: 'new' } };
    expect(diffValues(before, after)).toEqual([
      { path: 'flavor.replicas', kind: 'changed', before: 2, after: 3 },
      { path: 'flavor.resources[0].limitsCpu', kind: 'changed', before: '1000m', after: '2000m' },
      { path: 'custom.list[1]', kind: 'added', after: 'y' },
      { path: 'custom.b', kind: 'added', after: 'new' },
      { path: 'gone', kind: 'removed', before: true },
    ]);
    expect(diffValues(before, structuredClone(before))).toEqual([]);
  });
});
