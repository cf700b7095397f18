/**
 * Failures and stalls of add-on operations, bent by scenarios armed through the control surface (the
 * next task of a kind, on a subject when named): what an instance looks like after a failed install,
 * upgrade, rollback or uninstall, and how the reference's remedies recover it. Signed requests, the
 * clock advanced, never slept.
 */
import { describe, expect, it } from 'vitest';
import { armScenarioBodySchema, type TaskTwistInput } from '../../../contract/simulator-control.ts';
import { DEMO_SEED } from '../../seed.ts';
import { startTestSimulator, type TestSimulator } from '../../test-support.ts';

const MINUTE = 60_000;

interface Instance {
  metadata: { uid: string };
  spec: { version: string; addonTemplateName: string; values: Record<string, Record<string, unknown>> };
  status: { status: string; Reason: string; message: string; isRollbackable: boolean; previousVersion?: string; targetVersions: string[] | null };
}

function world() {
  const t: TestSimulator = startTestSimulator();
  const json = (method: string, path: string, options?: Parameters<TestSimulator['json']>[2]) => t.json<Instance>(method, path, options);
  return {
    advance: (ms: number) => t.advance(ms),
    arm(taskKind: string, twist: TaskTwistInput, subjectId?: string) {
      const armed = t.sim.control.arm(armScenarioBodySchema.parse({ taskKind, twist, ...(subjectId ? { subjectId } : {}) }));
      expect('scenario' in armed).toBe(true);
    },
    cluster: (name: keyof typeof DEMO_SEED.clusters) => DEMO_SEED.clusters[name],
    async find(cluster: string, template: string): Promise<Instance> {
      const res = await t.json<{ items: Instance[] }>('GET', '/autopilot/v3/addons', { query: { cluster_id: cluster } });
      return res.body.items.find((i) => i.spec.addonTemplateName === template)!;
    },
    show: (id: string) => json('GET', `/autopilot/v3/addons/${id}`),
    install: (cluster: string, template: string) =>
      json('POST', '/autopilot/v3/addons', {
        body: { kind: 'Addon', apiVersion: 'v3', metadata: {}, spec: { clusterID: cluster, addonTemplateName: template, values: {} } },
      }),
    update: (instance: Instance, cluster: string, version: string, custom: Record<string, unknown> = {}) => {
      const values: Record<string, unknown> = { ...instance.spec.values, custom: { ...instance.spec.values.custom, ...custom } };
      delete values.systemAutoInject;
      return json('PUT', `/autopilot/v3/addons/${instance.metadata.uid}`, {
        body: {
          kind: 'Addon',
          apiVersion: 'v3',
          metadata: {},
          spec: { clusterID: cluster, version, addonTemplateName: instance.spec.addonTemplateName, values },
        },
      });
    },
    rollback: (id: string, cluster: string) => json('POST', `/autopilot/v3/addons/${id}/operation/rollback`, { body: { clusterID: cluster } }),
    uninstall: (id: string) => json('DELETE', `/autopilot/v3/addons/${id}`),
  };
}

const fail = (reason: string): TaskTwistInput => ({ kind: 'fail', atProgress: 60, reason });

describe('add-on lifecycles bent by scenarios', () => {
  it('a failed install ends installFailed with the reason; uninstalling it lets the template be installed again', async () => {
    const w = world();
    const cluster = w.cluster('prod-payments');
    w.arm('addon.install', fail('ImagePullBackOff: log-agent:1.5.1 not found in the registry'));
    const installed = await w.install(cluster, 'log-agent');
    expect(installed.body.status.status).toBe('installing');
    w.advance(MINUTE);
    const failed = (await w.show(installed.body.metadata.uid)).body;
    expect(failed.status).toMatchObject({ status: 'installFailed', Reason: 'install failed', isRollbackable: false });
    expect(failed.status.message).toContain('ImagePullBackOff');
    // "Uninstall the add-on and then reinstall it."
    expect((await w.update(failed, cluster, '1.5.1')).status).toBe(400);
    expect((await w.uninstall(failed.metadata.uid)).status).toBe(200);
    w.advance(MINUTE);
    const again = await w.install(cluster, 'log-agent');
    expect(again.status).toBe(201);
    w.advance(MINUTE);
    expect((await w.show(again.body.metadata.uid)).body.status.status).toBe('running');
  });

  it('an install scenario aimed at a template bends only that template’s next install', async () => {
    const w = world();
    const cluster = w.cluster('prod-payments');
    w.arm('addon.install', fail('ImagePullBackOff'), 'log-agent');
    const coredns = await w.find(cluster, 'coredns');
    await w.uninstall(coredns.metadata.uid);
    w.advance(MINUTE);
    const other = await w.install(cluster, 'coredns');
    const target = await w.install(cluster, 'log-agent');
    w.advance(MINUTE);
    expect((await w.show(other.body.metadata.uid)).body.status.status).toBe('running');
    expect((await w.show(target.body.metadata.uid)).body.status.status).toBe('installFailed');
  });

  it('a failed upgrade ends upgradeFailed and is recovered by upgrading again', async () => {
    const w = world();
    const cluster = w.cluster('prod-payments');
    const coredns = await w.find(cluster, 'coredns');
    w.arm('addon.upgrade', fail('Readiness probe failed'), coredns.metadata.uid);
    await w.update(coredns, cluster, '1.28.6', { upstream_nameservers: ['10.0.0.53'] });
    w.advance(MINUTE);
    const failed = (await w.show(coredns.metadata.uid)).body;
    expect(failed.status).toMatchObject({ status: 'upgradeFailed', Reason: 'upgrade failed', isRollbackable: true, previousVersion: '1.28.4' });
    expect(failed.spec.version).toBe('1.28.6');
    const retried = await w.update(failed, cluster, '1.28.6');
    expect(retried.body.status.status).toBe('upgrading');
    w.advance(MINUTE);
    const running = (await w.show(coredns.metadata.uid)).body;
    expect(running.status).toMatchObject({ status: 'running', isRollbackable: true, previousVersion: '1.28.4' });
    expect(running.spec.values.custom!.upstream_nameservers).toEqual(['10.0.0.53']);
  });

  it('a failed upgrade is recovered by rolling back to the version and values before it', async () => {
    const w = world();
    const cluster = w.cluster('prod-payments');
    const coredns = await w.find(cluster, 'coredns');
    w.arm('addon.upgrade', fail('Readiness probe failed'), coredns.metadata.uid);
    await w.update(coredns, cluster, '1.28.6', { upstream_nameservers: ['10.0.0.53'] });
    w.advance(MINUTE);
    const back = await w.rollback(coredns.metadata.uid, cluster);
    expect(back.status).toBe(200);
    expect(back.body.spec.version).toBe('1.28.4');
    w.advance(MINUTE);
    const restored = (await w.show(coredns.metadata.uid)).body;
    expect(restored.status).toMatchObject({ status: 'running', isRollbackable: false, previousVersion: '1.28.6', targetVersions: ['1.28.6'] });
    expect(restored.spec.values).toEqual(coredns.spec.values);
  });

  it('a failed rollback ends rollbackFailed and can be rolled back again', async () => {
    const w = world();
    const cluster = w.cluster('prod-search');
    const coredns = await w.find(cluster, 'coredns');
    w.arm('addon.rollback', fail('helm rollback timed out'));
    await w.rollback(coredns.metadata.uid, cluster);
    w.advance(MINUTE);
    const failed = (await w.show(coredns.metadata.uid)).body;
    expect(failed.status).toMatchObject({ status: 'rollbackFailed', isRollbackable: true });
    expect((await w.rollback(coredns.metadata.uid, cluster)).status).toBe(200);
    w.advance(MINUTE);
    expect((await w.show(coredns.metadata.uid)).body.status).toMatchObject({ status: 'running', isRollbackable: false });
    expect((await w.show(coredns.metadata.uid)).body.spec.version).toBe('1.28.4');
  });

  it('a failed uninstall ends deleteFailed and can be uninstalled again', async () => {
    const w = world();
    const cluster = w.cluster('prod-payments');
    const metrics = await w.find(cluster, 'metrics-server');
    w.arm('addon.delete', fail('finalizer still present'), metrics.metadata.uid);
    await w.uninstall(metrics.metadata.uid);
    w.advance(MINUTE);
    expect((await w.show(metrics.metadata.uid)).body.status).toMatchObject({ status: 'deleteFailed', Reason: 'uninstall failed' });
    await w.uninstall(metrics.metadata.uid);
    w.advance(MINUTE);
    expect((await w.show(metrics.metadata.uid)).status).toBe(404);
  });

  it('a stalled upgrade stays upgrading and refuses other changes', async () => {
    const w = world();
    const cluster = w.cluster('prod-payments');
    const coredns = await w.find(cluster, 'coredns');
    w.arm('addon.upgrade', { kind: 'stall', atProgress: 40 }, coredns.metadata.uid);
    await w.update(coredns, cluster, '1.28.6');
    w.advance(60 * MINUTE);
    expect((await w.show(coredns.metadata.uid)).body.status.status).toBe('upgrading');
    expect((await w.uninstall(coredns.metadata.uid)).status).toBe(429);
    // The scenario was for that instance only: another add-on upgrades normally.
    const prom = await w.find(cluster, 'cie-collector');
    await w.update(prom, cluster, '3.10.1');
    w.advance(MINUTE);
    expect((await w.show(prom.metadata.uid)).body.status.status).toBe('running');
  });
});
