/**
 * Issue 8: every decision is taken on the path the router matched. Generated over every route ×
 * method × role × path spelling (percent-encoding of each character, case variants, dot and
 * double-slash segments, absolute-form targets, trailing slashes), sent as raw request targets over
 * real HTTP (inject cannot send an absolute-form target): each variant is either refused (400
 * `BFF.NON_CANONICAL_URL`, or 404) or answered exactly as the canonical path for that role, and a
 * refused variant reaches nothing upstream.
 */
import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type Role } from '../contract/console-api.ts';
import { SERVICE_PREFIXES } from '../contract/define-operation.ts';
import { networkOperationList } from '../contract/network.ts';
import { operationList } from '../contract/operations.ts';
import { createSimulator } from '../simulator/create-simulator.ts';
import { buildApp } from './app.ts';
import { spyUpstream, testConfig, testStore, TEST_PROJECT_ID, TEST_USERS, type RecordedCall } from './testing.ts';

type Who = Role | 'none';
const WHO: readonly Who[] = ['none', 'viewer', 'operator', 'admin'];

interface RouteCase {
  method: string;
  /** The canonical path, parameters filled in. */
  path: string;
  /** Indexes of the path's segments (after the leading `/`) that are parameters. */
  params: ReadonlySet<number>;
  body?: string;
  /** The route's template, `{param}` or `:param` spelled. */
  template: string;
}

const PARAM_VALUES: Record<string, string> = {
  project_id: TEST_PROJECT_ID,
  cluster_id: '6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04',
  job_id: '7a2e1c3a-8b2d-11ef-a1b2-0255ac100b04',
  id: '8b3e1c3a-8b2d-11ef-a1b2-0255ac100b04',
  chart_id: '9c4e1c3a-8b2d-11ef-a1b2-0255ac100b04',
  task_id: 'ab5e1c3a-8b2d-11ef-a1b2-0255ac100b04',
  upgrade_workflow_id: 'bc6e1c3a-8b2d-11ef-a1b2-0255ac100b04',
  namespace: 'default',
  name: 'web',
};

function fromTemplate(method: string, template: string, body?: string): RouteCase {
  const params = new Set<number>();
  const segments = template
    .split('/')
    .slice(1)
    .map((s, i) => {
      const m = /^\{([a-z_]+)\}$/.exec(s) ?? /^:([a-z_]+)$/.exec(s);
      if (!m) return s;
      params.add(i);
      return PARAM_VALUES[m[1]!] ?? 'x1';
    });
  return { method, path: `/${segments.join('/')}`, params, template, ...(body !== undefined ? { body } : {}) };
}

/** The console's own routes (bodies chosen so that a handler reached answers without changing anything). */
const OWN_ROUTES: RouteCase[] = [
  fromTemplate('GET', '/api/health'),
  fromTemplate('GET', '/api/context'),
  fromTemplate('GET', '/api/session'),
  fromTemplate('POST', '/api/session', '{}'),
  fromTemplate('DELETE', '/api/session'),
  fromTemplate('GET', '/api/accounts'),
  fromTemplate('POST', '/api/accounts', '{}'),
  fromTemplate('PATCH', '/api/accounts/:username', '{}'),
  fromTemplate('POST', '/api/accounts/:username/unlock'),
  fromTemplate('GET', '/api/audit'),
  // The simulator's control surface (registered in simulator mode: the app below has a simulator's control).
  fromTemplate('GET', '/api/simulator'),
  fromTemplate('POST', '/api/simulator/reset', '{"seed":"nope"}'),
  fromTemplate('POST', '/api/simulator/advance', '{}'),
  fromTemplate('POST', '/api/simulator/scenarios', '{}'),
  fromTemplate('DELETE', '/api/simulator/scenarios/:id'),
];

/** Every forwarded operation: the CCE ones under /api/cce, the VPC service's network look-ups under /api/vpc. */
const CCE_ROUTES: RouteCase[] = [...operationList, ...networkOperationList].map((op) =>
  fromTemplate(op.method, `${SERVICE_PREFIXES[op.service ?? 'cce']}${op.path}`, op.body?.kind === 'json' ? '{}' : undefined),
);

/** Every spelling of `route.path` other than the canonical one. */
function variants(route: RouteCase, origin: string): string[] {
  const segments = route.path.split('/').slice(1);
  const out = new Set<string>();
  const join = (parts: string[]) => `/${parts.join('/')}`;
  segments.forEach((segment, i) => {
    const param = route.params.has(i);
    for (let c = 0; c < segment.length; c++) {
      const ch = segment[c]!;
      // Encoding a character of a parameter is a legitimate spelling of the same value: it must be answered like the canonical one.
      const hex = ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
      const encoded = segment.slice(0, c) + `%${hex}` + segment.slice(c + 1);
      out.add(join(segments.map((s, j) => (j === i ? encoded : s))));
      if (!param) out.add(join(segments.map((s, j) => (j === i ? segment.slice(0, c) + `%${hex.toLowerCase()}` + segment.slice(c + 1) : s))));
    }
    if (!param && segment.toUpperCase() !== segment) out.add(join(segments.map((s, j) => (j === i ? s.toUpperCase() : s))));
    if (!param && segment.length > 1) out.add(join(segments.map((s, j) => (j === i ? s[0]!.toUpperCase() + s.slice(1) : s))));
    const before = segments.slice(0, i);
    const after = segments.slice(i);
    out.add(join([...before, '.', ...after]));
    out.add(join([...before, '%2e', ...after]));
    out.add(join([...before, 'zz', '..', ...after]));
    out.add(join([...before, 'zz', '%2E%2E', ...after]));
    out.add(join([...before, '', ...after]));
    if (i > 0) out.add(join([...before.slice(0, -1), `${before.at(-1)}%2F${after[0]}`, ...after.slice(1)]));
  });
  out.add(`${route.path}/`);
  out.add(`${route.path}//`);
  out.add(`${route.path}/.`);
  out.add(`${origin}${route.path}`);
  out.add(`http://evil.example${route.path}`);
  out.add(`//${route.path}`);
  out.delete(route.path);
  return [...out];
}

interface Answer {
  status: number;
  code: string | undefined;
}

let app: FastifyInstance;
let origin: string;
let port: number;
let calls: RecordedCall[];
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const sessionOf: Partial<Record<Role, { cookie: string; csrf: string }>> = {};

async function freshSession(role: Role): Promise<{ cookie: string; csrf: string }> {
  const store = await testStore();
  const { sessionId, csrfToken } = await store.createSession(TEST_USERS[role].username);
  return { cookie: `cce_console_session=${sessionId}`, csrf: csrfToken };
}

function send(route: RouteCase, target: string, session: { cookie: string; csrf: string } | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, accept: 'application/json' };
    if (session) {
      headers.cookie = session.cookie;
      headers[CSRF_HEADER] = session.csrf;
    }
    if (route.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(route.body));
    }
    const req = httpRequest({ host: '127.0.0.1', port, method: route.method, path: target, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(route.body);
  });
}

async function answer(route: RouteCase, target: string, who: Who): Promise<Answer> {
  const session = who === 'none' ? undefined : route.method === 'DELETE' && route.path === '/api/session' ? await freshSession(who) : sessionOf[who];
  const res = await send(route, target, session);
  let code: string | undefined;
  try {
    code = (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code };
}

/** A refusal grants nothing: the non-canonical 400, no such route, or sign in first. */
function refused(a: Answer): boolean {
  const refusal = (a.status === 400 && a.code === 'BFF.NON_CANONICAL_URL') || a.status === 404 || (a.status === 401 && a.code === 'BFF.UNAUTHENTICATED');
  return refusal;
}

/** Checks every variant of every route for every role; returns the mismatches (empty when all hold). */
async function check(routes: readonly RouteCase[], pick: (all: string[]) => string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const route of routes) {
    for (const who of WHO) {
      const before = calls.length;
      const canonical = await answer(route, route.path, who);
      const canonicalCalls = calls.length - before;
      const targets = pick(variants(route, origin));
      const start = calls.length;
      // Sent concurrently, so upstream calls are counted per batch: each variant answered like the canonical path may make its calls, a refused one none.
      const answers = await Promise.all(targets.map(async (t) => [t, await answer(route, t, who)] as const));
      let expectedCalls = 0;
      for (const [target, a] of answers) {
        const same = a.status === canonical.status && a.code === canonical.code;
        if (same) expectedCalls += canonicalCalls;
        else if (!refused(a)) {
          problems.push(`${who} ${route.method} ${target}: ${a.status} ${a.code ?? ''} (canonical ${route.path}: ${canonical.status} ${canonical.code ?? ''})`);
        }
      }
      if (calls.length - start !== expectedCalls)
        problems.push(`${who} ${route.method} ${route.path}: variants made ${calls.length - start} upstream calls, expected ${expectedCalls}`);
    }
  }
  return problems;
}

beforeAll(async () => {
  const spy = spyUpstream();
  calls = spy.calls;
  // The control surface of a real simulator, so its routes are registered and their bodies really checked.
  const upstream = { ...spy.upstream, simulator: { speed: 1, control: createSimulator({ seed: 'empty' }).control } };
  app = await buildApp({ config: testConfig(), upstream, store: await testStore() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  for (const role of ['viewer', 'operator', 'admin'] as const) sessionOf[role] = await freshSession(role);
});

afterAll(async () => {
  agent.destroy();
  await app.close();
});

describe('every decision on the path the router matched', () => {
  it('covers every path the app registers, so a new route cannot escape this suite', () => {
    // printRoutes draws the router's tree: each line adds a segment to its parent's path, four columns per level.
    const registered = new Set<string>();
    const stack: string[] = [];
    for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^([│ ]*)[└├]── (\S*) \(/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      stack.length = depth;
      stack.push(m[2]!);
      registered.add(stack.join('').replace(/:[a-z_]+(\|:[a-z_]+)*/g, ':p'));
    }
    const covered = new Set([...OWN_ROUTES, ...CCE_ROUTES].map((r) => r.template.replace(/\{[a-z_]+\}|:[a-z_]+/g, ':p')));
    // The SPA's static files and its fallback are public by design and answered without any decision.
    const missing = [...registered].filter((path) => path.startsWith('/api') && !covered.has(path));
    expect(missing).toEqual([]);
    expect(registered.size).toBeGreaterThan(40);
  });

  it('answers every spelling of the console routes like the canonical path, or refuses it (exhaustive)', async () => {
    const problems = await check(OWN_ROUTES, (all) => all);
    expect(problems.slice(0, 40), `${problems.length} variants answered differently`).toEqual([]);
  }, 60_000);

  it('answers every spelling of every CCE operation like the canonical path, or refuses it (sampled)', async () => {
    // Per operation and role: the structural variants of every segment (exhaustive) and a sample of per-character encodings.
    const seed = 8;
    const problems = await check(CCE_ROUTES, (all) => {
      const structural = all.filter((t) => !/%[0-9A-Fa-f]{2}/.test(t) || /%2[eEfF]/.test(t));
      const encoded = all.filter((t) => !structural.includes(t));
      const sample =
        fc.sample(fc.subarray(encoded, { minLength: Math.min(6, encoded.length), maxLength: Math.min(6, encoded.length) }), { numRuns: 1, seed })[0] ?? [];
      return [...structural, ...sample];
    });
    expect(problems.slice(0, 40), `${problems.length} variants answered differently`).toEqual([]);
  }, 60_000);
});
