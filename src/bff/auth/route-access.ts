import type { FastifyRequest, RouteOptions } from 'fastify';
import { roleCan, type Capability } from '../../contract/console-api.ts';
import type { OperationDefinition } from '../../contract/define-operation.ts';
import { ApiError } from '../errors.ts';

/**
 * Who may call a route, declared on the route itself (`config: { access }`) and read by the one
 * access hook after the router has matched: a route is public, or needs a session whose role has the
 * capability. A route registered without a declaration is refused at start-up; a request that matched
 * no route is handled by {@link NOT_FOUND_ACCESS}.
 */
export type RouteAccess = 'public' | { capability: Capability };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The audit action of a change on this route (refused changes are recorded under it too). */
    auditAction?: string;
    /** The CCE operation a forwarder route sends upstream (exactly this one). */
    operation?: OperationDefinition;
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isMutation(method: string): boolean {
  return !READ_METHODS.has(method);
}

/** Requests that matched no route: signed-in users get the 404, everyone else the 401 (under /api); the SPA's pages are public. */
export function notFoundAccess(path: string): RouteAccess {
  return path === '/api' || path.startsWith('/api/') ? { capability: 'read' } : 'public';
}

/** The access declared on the route this request matched. */
export function accessOf(request: FastifyRequest): RouteAccess {
  if (request.is404) return notFoundAccess(pathOf(request.url));
  const access = request.routeOptions.config.access;
  // Unreachable for routes registered through the app (see requireDeclaredAccess), kept as a deny.
  return access ?? { capability: 'administer' };
}

/** `onRoute` hook: a route without a declared access is a start-up error, so no route is ever open by omission. */
export function requireDeclaredAccess(route: RouteOptions): void {
  if (route.config?.access === undefined) {
    throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access: 'public' | { capability })`);
  }
}

export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

const ENCODED_SEPARATOR = /%(2f|5c)/i;

function isDotSegment(segment: string): boolean {
  if (segment === '.' || segment === '..') return true;
  if (segment.indexOf('%') === -1 || segment.length > 6) return false;
  const decoded = segment.replace(/%2e/gi, '.');
  return decoded === '.' || decoded === '..';
}

/**
 * The one canonicalisation step, run once before anything reads the path: the request target must be
 * origin-form (`/…`, not `http://host/…` or `//…`), without empty, `.` or `..` segments, and may
 * percent-encode characters only inside the parameters of the route it matched (the router decodes
 * before matching, so `/%61pi/accounts` would otherwise match `/api/accounts`). Returns what is wrong,
 * or null. Cheap on the common path: one scan for `%`, `//` and `/.`.
 */
export function nonCanonical(url: string, routeUrl: string | undefined): string | null {
  if (url.charCodeAt(0) !== 47 /* / */ || url.charCodeAt(1) === 47) return 'the request target must be a path starting with a single "/"';
  const path = pathOf(url);
  const trailingSlash = path.length > 1 && path.charCodeAt(path.length - 1) === 47;
  if (path.indexOf('%') === -1 && path.indexOf('//') === -1 && path.indexOf('/.') === -1 && !trailingSlash) return null;
  const segments = path.split('/');
  const pattern = routeUrl?.split('/');
  const wildcardAt = pattern ? pattern.findIndex((s) => s.includes('*')) : -1;
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '' && i < segments.length - 1) return 'the path contains an empty segment ("//")';
    // A trailing "/" that the router matched as an empty parameter (or wildcard) is not the route's path.
    if (segment === '' && pattern !== undefined) return 'the path ends with "/"';
    if (isDotSegment(segment)) return 'the path contains a "." or ".." segment';
    if (segment.indexOf('%') === -1) continue;
    // No parameter of any route holds a "/": an encoded one is a segment boundary in disguise.
    if (ENCODED_SEPARATOR.test(segment)) return 'the path percent-encodes a "/" or "\\"';
    const isParam = pattern !== undefined && ((wildcardAt !== -1 && i >= wildcardAt) || (pattern[i]?.includes(':') ?? false));
    // No route matched: outside /api (the SPA's pages) an escape changes nothing; under /api there is no parameter to hold it.
    const harmless = pattern === undefined && !decodeSafely(path).toLowerCase().startsWith('/api');
    if (!isParam && !harmless) return 'the path percent-encodes a character outside a parameter';
  }
  return null;
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function nonCanonicalError(problem: string): ApiError {
  return new ApiError(400, 'BFF.NON_CANONICAL_URL', `The request target is not in canonical form: ${problem}.`);
}

const CAPABILITY_DENIED: Record<Capability, string> = {
  operate: 'can view but not change resources',
  administer: 'cannot manage console accounts',
  read: 'cannot read this',
};

export function forbidden(role: string, capability: Capability): ApiError {
  return new ApiError(403, 'BFF.FORBIDDEN', `Your role (${role}) ${CAPABILITY_DENIED[capability]}.`);
}

/**
 * Defence in depth inside a handler: the session and role the route needs, checked again where the
 * data is read or changed, so that a mistake in the hook or a route's declaration alone opens nothing.
 */
export function requireCapability(request: FastifyRequest, capability: Capability) {
  const session = request.session;
  if (!session) throw new ApiError(401, 'BFF.UNAUTHENTICATED', 'Sign in to use the console.');
  if (!roleCan(session.role, capability)) throw forbidden(session.role, capability);
  return session;
}
