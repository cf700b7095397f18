import { describe, expect, it } from 'vitest';
import {
  canCancelWorkflow,
  precheckItems,
  precheckTaskSchema,
  snapshotTaskListSchema,
  upgradeFeatureGatesSchema,
  upgradeInfoSchema,
  upgradeTaskListSchema,
  upgradeTaskSchema,
  upgradeWorkflowListSchema,
  upgradeWorkflowSchema,
  type PrecheckTask,
  type UpgradeInfo,
  type UpgradeTask,
  type UpgradeWorkflow,
} from '../../../contract/upgrades.ts';
import { DEMO_SEED } from '../../seed.ts';
import { startTestSimulator, type TestSimulator } from '../../test-support.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

interface CceError {
  errorCode: string;
  errorMessage: string;
}

function paths(t: TestSimulator, name: keyof typeof DEMO_SEED.clusters) {
  const uid = DEMO_SEED.clusters[name];
  const c = `${t.base}/clusters/${uid}`;
  return {
    uid,
    info: `${c}/upgradeinfo`,
    workflows: `${c}/operation/upgradeworkflows`,
    precheck: `${c}/operation/precheck`,
    prechecks: `${c}/operation/precheck/tasks`,
    upgrade: `${c}/operation/upgrade`,
    tasks: `${c}/operation/upgrade/tasks`,
    retry: `${c}/operation/upgrade/retry`,
    postcheck: `${c}/operation/postcheck`,
    snapshot: `/autopilot/v3.1/projects/${t.sim.projectId}/clusters/${uid}/operation/snapshot`,
    snapshots: `/autopilot/v3.1/projects/${t.sim.projectId}/clusters/${uid}/operation/snapshot/tasks`,
    cluster: c,
  };
}

async function info(t: TestSimulator, p: ReturnType<typeof paths>): Promise<UpgradeInfo> {
  const res = await t.json('GET', p.info);
  expect(res.status).toBe(200);
  return upgradeInfoSchema.parse(res.body);
}

function currentPatch(i: UpgradeInfo): string {
  return `${i.spec!.versionInfo!.release}-${i.spec!.versionInfo!.patch}`;
}

async function startWorkflow(t: TestSimulator, p: ReturnType<typeof paths>, targetVersion: string) {
  const res = await t.json('POST', p.workflows, { body: { kind: 'WorkFlowTask', apiVersion: 'v3', spec: { clusterID: p.uid, targetVersion } } });
  expect(res.status).toBe(201);
  return upgradeWorkflowSchema.parse(res.body);
}

async function runPrecheck(t: TestSimulator, p: ReturnType<typeof paths>, targetVersion: string, skipped?: unknown[]) {
  const clusterVersion = currentPatch(await info(t, p));
  const res = await t.json('POST', p.precheck, {
    body: {
      kind: 'PreCheckTask',
      apiVersion: 'v3',
      spec: { clusterID: p.uid, clusterVersion, targetVersion, ...(skipped ? { skippedCheckItemList: skipped } : {}) },
    },
  });
  expect(res.status).toBe(200);
  return precheckTaskSchema.parse(res.body);
}

async function precheck(t: TestSimulator, p: ReturnType<typeof paths>, id: string): Promise<PrecheckTask> {
  const res = await t.json('GET', `${p.prechecks}/${id}`);
  expect(res.status).toBe(200);
  return precheckTaskSchema.parse(res.body);
}

function upgradeBody(targetVersion: string, extra: Record<string, unknown> = {}) {
  return {
    metadata: { apiVersion: 'v3', kind: 'UpgradeTask' },
    spec: { clusterUpgradeAction: { strategy: { type: 'inPlaceRollingUpdate', inPlaceRollingUpdate: { userDefinedStep: 20 } }, targetVersion, ...extra } },
  };
}

async function upgradeTask(t: TestSimulator, p: ReturnType<typeof paths>, id: string): Promise<UpgradeTask> {
  const res = await t.json('GET', `${p.tasks}/${id}`);
  expect(res.status).toBe(200);
  return upgradeTaskSchema.parse(res.body);
}

async function workflow(t: TestSimulator, p: ReturnType<typeof paths>, id: string): Promise<UpgradeWorkflow> {
  const res = await t.json('GET', `${p.workflows}/${id}`);
  expect(res.status).toBe(200);
  return upgradeWorkflowSchema.parse(res.body);
}

function point(w: UpgradeWorkflow, taskType: string) {
  return w.status?.pointStatuses?.find((x) => x.taskType === taskType);
}

/** dev-sandbox upgraded to `target` after a passed pre-check, the upgrade task run to its end. */
async function upgradeSandbox(t: TestSimulator, target: string, extra: Record<string, unknown> = {}) {
  const p = paths(t, 'dev-sandbox');
  await startWorkflow(t, p, target);
  await runPrecheck(t, p, target);
  t.advance(MINUTE);
  const started = await t.json<{ metadata: { uid: string } }>('POST', p.upgrade, { body: upgradeBody(target, extra) });
  expect(started.status).toBe(200);
  t.advance(10 * MINUTE);
  return { p, task: await upgradeTask(t, p, started.body.metadata.uid) };
}

/** The version of each add-on installed in the cluster, by template name. */
async function addonVersions(t: TestSimulator, p: ReturnType<typeof paths>): Promise<Record<string, string>> {
  const res = await t.json<{ items: { spec: { addonTemplateName: string; version: string } }[] }>('GET', '/autopilot/v3/addons', {
    query: { cluster_id: p.uid },
  });
  return Object.fromEntries(res.body.items.map((a) => [a.spec.addonTemplateName, a.spec.version]));
}

async function clusterOf(t: TestSimulator, p: ReturnType<typeof paths>) {
  return (await t.json<{ spec: { version: string; platformVersion: string }; status: { phase: string; reason?: string; message?: string } }>('GET', p.cluster))
    .body;
}

describe('upgrade info, paths and feature gates', () => {
  it('gives each seeded cluster its patch version and the later versions it can go to, matching the global paths', async () => {
    const t = startTestSimulator();
    const staging = await info(t, paths(t, 'staging-web'));
    expect(staging.kind).toBe('UpgradeInfo');
    expect(staging.spec?.versionInfo).toEqual({ release: 'v1.27.2', patch: 'r0', suggestPatch: 'r0', targetVersions: ['v1.27.3-r0', 'v1.28.3-r0'] });
    const sandbox = await info(t, paths(t, 'dev-sandbox'));
    expect(sandbox.spec?.versionInfo?.targetVersions).toEqual(['v1.25.6-r0', 'v1.27.3-r0', 'v1.28.3-r0']);
    const pathsRes = await t.json<{ upgradePaths: { version: string; platformVersion: string; targetVersions: string[] }[] }>(
      'GET',
      '/autopilot/v3/clusterupgradepaths',
    );
    const row = pathsRes.body.upgradePaths.find((r) => r.version === 'v1.27' && r.platformVersion === 'cce.6.0');
    expect(row?.targetVersions).toEqual(staging.spec?.versionInfo?.targetVersions);
  });

  it('lists the feature gates with documented values', async () => {
    const t = startTestSimulator();
    const res = await t.json('GET', '/autopilot/v3/clusterupgradefeaturegates');
    expect(res.status).toBe(200);
    const gates = upgradeFeatureGatesSchema.parse(res.body);
    expect(gates.upgradeFeatureGates).toMatchObject({ UpgradeStrategy: 'Support', DisplayPreCheckDetail: 'Support', EvsSnapshot: 'Support' });
  });

  it('shows the seeded mid-upgrade cluster with a running workflow and task that end with the cluster at its target', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'analytics-batch');
    const before = await info(t, p);
    expect(before.status?.phase).toBe('Running');
    const list = upgradeWorkflowListSchema.parse((await t.json('GET', p.workflows)).body);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.status?.phase).toBe('Running');
    expect(point(list.items[0]!, 'PreCheck')?.status).toBe('Success');
    expect(point(list.items[0]!, 'Cluster')?.status).toBe('Running');
    t.advance(15 * MINUTE);
    const after = await info(t, p);
    expect(after.status?.phase).toBe('Success');
    expect(currentPatch(after)).toBe('v1.28.3-r0');
    expect((await clusterOf(t, p)).spec.version).toBe('v1.28');
    const done = await workflow(t, p, list.items[0]!.metadata!.uid!);
    expect(done.status?.phase).toBe('Init');
    expect(point(done, 'Cluster')?.status).toBe('Success');
  });

  it('answers 404 for an unknown cluster, task or workflow', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'staging-web');
    expect((await t.json<CceError>('GET', `${t.base}/clusters/00000000-0000-0000-0000-00000000dead/upgradeinfo`)).body.errorCode).toBe('CCE.01404001');
    expect((await t.json('GET', `${p.tasks}/nope`)).status).toBe(404);
    expect((await t.json('GET', `${p.prechecks}/nope`)).status).toBe(404);
    expect((await t.json('GET', `${p.workflows}/nope`)).status).toBe(404);
    expect((await t.json('PATCH', `${p.workflows}/nope`, { body: { status: { phase: 'Cancel' } } })).status).toBe(404);
  });
});

describe('the guided upgrade, target to done', () => {
  it('runs workflow → pre-check → backup → upgrade → post-check at high speed, the workflow following each task', async () => {
    const t = startTestSimulator({ speed: 20 });
    const p = paths(t, 'dev-sandbox');
    const created = await startWorkflow(t, p, 'v1.27');
    expect(created.status?.phase).toBeUndefined();
    expect(created.spec).toMatchObject({ clusterID: p.uid, clusterVersion: 'v1.25.5-r0', targetVersion: 'v1.27.3-r0' });
    expect(created.status?.pointStatuses?.map((x) => x.taskType)).toEqual(['PreCheck', 'Snapshot', 'Cluster', 'PostCheck']);
    expect(created.status?.lineStatuses).toHaveLength(2);
    const id = created.metadata!.uid!;
    expect((await workflow(t, p, id)).status?.phase).toBe('Init');

    // Pre-check: Init, then running stage by stage, then Success with an expiry one hour after it ended.
    const check = await runPrecheck(t, p, 'v1.27');
    expect(check.status?.phase).toBe('Init');
    t.advance(10 * SECOND);
    const running = await precheck(t, p, check.metadata!.uid!);
    expect(running.status?.phase).toBe('Running');
    expect(running.status?.clusterCheckStatus?.phase).toBe('Success');
    expect(running.status?.addonCheckStatus?.phase).toBe('Running');
    expect(point(await workflow(t, p, id), 'PreCheck')).toMatchObject({ taskID: check.metadata!.uid, status: 'Running' });
    expect((await workflow(t, p, id)).status?.phase).toBe('Running');
    t.advance(20 * SECOND);
    const passed = await precheck(t, p, check.metadata!.uid!);
    expect(passed.status?.phase).toBe('Success');
    expect(passed.status?.expireTimeStamp).toBeTruthy();
    const items = precheckItems(passed.status);
    expect(new Set(items.map((i) => i.stage))).toEqual(new Set(['cluster', 'addon', 'node']));
    expect(items.every((i) => i.item.phase === 'Success' && i.item.message === 'check item succeed')).toBe(true);
    expect(point(await workflow(t, p, id), 'PreCheck')?.expireTimeStamp).toBe(passed.status?.expireTimeStamp);

    // Backup with progress and the latest backup time.
    const snap = await t.json<{ uid: string; metadata: { apiVersion: string; kind: string } }>('POST', p.snapshot);
    expect(snap.status).toBe(200);
    expect(snap.body.metadata).toEqual({ apiVersion: 'v3.1', kind: 'Snapshot' });
    t.advance(20 * SECOND);
    let backups = snapshotTaskListSchema.parse((await t.json('GET', p.snapshots)).body);
    expect(backups.items[0]!.status?.phase).toBe('Running');
    expect(Number(backups.items[0]!.status?.progress)).toBeGreaterThan(0);
    expect(backups.status?.latestBackupTime).toBeUndefined();
    t.advance(30 * SECOND);
    backups = snapshotTaskListSchema.parse((await t.json('GET', p.snapshots)).body);
    expect(backups.items[0]!.status).toMatchObject({ phase: 'Success', progress: '100' });
    expect(backups.status?.latestBackupTime).toBeTruthy();
    expect(point(await workflow(t, p, id), 'Snapshot')?.status).toBe('Success');

    // Upgrade: Init → Queuing → Running → Success; the cluster Upgrading meanwhile.
    const started = await t.json<{ metadata: { uid: string }; spec: { clusterUpgradeAction: Record<string, unknown> } }>('POST', p.upgrade, {
      body: upgradeBody('v1.27', { addons: [{ addonTemplateName: 'coredns', operation: 'patch', version: '1.28.4' }] }),
    });
    expect(started.status).toBe(200);
    expect(started.body.spec.clusterUpgradeAction).toMatchObject({ version: 'v1.25.5-r0', targetVersion: 'v1.27.3-r0', targetPlatformVersion: 'cce.6.0' });
    const taskId = started.body.metadata.uid;
    expect((await upgradeTask(t, p, taskId)).status?.phase).toBe('Init');
    expect((await clusterOf(t, p)).status.phase).toBe('Upgrading');
    t.advance(8 * SECOND);
    expect((await upgradeTask(t, p, taskId)).status?.phase).toBe('Queuing');
    t.advance(60 * SECOND);
    const mid = await upgradeTask(t, p, taskId);
    expect(mid.status?.phase).toBe('Running');
    expect(Number(mid.status?.progress)).toBeGreaterThan(20);
    expect(point(await workflow(t, p, id), 'Cluster')).toMatchObject({ taskID: taskId, status: 'Running' });
    // A second upgrade while one runs, and cancelling meanwhile, are refused.
    expect((await t.json<CceError>('POST', p.upgrade, { body: upgradeBody('v1.27') })).body.errorCode).toBe('CCE.01429002');
    expect((await t.json<CceError>('PATCH', `${p.workflows}/${id}`, { body: { status: { phase: 'Cancel' } } })).body.errorCode).toBe('CCE.01429002');
    t.advance(4 * MINUTE);
    const done = await upgradeTask(t, p, taskId);
    expect(done.status).toMatchObject({ phase: 'Success', progress: '100.00' });
    expect(done.spec?.items).toMatchObject({ addons: [{ addonTemplateName: 'coredns', version: '1.28.4' }] });
    const addons = await t.json<{ items: { spec: { addonTemplateName: string; version: string } }[] }>('GET', '/autopilot/v3/addons', {
      query: { cluster_id: p.uid },
    });
    expect(addons.body.items.find((a) => a.spec.addonTemplateName === 'coredns')?.spec.version).toBe('1.28.4');
    const cluster = await clusterOf(t, p);
    expect(cluster.status.phase).toBe('Available');
    expect(cluster.spec).toMatchObject({ version: 'v1.27', platformVersion: 'cce.6.0' });
    expect(currentPatch(await info(t, p))).toBe('v1.27.3-r0');
    expect((await info(t, p)).spec?.versionInfo?.targetVersions).toEqual(['v1.28.3-r0']);
    expect((await workflow(t, p, id)).status?.phase).toBe('Init');

    // Post-check completes the workflow.
    const post = await t.json<{ status: { phase: string }; spec: Record<string, string> }>('POST', p.postcheck, {
      body: { kind: 'PostCheckTask', apiVersion: 'v3', spec: { clusterID: p.uid, clusterVersion: 'v1.25.5-r0', targetVersion: 'v1.27.3-r0' } },
    });
    expect(post.status).toBe(200);
    expect(post.body.status.phase).toBe('Success');
    const final = await workflow(t, p, id);
    expect(final.status?.phase).toBe('Success');
    expect(final.status?.pointStatuses?.map((x) => x.status)).toEqual(['Success', 'Success', 'Success', 'Success']);
    expect(canCancelWorkflow(final)).toBe(false);
    expect((await t.json<CceError>('PATCH', `${p.workflows}/${id}`, { body: { status: { phase: 'Cancel' } } })).body.errorCode).toBe('CCE.01400001');
    // Lists: one of each, parseable by the contract.
    expect(upgradeTaskListSchema.parse((await t.json('GET', p.tasks)).body).items).toHaveLength(1);
    expect(upgradeWorkflowListSchema.parse((await t.json('GET', p.workflows)).body).items.map((w) => w.status?.phase)).toEqual(['Success']);
  });

  it('patches the add-ons a request names to their versions, and one left out that the target does not support to its latest compatible version', async () => {
    const t = startTestSimulator();
    // dev-sandbox (v1.25) runs CoreDNS 1.27.4 (v1.25 and v1.27 only) and metrics-server 1.3.60 (up to v1.28).
    const { p, task: done } = await upgradeSandbox(t, 'v1.28.3-r0', {
      addons: [{ addonTemplateName: 'metrics-server', operation: 'patch', version: '1.3.68' }],
    });
    expect(done.status?.phase).toBe('Success');
    expect(done.spec?.items).toMatchObject({
      addons: [
        { addonTemplateName: 'metrics-server', version: '1.3.68' },
        { addonTemplateName: 'coredns', version: '1.28.6' },
      ],
    });
    expect(await addonVersions(t, p)).toEqual({
      coredns: '1.28.6',
      'metrics-server': '1.3.68',
    });
  });

  it('leaves an add-on whose version supports the target as it is when the request does not name it', async () => {
    const t = startTestSimulator();
    const { p, task } = await upgradeSandbox(t, 'v1.27.3-r0');
    expect(task.status?.phase).toBe('Success');
    expect(task.spec?.items).not.toHaveProperty('addons');
    expect(await addonVersions(t, p)).toEqual({
      coredns: '1.27.4',
      'metrics-server': '1.3.60',
    });
  });
});

describe('pre-check scenarios', () => {
  it('blocks on the abnormal add-on: a failed Exception that a skip list does not lift, but fixing the add-on does', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'staging-web');
    const w = await startWorkflow(t, p, 'v1.28');
    const check = await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    const failed = await precheck(t, p, check.metadata!.uid!);
    expect(failed.status?.phase).toBe('Failed');
    expect(failed.status?.addonCheckStatus?.phase).toBe('Failed');
    const item = precheckItems(failed.status).find((i) => i.item.phase === 'Failed')!;
    expect(item.item).toMatchObject({
      name: 'AddonLimit',
      kind: 'Exception',
      group: 'AddonCheck',
      message: 'addon [ coredns ] status is abnormal, check and try again',
      riskSource: { addonRisks: [{ addonTemplateName: 'coredns', alias: 'coredns' }] },
    });
    expect((await workflow(t, p, w.metadata!.uid!)).status?.phase).toBe('Pending');
    expect((await t.json<CceError>('POST', p.upgrade, { body: upgradeBody('v1.28') })).body.errorMessage).toContain('Failed');
    const again = await runPrecheck(t, p, 'v1.28', [{ name: 'AddonLimit' }]);
    t.advance(MINUTE);
    expect((await precheck(t, p, again.metadata!.uid!)).status?.phase).toBe('Failed');

    // The operator fixes CoreDNS (its upstream name server) through the add-on API; the re-run passes.
    const addons = await t.json<{ items: { metadata: { uid: string }; spec: { addonTemplateName: string; values: { custom: Record<string, unknown> } } }[] }>(
      'GET',
      '/autopilot/v3/addons',
      { query: { cluster_id: p.uid } },
    );
    const coredns = addons.body.items.find((a) => a.spec.addonTemplateName === 'coredns')!;
    const fix = await t.json('PUT', `/autopilot/v3/addons/${coredns.metadata.uid}`, {
      body: {
        kind: 'Addon',
        apiVersion: 'v3',
        metadata: { annotations: { 'addon.upgrade/type': 'upgrade' } },
        spec: {
          clusterID: p.uid,
          version: '1.28.6',
          addonTemplateName: 'coredns',
          values: { custom: { ...coredns.spec.values.custom, upstream_nameservers: ['100.125.1.250'] } },
        },
      },
    });
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    t.advance(5 * MINUTE);
    const fixed = await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    expect((await precheck(t, p, fixed.metadata!.uid!)).status?.phase).toBe('Success');
  });

  it('reports configuration, deprecated-API, node and add-on Risks that pass once skipped on a re-run', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'prod-search');
    await startWorkflow(t, p, 'v1.28.3-r0');
    const check = await runPrecheck(t, p, 'v1.28.3-r0');
    t.advance(MINUTE);
    const failed = await precheck(t, p, check.metadata!.uid!);
    expect(failed.status?.phase).toBe('Failed');
    const risks = precheckItems(failed.status).filter((i) => i.item.phase === 'Failed');
    expect(risks.every((r) => r.item.kind === 'Risk')).toBe(true);
    const sources = risks.map((r) => Object.keys(r.item.riskSource ?? {})[0]);
    expect(new Set(sources)).toEqual(new Set(['deprecatedAPIRisks', 'configurationRisks', 'addonRisks', 'nodeRisks']));
    const node = risks.find((r) => r.stage === 'node')!;
    expect(node.item.riskSource?.nodeRisks?.[0]?.NodeID).toBe(node.node?.uid);
    expect(risks.find((r) => r.item.name === 'DeprecatedApiCheck')!.item.riskSource?.deprecatedAPIRisks?.[0]).toMatchObject({
      url: '/apis/policy/v1beta1/podsecuritypolicies',
      userAgent: expect.stringContaining('kubectl'),
    });
    // Skipping only some leaves the others failing; node items are skipped per node.
    const partial = await runPrecheck(t, p, 'v1.28.3-r0', [{ name: 'DeprecatedApiCheck' }]);
    t.advance(MINUTE);
    expect((await precheck(t, p, partial.metadata!.uid!)).status?.phase).toBe('Failed');
    const skipped = [
      ...risks.filter((r) => r.stage !== 'node').map((r) => ({ name: r.item.name })),
      { name: node.item.name, resourceSelector: { key: 'node.uid', operator: 'In', values: [node.node!.uid] } },
    ];
    const rerun = await runPrecheck(t, p, 'v1.28.3-r0', skipped);
    t.advance(MINUTE);
    const passed = await precheck(t, p, rerun.metadata!.uid!);
    expect(passed.status?.phase).toBe('Success');
    expect(passed.spec?.skippedCheckItemList).toHaveLength(skipped.length);
    expect(precheckItems(passed.status).filter((i) => i.item.message?.startsWith('check item skipped'))).toHaveLength(skipped.length);
    expect((await t.json('POST', p.upgrade, { body: upgradeBody('v1.28') })).status).toBe(200);
  });

  it('refuses an upgrade after the pre-check expired (the seeded open workflow), and a fresh pre-check lifts it', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'prod-payments');
    const list = upgradeWorkflowListSchema.parse((await t.json('GET', p.workflows)).body);
    const open = list.items[0]!;
    expect(open.status?.phase).toBe('Init');
    expect(point(open, 'PreCheck')?.status).toBe('Success');
    const res = await t.json<CceError>('POST', p.upgrade, { body: upgradeBody('v1.28') });
    expect(res.status).toBe(400);
    expect(res.body.errorMessage).toContain('expired');
    // A second workflow while one is open is refused.
    expect(
      (await t.json<CceError>('POST', p.workflows, { body: { kind: 'WorkFlowTask', apiVersion: 'v3', spec: { targetVersion: 'v1.28' } } })).body.errorCode,
    ).toBe('CCE.01409001');
    await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    expect((await t.json('POST', p.upgrade, { body: upgradeBody('v1.28') })).status).toBe(200);
  });
});

describe('failure, retry and cancel', () => {
  it('fails the seeded upgrade at 40 %, leaves the workflow Pending, and succeeds on retry', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'prod-payments');
    const id = upgradeWorkflowListSchema.parse((await t.json('GET', p.workflows)).body).items[0]!.metadata!.uid!;
    // Retry with nothing failed is refused.
    expect((await t.json<CceError>('POST', p.retry)).body.errorCode).toBe('CCE.01400001');
    await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    const started = await t.json<{ metadata: { uid: string } }>('POST', p.upgrade, { body: upgradeBody('v1.28') });
    t.advance(10 * MINUTE);
    const failed = await upgradeTask(t, p, started.body.metadata.uid);
    expect(failed.status?.phase).toBe('Failed');
    expect(failed.status?.progress).toBe('40.00');
    expect(failed.spec?.items).toMatchObject({ message: expect.stringContaining('failed') });
    const cluster = await clusterOf(t, p);
    expect(cluster.status.phase).toBe('Available');
    expect(cluster.spec.version).toBe('v1.28');
    let w = await workflow(t, p, id);
    expect(w.status?.phase).toBe('Pending');
    expect(point(w, 'Cluster')?.status).toBe('Failed');
    expect(canCancelWorkflow(w)).toBe(true);

    const retry = await t.call('POST', p.retry);
    expect(retry.status).toBe(200);
    w = await workflow(t, p, id);
    expect(w.status?.phase).toBe('Running');
    const retryId = point(w, 'Cluster')!.taskID!;
    expect(retryId).not.toBe(started.body.metadata.uid);
    expect((await t.json<CceError>('POST', p.retry)).body.errorCode).toBe('CCE.01429002');
    t.advance(10 * MINUTE);
    expect((await upgradeTask(t, p, retryId)).status?.phase).toBe('Success');
    expect(currentPatch(await info(t, p))).toBe('v1.28.3-r0');
    const tasks = upgradeTaskListSchema.parse((await t.json('GET', p.tasks)).body).items;
    expect(tasks.map((x) => x.status?.phase)).toEqual(['Failed', 'Success']);
  });

  it('cancels a Pending workflow after a failure; the cluster stays at its version and retry is then refused', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'prod-payments');
    const id = upgradeWorkflowListSchema.parse((await t.json('GET', p.workflows)).body).items[0]!.metadata!.uid!;
    await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    await t.json('POST', p.upgrade, { body: upgradeBody('v1.28') });
    t.advance(10 * MINUTE);
    const res = await t.json('PATCH', `${p.workflows}/${id}`, { body: { status: { phase: 'Cancel' } } });
    expect(res.status).toBe(200);
    expect(upgradeWorkflowSchema.parse(res.body).status?.phase).toBe('Cancel');
    expect(currentPatch(await info(t, p))).toBe('v1.28.2-r0');
    expect((await t.json<CceError>('POST', p.retry)).body.errorMessage).toContain('cancelled');
    // A cancelled workflow is closed: a new one may start.
    expect((await t.json('POST', p.workflows, { body: { kind: 'WorkFlowTask', apiVersion: 'v3', spec: { targetVersion: 'v1.28' } } })).status).toBe(201);
  });

  it('cancels a workflow before any task ran, but not while its pre-check runs', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'staging-web');
    const w = await startWorkflow(t, p, 'v1.27');
    await runPrecheck(t, p, 'v1.27.3-r0');
    expect((await t.json<CceError>('PATCH', `${p.workflows}/${w.metadata!.uid}`, { body: { status: { phase: 'Cancel' } } })).status).toBe(429);
    t.advance(MINUTE);
    expect((await t.json('PATCH', `${p.workflows}/${w.metadata!.uid}`, { body: { status: { phase: 'Cancel' } } })).status).toBe(200);
    expect((await t.json<CceError>('PATCH', `${p.workflows}/${w.metadata!.uid}`, { body: { status: { phase: 'Cancel' } } })).status).toBe(400);
  });
});

describe('documented refusals', () => {
  it('refuses a target that is not an upgrade path, or not later than the current version', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'staging-web');
    const body = (targetVersion: string) => ({ body: { kind: 'WorkFlowTask', apiVersion: 'v3', spec: { targetVersion } } });
    const older = await t.json<CceError>('POST', p.workflows, body('v1.25'));
    expect(older.status).toBe(400);
    expect(older.body.errorCode).toBe('CCE.01400001');
    const unknown = await t.json<CceError>('POST', p.workflows, body('v1.29'));
    expect(unknown.body.errorCode).toBe('CCE.01400015');
    const wrongPatch = await t.json<CceError>('POST', p.workflows, body('v1.28.1-r0'));
    expect(wrongPatch.body.errorCode).toBe('CCE.01400015');
    const mismatch = await t.json<CceError>('POST', p.workflows, {
      body: { kind: 'WorkFlowTask', apiVersion: 'v3', spec: { clusterID: 'other', targetVersion: 'v1.28' } },
    });
    expect(mismatch.status).toBe(400);
  });

  it('refuses an upgrade without a passed pre-check, and a pre-check with the wrong current version or another target than the open workflow', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'staging-web');
    const res = await t.json<CceError>('POST', p.upgrade, { body: upgradeBody('v1.28') });
    expect(res.status).toBe(400);
    expect(res.body.errorMessage).toContain('Run a pre-upgrade check');
    const wrong = await t.json<CceError>('POST', p.precheck, {
      body: { kind: 'PreCheckTask', apiVersion: 'v3', spec: { clusterID: p.uid, clusterVersion: 'v1.27.1-r0', targetVersion: 'v1.28' } },
    });
    expect(wrong.status).toBe(400);
    await startWorkflow(t, p, 'v1.28');
    const other = await t.json<CceError>('POST', p.precheck, {
      body: { kind: 'PreCheckTask', apiVersion: 'v3', spec: { clusterID: p.uid, clusterVersion: 'v1.27.2-r0', targetVersion: 'v1.27' } },
    });
    expect(other.body.errorMessage).toContain('open upgrade workflow');
  });

  it('refuses upgrades of a cluster that is not Available, a post-check without a completed upgrade, and an add-on that is not installed', async () => {
    const t = startTestSimulator();
    const hibernating = paths(t, 'qa-regression');
    expect(
      (await t.json<CceError>('POST', hibernating.workflows, { body: { kind: 'WorkFlowTask', apiVersion: 'v3', spec: { targetVersion: 'v1.28' } } })).status,
    ).toBe(400);
    const creating = paths(t, 'ml-inference');
    expect((await t.json<CceError>('POST', creating.snapshot)).status).toBe(429);
    const p = paths(t, 'dev-sandbox');
    const post = await t.json<CceError>('POST', p.postcheck, { body: { kind: 'PostCheckTask', apiVersion: 'v3', spec: {} } });
    expect(post.body.errorMessage).toContain('no completed upgrade');
    await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    const addon = await t.json<CceError>('POST', p.upgrade, {
      body: upgradeBody('v1.28', { addons: [{ addonTemplateName: 'nginx-ingress', operation: 'patch', version: '1.0' }] }),
    });
    expect(addon.body.errorMessage).toContain('not installed');
    expect(
      (
        await t.json<CceError>('POST', p.upgrade, {
          body: upgradeBody('v1.28', { strategy: { type: 'inPlaceRollingUpdate', inPlaceRollingUpdate: { userDefinedStep: 61 } } }),
        })
      ).status,
    ).toBe(400);
  });

  it('refuses a second backup while one runs', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'staging-web');
    expect((await t.json('POST', p.snapshot)).status).toBe(200);
    expect((await t.json<CceError>('POST', p.snapshot)).body.errorCode).toBe('CCE.01429002');
  });
});

describe('scenarios armed on the control surface', () => {
  it('sets what the next pre-check finds, once', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'dev-sandbox');
    const armed = t.sim.control.arm({ taskKind: 'upgrade.precheck', subjectId: p.uid, twist: { kind: 'precheck', outcome: 'risks' }, times: 1 });
    expect('scenario' in armed).toBe(true);
    const risky = await runPrecheck(t, p, 'v1.27');
    t.advance(MINUTE);
    expect((await precheck(t, p, risky.metadata!.uid!)).status?.phase).toBe('Failed');
    const clean = await runPrecheck(t, p, 'v1.27');
    t.advance(MINUTE);
    expect((await precheck(t, p, clean.metadata!.uid!)).status?.phase).toBe('Success');
  });

  it('breaks the pre-check itself: phase Error with a log, the workflow Pending', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'dev-sandbox');
    const w = await startWorkflow(t, p, 'v1.27');
    t.sim.control.arm({
      taskKind: 'upgrade.precheck',
      subjectId: p.uid,
      twist: { kind: 'fail', atProgress: 50, reason: 'etcd health probe timed out' },
      times: 1,
    });
    const check = await runPrecheck(t, p, 'v1.27');
    t.advance(MINUTE);
    const broken = await precheck(t, p, check.metadata!.uid!);
    expect(broken.status).toMatchObject({ phase: 'Error', message: 'etcd health probe timed out' });
    expect(broken.status?.expireTimeStamp).toBeUndefined();
    expect((await workflow(t, p, w.metadata!.uid!)).status?.phase).toBe('Pending');
  });

  it('stalls an upgrade: it stays Running, the cluster Upgrading, and cancelling is refused', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'dev-sandbox');
    const w = await startWorkflow(t, p, 'v1.27');
    await runPrecheck(t, p, 'v1.27');
    t.advance(MINUTE);
    t.sim.control.arm({ taskKind: 'upgrade.task', subjectId: p.uid, twist: { kind: 'stall', atProgress: 60 }, times: 1 });
    const started = await t.json<{ metadata: { uid: string } }>('POST', p.upgrade, { body: upgradeBody('v1.27') });
    t.advance(60 * MINUTE);
    const stalled = await upgradeTask(t, p, started.body.metadata.uid);
    expect(stalled.status).toMatchObject({ phase: 'Running', progress: '60.00' });
    expect((await clusterOf(t, p)).status.phase).toBe('Upgrading');
    expect((await t.json('PATCH', `${p.workflows}/${w.metadata!.uid}`, { body: { status: { phase: 'Cancel' } } })).status).toBe(429);
  });

  it('lets an armed failure take precedence over the seeded one, and the post-check fail', async () => {
    const t = startTestSimulator();
    const p = paths(t, 'prod-payments');
    t.sim.control.arm({ taskKind: 'upgrade.task', subjectId: p.uid, twist: { kind: 'fail', atProgress: 10, reason: 'node drain refused' }, times: 1 });
    await runPrecheck(t, p, 'v1.28');
    t.advance(MINUTE);
    const started = await t.json<{ metadata: { uid: string } }>('POST', p.upgrade, { body: upgradeBody('v1.28') });
    t.advance(10 * MINUTE);
    const failed = await upgradeTask(t, p, started.body.metadata.uid);
    expect(failed.status).toMatchObject({ phase: 'Failed', progress: '10.00' });
    expect(failed.spec?.items).toMatchObject({ message: 'node drain refused' });
    expect((await t.call('POST', p.retry)).status).toBe(200);
    t.advance(10 * MINUTE);
    t.sim.control.arm({ taskKind: 'upgrade.postcheck', subjectId: p.uid, twist: { kind: 'fail', atProgress: 0, reason: 'pods not ready' }, times: 1 });
    const post = await t.json<{ status: { phase: string } }>('POST', p.postcheck, { body: { kind: 'PostCheckTask', apiVersion: 'v3', spec: {} } });
    expect(post.body.status.phase).toBe('Failed');
    const id = upgradeWorkflowListSchema.parse((await t.json('GET', p.workflows)).body).items[0]!.metadata!.uid!;
    expect(point(await workflow(t, p, id), 'PostCheck')?.status).toBe('Failed');
    expect(
      (await t.json<{ status: { phase: string } }>('POST', p.postcheck, { body: { kind: 'PostCheckTask', apiVersion: 'v3', spec: {} } })).body.status.phase,
    ).toBe('Success');
    expect((await workflow(t, p, id)).status?.phase).toBe('Success');
  });
});
