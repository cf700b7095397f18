import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Vite names every file under assets/ by its content hash, so a cached copy can never be stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files: revalidate every time, so a new build is picked up at once. */
const REVALIDATE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CCE Autopilot console: not built</title></head>
<body><h1>The console has not been built</h1>
<p>The web app is missing from the static directory. Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload.</p>
</body></html>
`;

export interface SpaOptions {
  staticDir: string;
}

/** Answers a GET that matched no file or route; false when the request is not a page request (the caller answers 404). */
export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return accept !== undefined && (accept.includes('text/html') || accept.includes('application/xhtml+xml'));
}

/**
 * Serves the built SPA from STATIC_DIR on the given (root) instance and returns the fallback for the
 * not-found handler: index.html for `/` and for any page request that accepts HTML, so deep links
 * (`/clusters/abc`) reach the client-side router; a plain 503 page while the SPA is not built.
 */
export async function registerSpa(app: FastifyInstance, options: SpaOptions): Promise<SpaFallback> {
  const root = resolve(options.staticDir);
  const assets = join(root, 'assets') + sep;
  const index = join(root, 'index.html');
  const served = existsSync(root) && statSync(root).isDirectory();
  if (served) {
    // The static plugin's routes are public: declared while it registers them (every route declares its access).
    let registering = true;
    app.addHook('onRoute', (route) => {
      if (registering) route.config = { ...route.config, access: 'public' };
    });
    await app.register(fastifyStatic, {
      root,
      index: false,
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
      },
    });
    registering = false;
  } else {
    app.log.warn({ staticDir: root }, 'static directory is missing: run npm run build');
  }

  const fallback: SpaFallback = (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url.split('?', 1)[0];
    if (path !== '/' && !acceptsHtml(request)) return false;
    // Checked per page load (not per API call), so a build finished after start-up is picked up.
    if (!served || !existsSync(index)) {
      void reply.code(503).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT_PAGE);
      return true;
    }
    void reply.header('cache-control', REVALIDATE).sendFile('index.html', root);
    return true;
  };
  // `/` is the page itself, whatever the Accept header says (the static handler would refuse a directory).
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    fallback(request, reply);
    return reply;
  });
  return fallback;
}
