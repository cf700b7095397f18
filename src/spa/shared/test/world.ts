import { inject, onTestFinished, vi } from 'vitest';
import type { Role, Session } from '../../../contract/console-api.ts';
import { createCluster, type Cluster } from '../../../contract/clusters.ts';
import { callOperation, setCsrfToken } from '../api/api-client.ts';
import { acceptSession } from '../auth/session.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the SPA's tests open their worlds (see src/testing/world-server.ts). */
    worldServer: string;
  }
}

/** The fetch Node gives the test process: the shim below passes requests on with it. */
const networkFetch = globalThis.fetch;

interface WorldOptions {
  /** The simulator's seed: 'demo' (default: nine clusters in the phases of interest), 'empty', 'twenty', 'large'. */
  seed?: 'demo' | 'large' | 'twenty' | 'empty';
  speed?: number;
  clusterQuota?: number;
  /** 'cloud': the BFF in cloud mode, calling the simulator as its cloud endpoint. Default 'simulator'. */
  mode?: 'simulator' | 'cloud';
  /** Who is signed in when the test starts; null: nobody. Default: an operator. */
  role?: Role | null;
  /**
   * The console's clock (`Date`) reads the world's simulated time and moves with `advance()`: for
   * what counts down to a time the API gives (a pre-check's expiry). Timers stay real.
   */
  browserClock?: boolean;
}

export interface SentRequest {
  method: string;
  path: string;
  search: string;
  /** The headers the console set (the cookie the shim adds is not among them). */
  headers: Headers;
  body: unknown;
  /** The BFF's answer: its status and X-Request-Id (absent until it has answered). */
  status?: number;
  requestId?: string | null;
}

/** Ids of the demo seed (clusters by name, VPCs with their subnets, EIPs), as the simulator's `DEMO_SEED`. */
interface DemoSeed {
  clusters: Record<string, string>;
  vpcs: Record<string, { id: string; cidr: string; subnets: { name: string; cidr: string; freeIps: number; networkId: string; subnetId: string }[] }>;
  eips: { id: string; address: string }[];
}

export interface TestWorld {
  demo: DemoSeed;
  /** The project and region the console calls. */
  projectId: string;
  region: string;
  /** Every request the console sent, in order. */
  sent: SentRequest[];
  /**
   * The first `method path` request sent at or after index `since` of {@link sent}, once the BFF has
   * answered it: waits up to 20 s for calls that hash a password (scrypt is slow on purpose, and
   * slower on a busy machine), so the test's next `findBy…` waits only for the page.
   */
  answered(method: string, path: string, since?: number): Promise<SentRequest>;
  /** Moves simulated time forward (simulator and BFF together): what "wait 30 s" would do, at once. */
  advance(ms: number): Promise<void>;
  /** Signs in as this role's test account, as the sign-in page would; answers the session. */
  signIn(role: Role): Promise<Session>;
  /** Tries to sign in as this role's account with a wrong password, `times` times (from another browser: no cookie changes). */
  failSignIns(role: Role, times: number): Promise<void>;
  /** Cuts (false) or restores (true) the BFF's link to the CCE API: calls then fail as with an unreachable endpoint. */
  setLink(up: boolean): Promise<void>;
  /** The test account of a role (username and password). */
  user(role: Role): { username: string; password: string };
  /** Shuts the world's BFF down before the test ends: the console's calls then fail as with a server that is gone. */
  close(): Promise<void>;
}

/**
 * Opens a world for this test — the real BFF over the real simulator, closed when the test ends —
 * and points the console's `fetch` at it: same paths, cookies kept as a browser keeps them.
 */
export async function openWorld({ role = 'operator', browserClock = false, ...request }: WorldOptions = {}): Promise<TestWorld> {
  const control = inject('worldServer');
  const opened = await networkFetch(`${control}/worlds`, { method: 'POST', body: JSON.stringify(request) });
  if (opened.status !== 201) throw new Error(`opening a world failed: ${opened.status} ${await opened.text()}`);
  const { id, origin, users, demo, projectId, region, now } = (await opened.json()) as {
    id: string;
    origin: string;
    users: Record<Role, { username: string; password: string }>;
    demo: DemoSeed;
    projectId: string;
    region: string;
    now: number;
  };
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await networkFetch(`${control}/worlds/${id}`, { method: 'DELETE' });
  };
  onTestFinished(close);
  if (browserClock) {
    vi.useFakeTimers({ toFake: ['Date'], now });
    onTestFinished(() => {
      vi.useRealTimers();
    });
  }

  const cookies = new Map<string, string>();
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, origin);
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request: SentRequest = { method: (init.method ?? 'GET').toUpperCase(), path: url.pathname, search: url.search, headers: new Headers(headers), body };
    sent.push(request);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await networkFetch(new URL(url.pathname + url.search, origin), { ...init, headers });
    request.status = response.status;
    request.requestId = response.headers.get('x-request-id');
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) cookies.delete(name.trim());
      else cookies.set(name.trim(), value.join('='));
    }
    return response;
  });

  const world: TestWorld = {
    demo,
    projectId,
    region,
    sent,
    answered: (method, path, since = 0) =>
      vi.waitFor(
        () => {
          const request = sent.slice(since).find((r) => r.method === method && r.path === path);
          if (request?.status === undefined) throw new Error(`no answer yet to ${method} ${path}`);
          return request;
        },
        { timeout: 20_000, interval: 20 },
      ),
    async advance(ms) {
      await networkFetch(`${control}/worlds/${id}/advance`, { method: 'POST', body: JSON.stringify({ ms }) });
      if (browserClock) vi.setSystemTime(Date.now() + ms);
    },
    async signIn(who) {
      const response = await fetch('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username: users[who].username, password: users[who].password }),
      });
      if (!response.ok) throw new Error(`signing in as ${who} failed: ${response.status}`);
      return acceptSession(await response.json());
    },
    async failSignIns(who, times) {
      for (let i = 0; i < times; i++) {
        const response = await networkFetch(`${origin}/api/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: users[who].username, password: `not-the-password-${i}` }),
        });
        if (response.status !== 401) throw new Error(`a wrong password for ${who} answered ${response.status}`);
      }
    },
    async setLink(up) {
      await networkFetch(`${control}/worlds/${id}/link`, { method: 'POST', body: JSON.stringify({ up }) });
    },
    user: (who) => users[who],
    close,
  };
  setCsrfToken(null);
  if (role) await world.signIn(role);
  sent.length = 0;
  return world;
}

/**
 * Creates a cluster in the world's project through the BFF, as the wizard would; `eniSubnet` (a subnet
 * name of the VPC) picks where its pods' ENIs go, by default the VPC's second subnet. It is Creating.
 */
export async function createClusterIn(world: TestWorld, name: string, vpcName = 'vpc-prod', eniSubnet?: string): Promise<Cluster> {
  const vpc = world.demo.vpcs[vpcName]!;
  const eni = eniSubnet ? vpc.subnets.find((s) => s.name === eniSubnet)! : vpc.subnets[1]!;
  return callOperation(createCluster, {
    params: { project_id: world.projectId },
    body: {
      kind: 'Cluster',
      apiVersion: 'v3',
      metadata: { name },
      spec: {
        category: 'Turbo',
        flavor: 'cce.autopilot.cluster',
        type: 'VirtualMachine',
        version: 'v1.28',
        hostNetwork: { vpc: vpc.id, subnet: vpc.subnets[0]!.networkId },
        containerNetwork: { mode: 'eni' },
        eniNetwork: { subnets: [{ subnetID: eni.subnetId }] },
        serviceNetwork: { IPv4CIDR: '10.247.0.0/16' },
      },
    },
  });
}
