import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../scripts/precompress.ts';
import { buildApp } from '../app.ts';
import { spyUpstream, testConfig, testStore } from '../testing.ts';

// A built SPA as `vite build` leaves it: hashed assets, index.html, a public file, and the .br/.gz
// siblings the build's precompress step writes (the real step, run on this directory).
const SCRIPT = `export function clusters(){return ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ name: `cluster-${i}`, phase: 'Available' })))}}\n`;
const STYLE = `.row{padding:4px 8px;color:#1c1e21}\n`.repeat(100);
const INDEX = `<!doctype html><html lang="en"><head><title>console</title><script type="module" src="/assets/index-3f2a1b.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(20)}</body></html>`;
/** A file put into the directory by hand after the build: it has no siblings. */
const HAND_ADDED = 'console.log("added after the build")';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bff-spa-encoding-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-9c8d7e.css'), STYLE);
  const written = await precompressDir(dir);
  expect(written.map((f) => f.file).sort()).toEqual(['assets/index-3f2a1b.js', 'assets/index-9c8d7e.css', 'index.html']);
  writeFileSync(join(dir, 'assets', 'added-0a1b2c.js'), HAND_ADDED);
  app = await buildApp({ config: testConfig({ staticDir: dir }), upstream: spyUpstream().upstream, store: await testStore() });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('precompressed delivery', () => {
  it.each([
    ['/assets/index-3f2a1b.js', SCRIPT, /^application\/javascript/],
    ['/assets/index-9c8d7e.css', STYLE, /^text\/css/],
  ])('sends %s as brotli to a browser that accepts it, smaller than the file', async (url, content, type) => {
    const res = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.byteLength).toBeLessThan(Buffer.byteLength(content) / 2);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.byteLength);
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(content);
  });

  it('sends gzip when brotli is not accepted', async () => {
    const res = await get('/assets/index-3f2a1b.js', { 'accept-encoding': 'gzip, deflate' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(SCRIPT);
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['identity only', { 'accept-encoding': 'identity' }],
    ['brotli and gzip refused', { 'accept-encoding': 'br;q=0, gzip;q=0, identity' }],
  ])('falls back to identity with %s, still saying Vary', async (_name, headers: Record<string, string>) => {
    const res = await get('/assets/index-3f2a1b.js', headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe(SCRIPT);
  });

  it('falls back to identity for a file without compressed siblings', async () => {
    const res = await get('/assets/added-0a1b2c.js', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe(HAND_ADDED);
  });

  it('sends index.html compressed and never cached without revalidation, for / and for deep links', async () => {
    for (const [url, accept] of [
      ['/', '*/*'],
      ['/clusters/6f1e1c3a?tab=nodes', 'text/html,application/xhtml+xml'],
    ] as const) {
      const res = await get(url, { accept, 'accept-encoding': 'gzip, deflate, br' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(INDEX);
    }
    const plain = await get('/', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(INDEX);
  });

  it('does not serve the compressed siblings as addresses of their own', async () => {
    for (const url of ['/assets/index-3f2a1b.js.br', '/assets/index-3f2a1b.js.gz', '/index.html.br']) {
      expect((await get(url, { 'accept-encoding': 'br, gzip' })).statusCode).toBe(404);
    }
  });
});
