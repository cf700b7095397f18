import { inject, onTestFinished, vi } from 'vitest';
import type { Role } from '../../../contract/console-api.ts';
import { setCsrfToken } from '../api/api-client.ts';
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
  body: unknown;
}

/** Ids of the demo seed (clusters by name, VPCs with their subnets, EIPs), as the simulator's `DEMO_SEED`. */
interface DemoSeed {
  clusters: Record<string, string>;
  vpcs: Record<string, { id: string; cidr: string; subnets: { name: string; cidr: string; freeIps: number; networkId: string; subnetId: string }[] }>;
  eips: { id: string; address: string }[];
}

export interface TestWorld {
  demo: DemoSeed;
  /** Every request the console sent, in order. */
  sent: SentRequest[];
  /** Moves simulated time forward (simulator and BFF together): what "wait 30 s" would do, at once. */
  advance(ms: number): Promise<void>;
  /** Signs in as this role's test account, as the sign-in page would. */
  signIn(role: Role): Promise<void>;
  /** The test account of a role (username and password). */
  user(role: Role): { username: string; password: string };
}

/**
 * Opens a world for this test — the real BFF over the real simulator, closed when the test ends —
 * and points the console's `fetch` at it: same paths, cookies kept as a browser keeps them.
 */
export async function openWorld({ role = 'operator', browserClock = false, ...request }: WorldOptions = {}): Promise<TestWorld> {
  const control = inject('worldServer');
  const opened = await networkFetch(`${control}/worlds`, { method: 'POST', body: JSON.stringify(request) });
  if (opened.status !== 201) throw new Error(`opening a world failed: ${opened.status} ${await opened.text()}`);
  const { id, origin, users, demo, now } = (await opened.json()) as {
    id: string;
    origin: string;
    users: Record<Role, { username: string; password: string }>;
    demo: DemoSeed;
    now: number;
  };
  onTestFinished(async () => {
    await networkFetch(`${control}/worlds/${id}`, { method: 'DELETE' });
  });
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
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    sent.push({ method: (init.method ?? 'GET').toUpperCase(), path: url.pathname, search: url.search, body });
    const response = await networkFetch(new URL(url.pathname + url.search, origin), { ...init, headers });
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
    sent,
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
      acceptSession(await response.json());
    },
    user: (who) => users[who],
  };
  setCsrfToken(null);
  if (role) await world.signIn(role);
  sent.length = 0;
  return world;
}
