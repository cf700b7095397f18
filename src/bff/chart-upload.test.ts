/**
 * Chart packages through the BFF's multipart path to the real in-process simulator: the BFF checks the
 * form against the contract, forwards the original bytes unsigned-payload, and the simulator opens the
 * package. What comes back down is the very package uploaded.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChartPackage } from '../simulator/resources/charts/chart-package.ts';
import { createSimulator } from '../simulator/create-simulator.ts';
import { TEST_START_MS } from '../simulator/test-support.ts';
import { ManualClock } from '../simulator/time.ts';
import { simulatorUpstream } from './compose.ts';
import { signedInApp, testConfig } from './testing.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(): Promise<FastifyInstance> {
  const clock = new ManualClock(TEST_START_MS);
  let n = 0;
  const sim = createSimulator({ clock, seed: 'demo', ids: () => `00000000-0000-1000-8000-${(++n).toString(16).padStart(12, '0')}` });
  const app = await signedInApp({ config: testConfig(), upstream: simulatorUpstream(sim, 1), clock });
  cleanups.push(
    () => app.close(),
    () => sim.close(),
  );
  return app;
}

async function multipart(bytes: Uint8Array, parameters?: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('content', new Blob([bytes], { type: 'application/gzip' }), 'chart-file.tgz');
  if (parameters !== undefined) form.append('parameters', parameters);
  const request = new Request('http://form.local/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

const CHARTS = '/api/cce/autopilot/v2/charts';

describe('chart upload through the BFF', () => {
  it('stores a real package sent as multipart/form-data and serves the same bytes back', async () => {
    const app = await start();
    const bytes = buildChartPackage('via-bff', {
      'Chart.yaml': 'apiVersion: v2\nname: via-bff\nversion: 0.2.0\ndescription: Uploaded through the BFF\n',
      'values.yaml': 'greeting: hello\n',
    });
    const uploaded = await app.inject({ method: 'POST', url: CHARTS, ...(await multipart(bytes, '{"skip_lint":false}')) });
    expect(uploaded.statusCode).toBe(201);
    const chart = uploaded.json() as { id: string; name: string; version: string; values: string };
    expect(chart).toMatchObject({ name: 'via-bff', version: '0.2.0', values: '{"greeting":"hello"}' });

    const listed = (await app.inject({ method: 'GET', url: CHARTS })).json() as { id: string }[];
    expect(listed.map((c) => c.id)).toContain(chart.id);
    const archive = await app.inject({ method: 'GET', url: `${CHARTS}/${chart.id}/archive` });
    expect(archive.statusCode).toBe(200);
    expect(new Uint8Array(archive.rawPayload)).toEqual(bytes);
  });

  it('passes the simulator’s refusal of a file that is not a chart through, with nothing stored', async () => {
    const app = await start();
    const before = ((await app.inject({ method: 'GET', url: CHARTS })).json() as unknown[]).length;
    const refused = await app.inject({ method: 'POST', url: CHARTS, ...(await multipart(new TextEncoder().encode('#!/bin/sh\necho not a chart\n'))) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'CCE.01400001', message: expect.stringContaining('not gzip-compressed') } });
    expect(((await app.inject({ method: 'GET', url: CHARTS })).json() as unknown[]).length).toBe(before);
  });
});
