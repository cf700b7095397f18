import { vi } from 'vitest';
import type { BffErrorCode } from '../../../contract/bff-error-codes.ts';
import type { Session } from '../../../contract/console-api.ts';
import type { ConsoleContext } from '../api/console-context.ts';

/**
 * A stand-in for the BFF in component tests: `fetch` is replaced by a handler that sees real
 * `Request`s (method, URL, headers, body) and answers real `Response`s with an X-Request-Id, as the
 * BFF does.
 */
type FakeHandler = (request: Request) => Response | Promise<Response>;

export const TEST_PROJECT_ID = '05a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0';
const TEST_REGION = 'ap-southeast-3';
export const CLUSTERS_PATH = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/clusters`;

export const simulatorContext: ConsoleContext = { mode: 'simulator', region: TEST_REGION, projectId: TEST_PROJECT_ID, simulator: { speed: 1 } };
export const cloudContext: ConsoleContext = { mode: 'cloud', region: TEST_REGION, projectId: TEST_PROJECT_ID };

let requestCounter = 0;

export function jsonResponse(body: unknown, status = 200, requestId = `req-${++requestCounter}`): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId } });
}

/** The BFF's error envelope, with a code the BFF sends (the contract's list) or the cloud's own. */
export function envelopeResponse(
  status: number,
  code: BffErrorCode | `CCE.${string}`,
  message: string,
  requestId: string,
  fields?: { path: string; message: string }[],
): Response {
  return jsonResponse({ error: { status, code, message, requestId, ...(fields ? { fields } : {}) } }, status, requestId);
}

export function installFetch(handler: FakeHandler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://console.test');
    return handler(new Request(url, init));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export const operatorSession: Session = { user: 'olivia', role: 'operator', csrfToken: 'csrf-token-of-olivia' };

interface FakeBffOptions {
  context?: ConsoleContext;
  /** The signed-in session (`GET /api/session`); null = signed out (401). Default: an operator. */
  session?: Session | null;
  /** The CCE body of `ListAutopilotClusters`, or a handler for it. */
  clusters?: unknown | FakeHandler;
}

/** `/api/context` and the cluster list; anything else is a 404 in the envelope, like the BFF. */
export function installFakeBff({
  context = simulatorContext,
  session = operatorSession,
  clusters = { kind: 'Cluster', apiVersion: 'v3', items: [] },
}: FakeBffOptions = {}) {
  return installFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === '/api/context') return jsonResponse(context);
    if (request.method === 'GET' && pathname === '/api/session') {
      return session ? jsonResponse(session) : envelopeResponse(401, 'BFF.UNAUTHENTICATED', 'Sign in to use the console.', 'req-no-session');
    }
    if (request.method === 'GET' && pathname === CLUSTERS_PATH) {
      return typeof clusters === 'function' ? (clusters as FakeHandler)(request) : jsonResponse(clusters);
    }
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${request.method} ${pathname}`, 'req-not-found');
  });
}

export interface ClusterFixture {
  name: string;
  phase?: string;
  version?: string;
  alias?: string;
  /** CCE's Go-style timestamp, e.g. `2024-05-29 17:35:40.770923 +0000 UTC`. */
  created?: string;
  reason?: string;
  message?: string;
}

/** A cluster as `ListAutopilotClusters` returns it (shape of the reference's example). */
export function cceCluster({
  name,
  phase = 'Available',
  version = 'v1.28',
  alias,
  created = '2024-05-29 17:35:40.770923 +0000 UTC',
  reason,
  message,
}: ClusterFixture) {
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: created,
      updateTimestamp: created,
      ...(alias ? { alias } : {}),
    },
    spec: { category: 'Turbo', type: 'VirtualMachine', flavor: 'cce.autopilot.cluster', version, containerNetwork: { mode: 'eni' } },
    status: { phase, ...(reason ? { reason } : {}), ...(message ? { message } : {}) },
  };
}

export function cceClusterList(clusters: ClusterFixture[]) {
  return { kind: 'Cluster', apiVersion: 'v3', items: clusters.map(cceCluster) };
}
