import { describe, expect, it } from 'vitest';
import {
  ADDON_INSTANCE_PHASES,
  addonErrorCodes,
  addonInstanceListSchema,
  addonInstanceSchema,
  addonOperations,
  addonPhaseMeanings,
  addonTemplateListSchema,
  addonValuesForUpdate,
  addonAutopilotFlavors,
  addonClusterVersion,
  addonFlavorValue,
  defaultAddonCustom,
  defaultAddonFlavor,
  defaultAddonValues,
  addonVersionSupportsCluster,
  canRollbackAddon,
  FAILED_ADDON_PHASES,
  installAddonBodySchema,
  isFailedAddonPhase,
  isTransitionalAddonPhase,
  listAddons,
  listAddonsQuerySchema,
  listAddonTemplatesQuerySchema,
  rollbackAddonBodySchema,
  showAddon,
  TRANSITIONAL_ADDON_PHASES,
  updateAddonBodySchema,
  type AddonInstance,
} from './addons.ts';
import { REMOVE, example, messages, withPath } from './test-support.ts';
import { CCE_ERROR_CODES } from './error-codes.ts';

const installBody = (path?: string, value?: unknown): unknown =>
  path ? withPath(example('CreateAutopilotAddonInstance.request.json'), path, value) : example('CreateAutopilotAddonInstance.request.json');
const updateBody = (path?: string, value?: unknown): unknown =>
  path ? withPath(example('UpdateAutopilotAddonInstance.request.json'), path, value) : example('UpdateAutopilotAddonInstance.request.json');

describe('add-on operations', () => {
  it('are the 7 documented operations with their documented methods, paths and statuses', () => {
    const table = Object.values(addonOperations).map((op) => `${op.id} ${op.method} ${op.path} ${op.successStatus}`);
    expect(table).toEqual([
      'CreateAutopilotAddonInstance POST /autopilot/v3/addons 201',
      'ListAutopilotAddonTemplates GET /autopilot/v3/addontemplates 200',
      'UpdateAutopilotAddonInstance PUT /autopilot/v3/addons/{id} 200',
      'RollbackAutopilotAddonInstance POST /autopilot/v3/addons/{id}/operation/rollback 200',
      'DeleteAutopilotAddonInstance DELETE /autopilot/v3/addons/{id} 200',
      'ShowAutopilotAddonInstance GET /autopilot/v3/addons/{id} 200',
      'ListAutopilotAddonInstances GET /autopilot/v3/addons 200',
    ]);
    for (const op of Object.values(addonOperations)) expect(op.resource).toBe('addons');
  });

  it('refuses an instance id that could change the upstream path', () => {
    for (const bad of ['..', 'a/b', 'a%2Fb', '']) expect(showAddon.params.safeParse({ id: bad }).success, bad).toBe(false);
    expect(showAddon.params.safeParse({ id: '90b775e0-5774-4e1d-ab3b-516332ba047a' }).success).toBe(true);
  });

  it('uses only add-on error codes of the reference table', () => {
    for (const code of Object.values(addonErrorCodes)) expect(CCE_ERROR_CODES[code]).toBeDefined();
    expect(CCE_ERROR_CODES[addonErrorCodes.alreadyInstalled].status).toBe(409);
  });
});

describe('installAddonBodySchema', () => {
  it("accepts the reference's install example", () => {
    expect(messages(installAddonBodySchema, installBody())).toEqual([]);
  });

  it('accepts a minimal body: no version (latest supported), empty metadata and values', () => {
    const minimal = {
      kind: 'Addon',
      apiVersion: 'v3',
      metadata: {},
      spec: { clusterID: '597f2d95-44ab-11ef-9e39-0255ac100115', addonTemplateName: 'coredns', values: {} },
    };
    expect(messages(installAddonBodySchema, minimal)).toEqual([]);
  });

  it('refuses a kind or apiVersion other than the fixed values', () => {
    expect(messages(installAddonBodySchema, installBody('kind', 'AddonInstance'))).toContain('kind must be "Addon"');
    expect(messages(installAddonBodySchema, installBody('apiVersion', 'v1'))).toContain('apiVersion must be "v3"');
    expect(messages(installAddonBodySchema, installBody('kind', REMOVE))).toContain('kind must be "Addon"');
  });

  it('refuses a body without the mandatory metadata, cluster, template or values', () => {
    expect(messages(installAddonBodySchema, installBody('metadata', REMOVE))).toContain('metadata is required (it may be {})');
    expect(messages(installAddonBodySchema, installBody('spec', REMOVE))).toContain('spec is required');
    expect(messages(installAddonBodySchema, installBody('spec.clusterID', REMOVE))).toContain('spec.clusterID (cluster ID) is required');
    expect(messages(installAddonBodySchema, installBody('spec.clusterID', ''))).toContain('spec.clusterID (cluster ID) must not be empty');
    expect(messages(installAddonBodySchema, installBody('spec.addonTemplateName', REMOVE))).toContain(
      'spec.addonTemplateName (add-on template name) is required',
    );
    expect(messages(installAddonBodySchema, installBody('spec.values', REMOVE))).toContain(
      'values is required (the installation parameters of the add-on; may be {})',
    );
  });

  it('refuses annotations other than the fixed install annotation', () => {
    const expected = 'metadata.annotations must be {"addon.install/type": "install"} on installation';
    expect(messages(installAddonBodySchema, installBody('metadata.annotations', { 'addon.upgrade/type': 'upgrade' }))).toContain(expected);
    expect(messages(installAddonBodySchema, installBody('metadata.annotations', { 'addon.install/type': 'upgrade' }))).toContain(expected);
    expect(messages(installAddonBodySchema, installBody('metadata.annotations', REMOVE))).toEqual([]);
  });

  it('refuses values whose basic / flavor / custom are JSON strings (as in the SDK samples)', () => {
    expect(messages(installAddonBodySchema, installBody('spec.values.basic', '{"swr_user":"autopilot-official"}'))).toContain('values.basic must be an object');
    expect(messages(installAddonBodySchema, installBody('spec.values.flavor', '{}'))).toContain('values.flavor must be an object');
    expect(messages(installAddonBodySchema, installBody('spec.values.custom', []))).toContain('values.custom must be an object');
  });

  it('refuses an empty version string (omit it instead)', () => {
    expect(messages(installAddonBodySchema, installBody('spec.version', ''))).toContain(
      'version must not be empty (omit it to install the latest supported version)',
    );
    expect(messages(installAddonBodySchema, installBody('spec.version', REMOVE))).toEqual([]);
  });
});

describe('updateAddonBodySchema', () => {
  it("accepts the reference's update example", () => {
    expect(messages(updateAddonBodySchema, updateBody())).toEqual([]);
  });

  it('requires the version to upgrade to', () => {
    expect(messages(updateAddonBodySchema, updateBody('spec.version', REMOVE))).toContain('spec.version (the version to upgrade to) is required');
  });

  it('refuses the install annotation on an update', () => {
    expect(messages(updateAddonBodySchema, updateBody('metadata.annotations', { 'addon.install/type': 'install' }))).toContain(
      'metadata.annotations must be {"addon.upgrade/type": "upgrade"} on update',
    );
  });

  it('refuses a body without cluster or values', () => {
    expect(messages(updateAddonBodySchema, updateBody('spec.clusterID', REMOVE))).toContain('spec.clusterID (cluster ID) is required');
    expect(messages(updateAddonBodySchema, updateBody('spec.values', null))).toContain(
      'values is required (the installation parameters of the add-on; may be {})',
    );
  });

  it('accepts the values of an instance echoed back without the server-injected block', () => {
    const instance = addonInstanceSchema.parse(example('UpdateAutopilotAddonInstance.response.json'));
    expect(instance.spec?.values).toHaveProperty('systemAutoInject');
    const values = addonValuesForUpdate(instance.spec?.values);
    expect(values).not.toHaveProperty('systemAutoInject');
    expect(values).toHaveProperty('flavor');
    expect(messages(updateAddonBodySchema, updateBody('spec.values', values))).toEqual([]);
    expect(addonValuesForUpdate(null)).toEqual({});
  });
});

describe('rollbackAddonBodySchema', () => {
  it("accepts the reference's rollback example", () => {
    expect(messages(rollbackAddonBodySchema, example('RollbackAutopilotAddonInstance.request.json'))).toEqual([]);
  });

  it('requires the cluster ID at the top level', () => {
    expect(messages(rollbackAddonBodySchema, {})).toContain('clusterID (cluster ID) is required');
    expect(messages(rollbackAddonBodySchema, { clusterID: '' })).toContain('clusterID (cluster ID) must not be empty');
    expect(messages(rollbackAddonBodySchema, { spec: { clusterID: 'c' } })).toContain('clusterID (cluster ID) is required');
  });
});

describe('queries', () => {
  it('list of instances: cluster_id is mandatory and a single safe segment', () => {
    expect(messages(listAddonsQuerySchema, {})).toContain('cluster_id (cluster ID) is required');
    expect(messages(listAddonsQuerySchema, { cluster_id: '../x' }).length).toBeGreaterThan(0);
    expect(messages(listAddonsQuerySchema, { cluster_id: '597f2d95-44ab-11ef-9e39-0255ac100115' })).toEqual([]);
    expect(listAddons.query).toBe(listAddonsQuerySchema);
  });

  it('get and delete: cluster_id is optional', () => {
    expect(messages(addonOperations.showAddon.query, {})).toEqual([]);
    expect(messages(addonOperations.deleteAddon.query, { cluster_id: '597f2d95-44ab-11ef-9e39-0255ac100115' })).toEqual([]);
    expect(messages(addonOperations.deleteAddon.query, { cluster_id: 'a/b' }).length).toBeGreaterThan(0);
  });

  it('templates: addon_template_name is optional but not empty', () => {
    expect(messages(listAddonTemplatesQuerySchema, {})).toEqual([]);
    expect(messages(listAddonTemplatesQuerySchema, { addon_template_name: 'kube-prometheus-stack' })).toEqual([]);
    expect(messages(listAddonTemplatesQuerySchema, { addon_template_name: '' })).toContain(
      'addon_template_name must not be empty (omit it to list all templates)',
    );
  });
});

describe('responses', () => {
  it('read the examples with the fields a console needs', () => {
    const rolledBack = addonInstanceSchema.parse(example('RollbackAutopilotAddonInstance.response.json'));
    expect(rolledBack.status).toMatchObject({ status: 'rollbacking', Reason: 'Rollback to 1', previousVersion: '1.28.6', targetVersions: ['1.28.6'] });
    const shown = addonInstanceSchema.parse(example('ShowAutopilotAddonInstance.response.json'));
    expect(shown.spec?.values).toBeNull();
    const list = addonInstanceListSchema.parse(example('ListAutopilotAddonInstances.response.json'));
    expect(list.items?.[0]?.status?.status).toBe('installing');
    const templates = addonTemplateListSchema.parse(example('ListAutopilotAddonTemplates.response.json'));
    expect(templates.items?.[0]?.spec?.versions?.[0]?.supportVersions?.[0]?.clusterVersion).toContain('v1.(27|28).*');
  });

  it('tolerate unknown statuses, unknown fields and null lists from a newer cloud', () => {
    const parsed = addonInstanceSchema.parse({
      kind: 'Addon',
      metadata: { uid: 'x', extra: 1 },
      spec: { values: null, addonTemplateLabels: null, addonTemplateType: 'kustomize' },
      status: { status: 'migrating', targetVersions: null, currentVersion: { supportVersions: null } },
    });
    expect(parsed.status?.status).toBe('migrating');
    expect(parsed.metadata).toHaveProperty('extra', 1);
    expect(addonInstanceListSchema.parse({ kind: 'Addon', items: null }).items).toBeNull();
  });
});

describe('statuses', () => {
  it('documents all 13 statuses with a meaning', () => {
    expect(ADDON_INSTANCE_PHASES).toHaveLength(13);
    for (const phase of ADDON_INSTANCE_PHASES) expect(addonPhaseMeanings[phase]).toBeTruthy();
  });

  it('polls only while an operation is in progress', () => {
    for (const phase of TRANSITIONAL_ADDON_PHASES) expect(isTransitionalAddonPhase(phase)).toBe(true);
    for (const phase of ['running', 'available', 'abnormal', 'installFailed', 'deleteSuccess', 'unknown', undefined, null]) {
      expect(isTransitionalAddonPhase(phase), String(phase)).toBe(false);
    }
    for (const phase of FAILED_ADDON_PHASES) expect(isFailedAddonPhase(phase)).toBe(true);
    expect(isFailedAddonPhase('running')).toBe(false);
  });

  it('offers a rollback only when rollbackable and in an allowed status', () => {
    const instance = (status: string, isRollbackable: boolean): AddonInstance => ({ status: { status, isRollbackable } });
    expect(canRollbackAddon(instance('running', true))).toBe(true);
    expect(canRollbackAddon(instance('upgradeFailed', true))).toBe(true);
    expect(canRollbackAddon(instance('running', false))).toBe(false);
    expect(canRollbackAddon(instance('upgrading', true))).toBe(false);
    expect(canRollbackAddon(instance('installFailed', true))).toBe(false);
  });
});

describe('addonVersionSupportsCluster', () => {
  const version = { supportVersions: [{ clusterType: 'VirtualMachine', clusterVersion: ['v1.(27|28).*'] }] };
  it('matches the cluster version against the anchored patterns', () => {
    expect(addonVersionSupportsCluster(version, 'v1.28')).toBe(true);
    expect(addonVersionSupportsCluster(version, 'v1.27.3-r0')).toBe(true);
    expect(addonVersionSupportsCluster(version, 'v1.29')).toBe(false);
    expect(addonVersionSupportsCluster(version, 'xv1.28')).toBe(false);
  });
  it('treats a version without supportVersions as unrestricted and a bad pattern as no match', () => {
    expect(addonVersionSupportsCluster({ supportVersions: null }, 'v1.30')).toBe(true);
    expect(addonVersionSupportsCluster({ supportVersions: [{ clusterVersion: ['v1.(28'] }] }, 'v1.28')).toBe(false);
  });
});

describe('values from a version input', () => {
  it('builds the install example request values from the install example response version (digest B.1, B.2)', () => {
    const response = addonInstanceSchema.parse(example('CreateAutopilotAddonInstance.response.json'));
    const request = installAddonBodySchema.parse(example('CreateAutopilotAddonInstance.request.json'));
    const version = response.status!.currentVersion!;
    const values = defaultAddonValues(version, 'v1.28.5-r0');
    expect(values.flavor).toEqual(request.spec.values.flavor);
    expect(values.basic).toEqual(request.spec.values.basic);
    expect(values.custom).toEqual(request.spec.values.custom);
    // Only the Autopilot flavor is offered; flavor1…4 are for other cluster types.
    expect(addonAutopilotFlavors(version).map((f) => f.key)).toEqual(['autopilot-flavor1']);
  });

  it('picks the default Autopilot flavor and applies the Autopilot scenario of the template example (digest B.3)', () => {
    const template = addonTemplateListSchema.parse(example('ListAutopilotAddonTemplates.response.json')).items![0]!;
    const version = template.spec!.versions![0]!;
    expect(addonAutopilotFlavors(version).map((f) => f.key)).toEqual([
      'autopilot-flavor1',
      'autopilot-flavor2',
      'autopilot-flavor4',
      'autopilot-flavor5',
      'autopilot-flavor6',
      'autopilot-flavor8',
    ]);
    expect(defaultAddonFlavor(version)?.key).toBe('autopilot-flavor5');
    const flavor = addonFlavorValue(defaultAddonFlavor(version)!);
    expect(flavor.name).toBe('Autopilot-Agent-Small(<=2000 containers)');
    expect((flavor.resources as Record<string, unknown>[])[0]).toEqual({
      id: 'prometheusOperator',
      name: 'prometheusOperator',
      limitsCpu: '1000m',
      limitsMem: '1024Mi',
      requestsCpu: '1000m',
      requestsMem: '1024Mi',
    });
    const custom = defaultAddonCustom(version);
    expect(custom).toMatchObject({ cluster_category: 'Autopilot', enable_cpd: false, storage_class: 'csi-disk', retention: '1d' });
    expect(addonClusterVersion('v1.27.3-r0')).toBe('v1.27');
  });

  it('offers every flavor when none carries a category, and none without input', () => {
    const version = { input: { parameters: { small: { name: 'small', replicas: 1 }, large: { name: 'large', is_default: true } } } };
    expect(addonAutopilotFlavors(version).map((f) => f.key)).toEqual(['small', 'large']);
    expect(defaultAddonFlavor(version)?.key).toBe('large');
    expect(defaultAddonValues({ input: null }, 'v1.28')).toEqual({ basic: { cluster_version: 'v1.28', rbac_enabled: true }, custom: {} });
  });
});
