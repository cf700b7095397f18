import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { armScenarioBodySchema, simulatorStateSchema, type ArmScenarioBody } from '../contract/simulator-control.ts';
import { readSimulatorEnv } from './config.ts';
import { DEMO_SEED } from './seed.ts';
import { isControlRequest, startSimulatorServer } from './server.ts';
import { startTestSimulator, TEST_START_MS, validCreateBody, type TestSimulator } from './test-support.ts';

const SECOND = 1000;

interface ClusterBody {
  metadata: { uid: string; name: string };
  spec: { version: string };
  status: { phase: string; jobID?: string; reason?: string; message?: string };
}
interface JobBody {
  spec: { subJobs: { spec: { type: string }; status: { phase: string; reason?: string } }[] };
  status: { phase: string; reason: string };
}

async function cluster(t: TestSimulator, uid: string) {
  return t.json<ClusterBody>('GET', `${t.base}/clusters/${uid}`);
}

function arm(t: TestSimulator, body: ArmScenarioBody) {
  return t.sim.control.arm(armScenarioBodySchema.parse(body));
}

describe('the control surface: state', () => {
  it('names the seed, the speed, the task kinds a scenario can aim at, and the tasks in motion', () => {
    const t = startTestSimulator({ speed: 5 });
    const state = simulatorStateSchema.parse(t.sim.control.state());
    expect(state).toMatchObject({ seed: 'demo', speed: 5, clock: { now: new Date(TEST_START_MS).toISOString(), advancedMs: 0 }, scenarios: [] });
    expect(state.taskKinds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'cluster.create', label: 'Create cluster', subject: 'cluster' }),
        expect.objectContaining({ kind: 'cluster.delete', label: 'Delete cluster', subject: 'cluster' }),
        expect.objectContaining({ kind: 'cluster.upgrade', label: 'Upgrade cluster', subject: 'cluster' }),
      ]),
    );
    expect(state.taskKinds.filter((k) => k.kind.startsWith('cluster.')).every((k) => k.description.length > 20)).toBe(true);
    expect(state.tasks.map((task) => [task.kind, task.subjectId])).toEqual(
      expect.arrayContaining([
        ['cluster.create', DEMO_SEED.clusters['ml-inference']],
        ['cluster.upgrade', DEMO_SEED.clusters['analytics-batch']],
      ]),
    );
    const clusterJobs = state.tasks.filter((task) => task.kind.startsWith('cluster.'));
    expect(clusterJobs.every((task) => task.phase === 'Running' && task.endsAt !== undefined)).toBe(true);
  });
});

describe('the control surface: advance', () => {
  it('moves lifecycles, not the clock that checks signatures', async () => {
    const t = startTestSimulator();
    const state = t.sim.control.advance({ seconds: 15 * 60 });
    expect(state.clock).toEqual({ now: new Date(TEST_START_MS + 15 * 60 * SECOND).toISOString(), advancedMs: 15 * 60 * SECOND });
    expect(state.tasks.filter((task) => task.kind.startsWith('cluster.'))).toEqual([]);
    // Signed at the host clock, which did not move: still fresh, and the answer shows the advanced world.
    const creating = await cluster(t, DEMO_SEED.clusters['ml-inference']);
    expect(creating.status).toBe(200);
    expect(creating.body.status.phase).toBe('Available');
    const upgraded = await cluster(t, DEMO_SEED.clusters['analytics-batch']);
    expect(upgraded.body).toMatchObject({ spec: { version: 'v1.28' }, status: { phase: 'Available' } });
    // Signed at the advanced time, a request would be stale to the gateway.
    expect((await t.call('GET', `${t.base}/clusters`, { date: new Date(TEST_START_MS + 15 * 60 * SECOND + SECOND) })).status).toBe(401);
  });

  it('is in simulated seconds, whatever the speed, and adds up', async () => {
    const t = startTestSimulator({ speed: 20 });
    const created = await t.json<ClusterBody>('POST', `${t.base}/clusters`, { body: validCreateBody('advanced-cluster') });
    t.sim.control.advance({ seconds: 20 });
    expect((await cluster(t, created.body.metadata.uid)).body.status.phase).toBe('Creating');
    expect(t.sim.control.advance({ seconds: 45 }).clock.advancedMs).toBe(65 * SECOND);
    expect((await cluster(t, created.body.metadata.uid)).body.status.phase).toBe('Available');
  });
});

describe('the control surface: reset', () => {
  it('grows a fresh world from the seed: new clusters, scenarios and the advance are gone', async () => {
    const t = startTestSimulator();
    const created = await t.json<ClusterBody>('POST', `${t.base}/clusters`, { body: validCreateBody('short-lived') });
    arm(t, { taskKind: 'cluster.delete', twist: { kind: 'stall', atProgress: 10 } });
    t.sim.control.advance({ seconds: 3600 });
    const state = t.sim.control.reset({ seed: 'demo' });
    expect(state).toMatchObject({ seed: 'demo', scenarios: [], clock: { advancedMs: 0, now: new Date(TEST_START_MS).toISOString() } });
    expect((await cluster(t, created.body.metadata.uid)).status).toBe(404);
    expect((await cluster(t, DEMO_SEED.clusters['ml-inference'])).body.status.phase).toBe('Creating');
    expect((await t.json<{ items: unknown[] }>('GET', `${t.base}/clusters`)).body.items).toHaveLength(9);
  });

  it('to another seed brings that seed’s clusters and quota', async () => {
    const t = startTestSimulator();
    t.sim.control.reset({ seed: 'empty' });
    expect((await t.json<{ items: unknown[] }>('GET', `${t.base}/clusters`)).body.items).toEqual([]);
    expect((await t.json<{ quotas: { quotaLimit: number }[] }>('GET', `${t.base}/quotas`)).body.quotas[0]!.quotaLimit).toBe(5);
    expect(t.sim.control.reset({ seed: 'twenty' }).seed).toBe('twenty');
    expect((await t.json<{ items: unknown[] }>('GET', `${t.base}/clusters`)).body.items).toHaveLength(20);
  });

  it('keeps a configured cluster quota', async () => {
    const t = startTestSimulator({ clusterQuota: 30 });
    t.sim.control.reset({ seed: 'empty' });
    expect((await t.json<{ quotas: { quotaLimit: number }[] }>('GET', `${t.base}/quotas`)).body.quotas[0]!.quotaLimit).toBe(30);
  });
});

describe('the control surface: scenarios on cluster jobs', () => {
  it('fails the next creation at 50 %: the job fails in the sub-job it reached, the cluster ends in Error with the reason', async () => {
    const t = startTestSimulator();
    const result = arm(t, { taskKind: 'cluster.create', twist: { kind: 'fail', atProgress: 50, reason: 'Master nodes could not be scheduled.' } });
    expect(result).toMatchObject({ scenario: { taskKind: 'cluster.create', remaining: 1, twist: { kind: 'fail', atProgress: 50 } } });
    expect(t.sim.control.state().scenarios).toHaveLength(1);
    const created = await t.json<ClusterBody>('POST', `${t.base}/clusters`, { body: validCreateBody('doomed-create') });
    expect(t.sim.control.state().scenarios).toEqual([]);
    t.sim.control.advance({ seconds: 120 });
    const read = await cluster(t, created.body.metadata.uid);
    expect(read.body.status).toMatchObject({ phase: 'Error', reason: 'CreateClusterFailed', message: 'Master nodes could not be scheduled.' });
    const job = await t.json<JobBody>('GET', `${t.base}/jobs/${created.body.status.jobID}`);
    expect(job.body.status).toEqual({ phase: 'Failed', reason: 'Master nodes could not be scheduled.' });
    const failed = job.body.spec.subJobs.filter((s) => s.status.phase === 'Failed');
    expect(failed).toEqual([expect.objectContaining({ status: { phase: 'Failed', reason: 'Master nodes could not be scheduled.' } })]);
    expect(job.body.spec.subJobs.at(-1)!.status.phase).toBe('Initializing');
    // The next creation is not bent.
    const next = await t.json<ClusterBody>('POST', `${t.base}/clusters`, { body: validCreateBody('fine-create') });
    t.sim.control.advance({ seconds: 120 });
    expect((await cluster(t, next.body.metadata.uid)).body.status.phase).toBe('Available');
  });

  it('stalls the deletion of one cluster only: it stays Deleting, another one goes', async () => {
    const t = startTestSimulator();
    const staging = DEMO_SEED.clusters['staging-web'];
    arm(t, { taskKind: 'cluster.delete', subjectId: staging, twist: { kind: 'stall', atProgress: 60 } });
    await t.json('DELETE', `${t.base}/clusters/${DEMO_SEED.clusters['prod-search']}`);
    const deleted = await t.json<ClusterBody>('DELETE', `${t.base}/clusters/${staging}`);
    t.sim.control.advance({ seconds: 3600 });
    expect((await cluster(t, DEMO_SEED.clusters['prod-search'])).status).toBe(404);
    expect((await cluster(t, staging)).body.status.phase).toBe('Deleting');
    expect((await t.json<JobBody>('GET', `${t.base}/jobs/${deleted.body.status.jobID}`)).body.status.phase).toBe('Running');
    const deletions = t.sim.control.state().tasks.filter((task) => task.kind === 'cluster.delete');
    expect(deletions).toEqual([expect.objectContaining({ subjectId: staging, phase: 'Running', progress: 60 })]);
    expect(deletions[0]!.endsAt).toBeUndefined();
  });

  it('bends `times` tasks, can be disarmed, and refuses a kind the simulator does not know', async () => {
    const t = startTestSimulator();
    const twice = arm(t, { taskKind: 'cluster.create', twist: { kind: 'fail', atProgress: 0 }, times: 2 });
    if (!('scenario' in twice)) throw new Error('not armed');
    expect(twice.scenario.twist).toMatchObject({ reason: 'The operation failed (a scenario armed in the simulator).' });
    await t.json('POST', `${t.base}/clusters`, { body: validCreateBody('first-bent') });
    expect(t.sim.control.state().scenarios[0]!.remaining).toBe(1);
    expect(t.sim.control.disarm(twice.scenario.id)).toBe(true);
    expect(t.sim.control.disarm(twice.scenario.id)).toBe(false);
    const unbent = await t.json<ClusterBody>('POST', `${t.base}/clusters`, { body: validCreateBody('not-bent') });
    t.sim.control.advance({ seconds: 120 });
    expect((await cluster(t, unbent.body.metadata.uid)).body.status.phase).toBe('Available');
    expect(arm(t, { taskKind: 'cluster.explode', twist: { kind: 'stall', atProgress: 1 } })).toEqual({
      problem: { path: 'body.taskKind', message: expect.stringMatching(/^No task kind cluster\.explode; the simulator knows .*cluster\.create/) },
    });
  });
});

describe('the control surface over HTTP (npm run simulator)', () => {
  it('answers loopback callers under /_simulator with the contract’s shapes, refusals in CCE’s', async () => {
    const { server, simulator } = startSimulatorServer({ ...readSimulatorEnv({}), port: 0, seed: 'demo' });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = (path: string, body: unknown) =>
        fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const state = await fetch(`${origin}/_simulator`);
      expect(state.status).toBe(200);
      expect(simulatorStateSchema.parse(await state.json()).seed).toBe('demo');

      const advanced = await post('/_simulator/advance', { seconds: 90 });
      expect(simulatorStateSchema.parse(await advanced.json()).clock.advancedMs).toBe(90 * SECOND);

      const armed = await post('/_simulator/scenarios', { taskKind: 'cluster.upgrade', twist: { kind: 'stall', atProgress: 40 } });
      expect(armed.status).toBe(201);
      const { id } = (await armed.json()) as { id: string };
      expect((await fetch(`${origin}/_simulator/scenarios/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${origin}/_simulator/scenarios/${id}`, { method: 'DELETE' })).status).toBe(404);

      const bad = await post('/_simulator/advance', { seconds: -1 });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ errorCode: 'CCE.01400001', errorMessage: expect.stringContaining('body.seconds') });
      const unknownKind = await post('/_simulator/scenarios', { taskKind: 'nope', twist: { kind: 'stall', atProgress: 1 } });
      expect(await unknownKind.json()).toMatchObject({ errorCode: 'CCE.01400001', errorMessage: expect.stringContaining('body.taskKind') });

      const reset = await post('/_simulator/reset', { seed: 'empty' });
      expect(simulatorStateSchema.parse(await reset.json())).toMatchObject({ seed: 'empty', clock: { advancedMs: 0 } });
      expect((await fetch(`${origin}/_simulator/nothing`)).status).toBe(404);
      // The CCE API itself is untouched: unsigned calls are still refused by the gateway.
      expect((await fetch(`${origin}/autopilot/v3/projects/${simulator.projectId}/clusters`)).status).toBe(401);
    } finally {
      server.close();
      simulator.close();
    }
  });

  it('is reachable from this machine only, and only under /_simulator', () => {
    for (const local of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isControlRequest('/_simulator/advance', local)).toBe(true);
    for (const remote of ['192.0.2.10', '::ffff:192.0.2.10', '2001:db8::1', undefined]) expect(isControlRequest('/_simulator/advance', remote)).toBe(false);
    expect(isControlRequest('/_simulatorx', '127.0.0.1')).toBe(false);
    expect(isControlRequest('/autopilot/v3/projects/p/clusters', '127.0.0.1')).toBe(false);
  });
});
