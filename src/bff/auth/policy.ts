import type { Capability } from '../../contract/console-api.ts';

/**
 * Who may call what, decided from method and path before any handler runs. One table, so a new
 * route is refused (needs a session and the admin role) until it is given a policy here.
 */
export type RoutePolicy =
  /** No session needed: health, context, the SPA, and signing in. */
  | { kind: 'public' }
  /** A session, plus the capability. */
  | { kind: 'session'; capability: Capability };

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isMutation(method: string): boolean {
  return !READ_METHODS.has(method);
}

export function policyFor(method: string, path: string): RoutePolicy {
  if (!path.startsWith('/api/') && path !== '/api') return { kind: 'public' };
  if (path === '/api/health' || path === '/api/context') return { kind: 'public' };
  if (path === '/api/session') {
    // Signing in needs no session; reading or ending one needs one (any role).
    return method === 'POST' ? { kind: 'public' } : { kind: 'session', capability: 'read' };
  }
  if (path === '/api/cce' || path.startsWith('/api/cce/')) return { kind: 'session', capability: isMutation(method) ? 'operate' : 'read' };
  if (path === '/api/audit') return { kind: 'session', capability: 'read' };
  if (path === '/api/simulator' || path.startsWith('/api/simulator/')) return { kind: 'session', capability: isMutation(method) ? 'operate' : 'read' };
  if (path === '/api/accounts' || path.startsWith('/api/accounts/')) return { kind: 'session', capability: 'administer' };
  // Anything else under /api is no route: signed-in users get the 404, everyone else the 401.
  return { kind: 'session', capability: 'read' };
}
