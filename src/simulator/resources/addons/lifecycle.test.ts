/**
 * Failures and stalls of add-on operations, bent by armed scenarios (the next task of a kind, on a
 * subject), at the level of the store and the handlers: the task kinds' settle effects decide what an
 * instance looks like after a failed install, upgrade, rollback or uninstall.
 */
import { describe, expect, it } from 'vitest';
import { installAddon, listAddons, rollbackAddon, showAddon, updateAddon, deleteAddon } from '../../../contract/addons.ts';
import type { OperationDefinition } from '../../../contract/define-operation.ts';
import { SIMULATOR_PROJECT_ID, SIMULATOR_REGION } from '../../config.ts';
import type { HandlerContext } from '../../handler.ts';
import { SimulatorError } from '../../http.ts';
import { KUBERNETES_VERSIONS, seedStore } from '../../seed.ts';
import { SimulatorStore } from '../../store.ts';
import type { TaskTwist } from '../../tasks/task.ts';
import { addonHandlers } from './handlers.ts';

const START = Date.UTC(2025, 2, 10, 8, 0, 0);
const MINUTE = 60_000;

interface Instance {
  metadata: { uid: string };
  spec: { version: string; addonTemplateName: string; values: Record<string, Record<string, unknown>> };
  status: { status: string; Reason: string; message: string; isRollbackable: boolean; previousVersion?: string; targetVersions: string[] | null };
}

function world() {
  let counter = 0;
  let now = START;
  const store = new SimulatorStore({
    projectId: SIMULATOR_PROJECT_ID,
    region: SIMULATOR_REGION,
    speed: 1,
    clusterQuota: 12,
    versions: KUBERNETES_VERSIONS,
    ids: () => `00000000-0000-1000-8000-${(++counter).toString(16).padStart(12, '0')}`,
  });
  seedStore(store, 'demo', now);
  async function call<Op extends OperationDefinition>(name: keyof typeof addonHandlers, op: Op, input: { params?: unknown; query?: unknown; body?: unknown }) {
    store.settle(now);
    const body = op.body?.kind === 'json' ? op.body.schema.parse(input.body) : undefined;
    const handler = addonHandlers[name] as unknown as (ctx: HandlerContext<Op>) => Response;
    try {
      const res = handler({ op, params: input.params ?? {}, query: input.query ?? {}, body, rawBody: input.body, now, store } as unknown as HandlerContext<Op>);
      return { status: res.status, body: (await res.json()) as Instance };
    } catch (error) {
      if (error instanceof SimulatorError) return { status: error.status, body: error.body as unknown as Instance };
      throw error;
    }
  }
  const w = {
    store,
    advance: (ms: number) => void (now += ms),
    arm: (taskKind: string, twist: TaskTwist, subjectId?: string) => store.scenarios.arm({ taskKind, twist, subjectId }, now),
    cluster: (name: string) => store.findClusterByName(name)!.uid,
    async find(cluster: string, template: string): Promise<Instance> {
      store.settle(now);
      const res = addonHandlers.listAddons({ op: listAddons, params: {}, query: { cluster_id: cluster }, body: undefined, rawBody: undefined, now, store } as never) as Response;
      return ((await res.json()) as { items: Instance[] }).items.find((i) => i.spec.addonTemplateName === template)!;
    },
    show: (id: string) => call('showAddon', showAddon, { params: { id }, query: {} }),
    install: (cluster: string, template: string, version?: string) =>
      call('installAddon', installAddon, { body: { kind: 'Addon', apiVersion: 'v3', metadata: {}, spec: { clusterID: cluster, addonTemplateName: template, values: {}, ...(version ? { version } : {}) } } }),
    update: (instance: Instance, cluster: string, version: string, custom: Record<string, unknown> = {}) =>
      call('updateAddon', updateAddon, {
        params: { id: instance.metadata.uid },
        body: {
          kind: 'Addon',
          apiVersion: 'v3',
          metadata: {},
          spec: { clusterID: cluster, version, addonTemplateName: instance.spec.addonTemplateName, values: { ...instance.spec.values, custom: { ...instance.spec.values.custom, ...custom } } },
        },
      }),
    rollback: (id: string, cluster: string) => call('rollbackAddon', rollbackAddon, { params: { id }, body: { clusterID: cluster } }),
    uninstall: (id: string) => call('deleteAddon', deleteAddon, { params: { id }, query: {} }),
  };
  return w;
}

const fail = (reason: string): TaskTwist => ({ kind: 'fail', atProgress: 60, reason });

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
