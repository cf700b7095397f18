import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { captureStream, signedInApp, spyUpstream, testConfig, TEST_PROJECT_ID } from './testing.ts';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

describe('access log', () => {
  it('writes one line per answered request at info, with method, path, status and time', async () => {
    const logs = captureStream();
    const { upstream } = spyUpstream(() => Response.json({ kind: 'List', apiVersion: 'v3', items: [] }));
    const app = await signedInApp({ config: testConfig(), upstream, logger: { stream: logs.stream, level: 'info' } });
    apps.push(app);
    const before = logs.lines().length;
    const url = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters`;
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const lines = logs.lines().slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'GET', url, remoteAddress: '127.0.0.1' }, res: { statusCode: 200 } });
    expect(lines[0]!.reqId).toBe(res.headers['x-request-id']);
    expect(typeof lines[0]!.responseTime).toBe('number');
    // Written without redaction (app.ts, AccessLog): scalar fields only, none that a header or a secret could reach.
    expect(Object.keys(lines[0]!).sort()).toEqual(['hostname', 'level', 'msg', 'pid', 'req', 'reqId', 'res', 'responseTime', 'time']);
    // (no remotePort under inject: there is no socket)
    expect(['host', 'method', 'remoteAddress', 'remotePort', 'url']).toEqual(expect.arrayContaining(Object.keys(lines[0]!.req as object)));
    expect(Object.keys(lines[0]!.res as object)).toEqual(['statusCode']);
    expect(JSON.stringify(lines[0])).not.toContain('cookie');
  });

  it('writes none at warn', async () => {
    const logs = captureStream();
    const app = await signedInApp({ config: testConfig(), upstream: spyUpstream().upstream, logger: { stream: logs.stream, level: 'warn' } });
    apps.push(app);
    const before = logs.lines().length;
    await app.inject({ method: 'GET', url: '/api/health' });
    expect(logs.lines().slice(before)).toEqual([]);
  });
});
