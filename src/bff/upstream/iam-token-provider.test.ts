/**
 * IAM mode against the simulator's IAM (`POST /v3/auth/tokens`, 24 h tokens) with a fake clock shared
 * by the BFF and the simulator, so expiry and refresh happen without waiting.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IAM_USER } from '../../simulator/config.ts';
import { createSimulator } from '../../simulator/create-simulator.ts';
import { TEST_START_MS } from '../../simulator/test-support.ts';
import { ManualClock } from '../../simulator/time.ts';
import { signedInApp, testConfig } from '../testing.ts';
import { IamTokenProvider, TOKEN_REFRESH_MARGIN_MS } from './iam-token-provider.ts';
import { fetchTransport, type FetchLike, type Upstream } from './upstream.ts';

const HOUR = 60 * 60 * 1000;
const IAM_ENDPOINT = 'https://iam.ap-southeast-3.myhuaweicloud.com';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

interface Traffic {
  iam: number;
  cce: { url: string; headers: Record<string, string> }[];
  tokens: string[];
}

function iamSetup(options: { password?: string; interceptCce?: (n: number) => Response | undefined } = {}) {
  const clock = new ManualClock(TEST_START_MS);
  const sim = createSimulator({ clock, seed: 'demo', speed: 1000 });
  const traffic: Traffic = { iam: 0, cce: [], tokens: [] };
  const fetch: FetchLike = async (url, init) => {
    if (url === `${IAM_ENDPOINT}/v3/auth/tokens`) {
      traffic.iam++;
      const response = await sim.fetch(new Request(url, init));
      const token = response.headers.get('x-subject-token');
      if (token) traffic.tokens.push(token);
      return response;
    }
    traffic.cce.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const intercepted = options.interceptCce?.(traffic.cce.length);
    return intercepted ?? sim.fetch(new Request(url, init));
  };
  const upstream: Upstream = {
    mode: 'cloud',
    endpoint: 'https://cce.ap-southeast-3.myhuaweicloud.com',
    projectId: sim.projectId,
    region: sim.region,
    credentials: {
      kind: 'iam',
      endpoint: IAM_ENDPOINT,
      username: DEFAULT_IAM_USER.name,
      password: options.password ?? DEFAULT_IAM_USER.password,
      domain: DEFAULT_IAM_USER.domain,
    },
    transport: fetchTransport(fetch),
  };
  return { clock, sim, traffic, upstream, listUrl: `/api/cce/autopilot/v3/projects/${sim.projectId}/clusters` };
}

async function appFor(setup: ReturnType<typeof iamSetup>): Promise<FastifyInstance> {
  const app = await signedInApp({ config: testConfig(), upstream: setup.upstream, clock: setup.clock });
  apps.push(app);
  return app;
}

describe('IAM token mode', () => {
  it('obtains a project-scoped token once and sends it as X-Auth-Token, unsigned', async () => {
    const setup = iamSetup();
    const app = await appFor(setup);
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: setup.listUrl })).statusCode).toBe(200);
    expect(setup.traffic.iam).toBe(1);
    for (const call of setup.traffic.cce) {
      expect(call.headers['X-Auth-Token']).toBe(setup.traffic.tokens[0]);
      expect(call.headers['X-Project-Id']).toBe(setup.sim.projectId);
      expect(call.headers.Authorization).toBeUndefined();
    }
  });

  it('shares one in-flight token request between concurrent callers', async () => {
    const setup = iamSetup();
    const app = await appFor(setup);
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.inject({ method: 'GET', url: setup.listUrl })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(setup.traffic.iam).toBe(1);
  });

  it('refreshes the token one hour before it expires, not earlier', async () => {
    const setup = iamSetup();
    const app = await appFor(setup);
    await app.inject({ method: 'GET', url: setup.listUrl });
    setup.clock.advance(22 * HOUR);
    expect((await app.inject({ method: 'GET', url: setup.listUrl })).statusCode).toBe(200);
    expect(setup.traffic.iam).toBe(1);
    setup.clock.advance(HOUR + 60_000); // 23 h 1 min: inside the refresh margin
    expect((await app.inject({ method: 'GET', url: setup.listUrl })).statusCode).toBe(200);
    expect(setup.traffic.iam).toBe(2);
    expect(setup.traffic.cce.at(-1)!.headers['X-Auth-Token']).toBe(setup.traffic.tokens[1]);
    expect(setup.traffic.tokens[1]).not.toBe(setup.traffic.tokens[0]);
  });

  it('fetches a new token and retries once when upstream rejects the token', async () => {
    const rejected = () => Response.json({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: token expires' }, { status: 401 });
    const once = iamSetup({ interceptCce: (n) => (n === 1 ? rejected() : undefined) });
    const app = await appFor(once);
    expect((await app.inject({ method: 'GET', url: once.listUrl })).statusCode).toBe(200);
    expect(once.traffic.iam).toBe(2);
    expect(once.traffic.cce.map((c) => c.headers['X-Auth-Token'])).toEqual(once.traffic.tokens);

    const always = iamSetup({ interceptCce: () => rejected() });
    const stubborn = await appFor(always);
    const res = await stubborn.inject({ method: 'GET', url: always.listUrl });
    expect(res.statusCode).toBe(401);
    expect(always.traffic.cce).toHaveLength(2);
    expect(always.traffic.iam).toBe(2);
  });

  it('answers 502 with IAM’s reason when the credentials are wrong, and never echoes the password', async () => {
    const setup = iamSetup({ password: 'Wrong-Password-123' });
    const app = await appFor(setup);
    const res = await app.inject({ method: 'GET', url: setup.listUrl });
    expect(res.statusCode).toBe(502);
    const error = (res.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('BFF.IAM_TOKEN_FAILED');
    expect(error.message).toContain('IAM.0101');
    expect(res.body).not.toContain('Wrong-Password-123');
    expect(setup.traffic.cce).toHaveLength(0);
  });
});

describe('IamTokenProvider', () => {
  it('reads the expiry from token.expires_at and falls back to 24 h', async () => {
    const clock = new ManualClock(TEST_START_MS);
    let body: unknown = { token: { expires_at: new Date(TEST_START_MS + 2 * HOUR).toISOString().replace('Z', '000Z') } };
    let issued = 0;
    const fetch: FetchLike = async () => {
      issued++;
      return Response.json(body, { status: 201, headers: { 'X-Subject-Token': `token-${issued}` } });
    };
    const provider = new IamTokenProvider({
      credentials: { kind: 'iam', endpoint: IAM_ENDPOINT, username: 'u', password: 'p', domain: 'd' },
      projectId: 'p',
      transport: fetchTransport(fetch),
      clock,
      timeoutMs: 1000,
    });
    expect(await provider.token()).toBe('token-1');
    clock.advance(2 * HOUR - TOKEN_REFRESH_MARGIN_MS - 1);
    expect(await provider.token()).toBe('token-1');
    clock.advance(1);
    body = {};
    expect(await provider.token()).toBe('token-2');
    clock.advance(23 * HOUR - 1);
    expect(await provider.token()).toBe('token-2');
    clock.advance(1);
    expect(await provider.token()).toBe('token-3');
  });

  it('does not cache a failure: the next call asks IAM again', async () => {
    const clock = new ManualClock(TEST_START_MS);
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      return calls === 1
        ? Response.json({ error: { code: 'IAM.0001', message: 'busy' } }, { status: 503 })
        : Response.json({}, { status: 201, headers: { 'X-Subject-Token': 'ok' } });
    };
    const provider = new IamTokenProvider({
      credentials: { kind: 'iam', endpoint: IAM_ENDPOINT, username: 'u', password: 'p', domain: 'd' },
      projectId: 'p',
      transport: fetchTransport(fetch),
      clock,
      timeoutMs: 1000,
    });
    await expect(provider.token()).rejects.toMatchObject({ status: 502, message: expect.stringContaining('IAM.0001: busy') });
    expect(await provider.token()).toBe('ok');
  });
});
