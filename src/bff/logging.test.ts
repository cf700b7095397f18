/**
 * Credentials never appear in a log line, a response body or a response header — checked with the
 * log level at trace (the BFF then logs every upstream request with its headers) and requests that
 * go through every path that touches a secret: signing, IAM token fetch and refresh, upstream errors.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/create-simulator.ts';
import { TEST_START_MS, validCreateBody } from '../simulator/test-support.ts';
import { ManualClock } from '../simulator/time.ts';
import { buildApp } from './app.ts';
import { bootstrapAccounts } from './auth/bootstrap.ts';
import { asSignedIn, captureStream, signedInApp, signIn, spyUpstream, testConfig, testStore } from './testing.ts';
import { fetchTransport, type FetchLike, type Upstream } from './upstream/upstream.ts';

const AK = 'HPUALOGTESTAK0000042';
const SK = 'LogTestSecretKey-MustNeverAppear-0042xyz';
const IAM_USER = { name: 'log-test-operator', password: 'IamPassw0rd-MustNeverAppear!', domain: 'log-test-account' };
const HOUR = 60 * 60 * 1000;

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

function exposed(res: LightMyRequestResponse): string {
  return `${JSON.stringify(res.headers)}\n${res.body}`;
}

async function exercise(app: FastifyInstance, projectId: string, clock: ManualClock): Promise<string[]> {
  const base = `/api/cce/autopilot/v3/projects/${projectId}`;
  const seen: string[] = [];
  const requests = [
    {
      method: 'GET' as const,
      url: `${base}/clusters?detail=true`,
      headers: { authorization: `Basic ${Buffer.from('user:CallerSecret').toString('base64')}`, cookie: 'session=CallerCookie' },
    },
    { method: 'POST' as const, url: `${base}/clusters`, payload: validCreateBody('log-redaction-test') },
    { method: 'GET' as const, url: `${base}/clusters/00000000-0000-1000-8000-00000000dead` },
    { method: 'POST' as const, url: `${base}/clusters`, payload: { kind: 'Cluster', password: 'BodyPassword' } },
    { method: 'GET' as const, url: `${base}/quotas` },
  ];
  for (const request of requests) seen.push(exposed(await app.inject(request)));
  // Past the refresh point: IAM mode fetches a second token.
  clock.advance(23.5 * HOUR);
  seen.push(exposed(await app.inject({ method: 'GET', url: `${base}/clusters` })));
  return seen;
}

describe('log redaction', () => {
  it('keeps the AK and SK out of logs and responses (AK/SK mode)', async () => {
    const clock = new ManualClock(TEST_START_MS);
    const sim = createSimulator({ clock, speed: 1000, credentials: { ak: AK, sk: SK } });
    const upstream: Upstream = {
      mode: 'cloud',
      endpoint: 'https://cce.ap-southeast-3.myhuaweicloud.com',
      projectId: sim.projectId,
      region: sim.region,
      credentials: { kind: 'aksk', ak: AK, sk: SK },
      transport: fetchTransport((url, init) => sim.fetch(new Request(url, init))),
    };
    const logs = captureStream();
    const app = await signedInApp({ config: testConfig(), upstream, clock, logger: { stream: logs.stream, level: 'trace' } });
    apps.push(app);
    const exposedText = (await exercise(app, sim.projectId, clock)).join('\n');

    const text = logs.text();
    // The trace log did record the signed upstream requests — with the secret header censored.
    const upstreamLines = logs.lines().filter((l) => l.msg === 'upstream request');
    expect(upstreamLines.length).toBeGreaterThanOrEqual(5);
    expect(upstreamLines[0]).toMatchObject({ headers: { Authorization: '[redacted]' } });
    for (const secret of [AK, SK, 'CallerSecret', 'CallerCookie', 'BodyPassword']) {
      expect(text, secret).not.toContain(secret);
      expect(exposedText, secret).not.toContain(secret);
    }
    // The header value is gone, not only the secret inside it.
    expect(text).not.toContain('SDK-HMAC-SHA256');
  });

  it('keeps the IAM password and the tokens out of logs and responses (IAM mode)', async () => {
    const clock = new ManualClock(TEST_START_MS);
    const sim = createSimulator({ clock, speed: 1000, iamUser: IAM_USER });
    const tokens: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      const response = await sim.fetch(new Request(url, init));
      const token = response.headers.get('x-subject-token');
      if (token) tokens.push(token);
      return response;
    };
    const upstream: Upstream = {
      mode: 'cloud',
      endpoint: 'https://cce.ap-southeast-3.myhuaweicloud.com',
      projectId: sim.projectId,
      region: sim.region,
      credentials: {
        kind: 'iam',
        endpoint: 'https://iam.ap-southeast-3.myhuaweicloud.com',
        username: IAM_USER.name,
        password: IAM_USER.password,
        domain: IAM_USER.domain,
      },
      transport: fetchTransport(fetch),
    };
    const logs = captureStream();
    const app = await signedInApp({ config: testConfig(), upstream, clock, logger: { stream: logs.stream, level: 'trace' } });
    apps.push(app);
    const exposedText = (await exercise(app, sim.projectId, clock)).join('\n');

    expect(tokens).toHaveLength(2);
    const text = logs.text();
    expect(logs.lines().find((l) => l.msg === 'upstream request')).toMatchObject({ headers: { 'X-Auth-Token': '[redacted]' } });
    for (const secret of [IAM_USER.password, ...tokens]) {
      expect(text, secret.slice(0, 12)).not.toContain(secret);
      expect(exposedText, secret.slice(0, 12)).not.toContain(secret);
    }
  });

  it('keeps the configured admin password, the session cookie and the CSRF token out of logs and responses', async () => {
    const admin = { username: 'configured-admin', password: 'Configured-Admin-Passphrase-Never-Logged' };
    const store = await testStore();
    const config = testConfig();
    await bootstrapAccounts(store, { ...config.console, admin }, 'cloud');
    const logs = captureStream();
    const { upstream } = spyUpstream();
    const app = await buildApp({ config, upstream, store, logger: { stream: logs.stream, level: 'trace' } });
    apps.push(app);
    const signInResponse = await app.inject({ method: 'POST', url: '/api/session', payload: admin });
    const session = await signIn(app, admin);
    const signedIn = asSignedIn(app, session);
    const seen = [
      exposed(signInResponse),
      exposed(await signedIn.inject({ method: 'GET', url: '/api/session' })),
      exposed(await signedIn.inject({ method: 'GET', url: '/api/accounts' })),
      exposed(await signedIn.inject({ method: 'GET', url: '/api/audit' })),
      exposed(
        await signedIn.inject({
          method: 'POST',
          url: '/api/accounts',
          payload: { username: 'another-one', password: admin.password.replace('Never', 'Other'), role: 'viewer' },
        }),
      ),
    ].join('\n');
    const text = logs.text();
    const cookieValue = session.cookie.split('=')[1]!;
    for (const secret of [admin.password, admin.password.replace('Never', 'Other'), cookieValue]) {
      expect(text, 'log').not.toContain(secret);
    }
    expect(text, 'log').not.toContain(session.csrfToken);
    for (const secret of [admin.password, admin.password.replace('Never', 'Other')]) expect(seen, 'responses').not.toContain(secret);
  });
});
