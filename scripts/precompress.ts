import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text the browser fetches; images, fonts and archives are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.xml', '.webmanifest']);

export interface PrecompressedFile {
  /** Path relative to the directory, `/`-separated. */
  file: string;
  raw: number;
  br: number;
  gzip: number;
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, path) : Promise.resolve(entry.isFile() ? [path] : []);
    }),
  );
  return nested.flat();
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every compressible file in
 * `dir`, so the BFF sends the best encoding a browser accepts without compressing per request
 * (`@fastify/static`'s `preCompressed`, src/bff/routes/spa.ts).
 * Every compressible file gets both, even the few tiny ones (< 100 bytes) where the encoding's framing
 * outweighs its gain by a handful of bytes: then every script and style sheet goes out as brotli, an
 * invariant a check can assert. A file without siblings (added by hand after a build) goes out as identity.
 * Compression runs on libuv's thread pool, so files are compressed in parallel.
 */
export async function precompressDir(dir: string): Promise<PrecompressedFile[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.has(extname(f)));
  return Promise.all(
    files.map(async (file): Promise<PrecompressedFile> => {
      const path = join(dir, file);
      const raw = await readFile(path);
      const [br, gzipped] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
          },
        }),
        gz(raw, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
      return { file, raw: raw.byteLength, br: br.byteLength, gzip: gzipped.byteLength };
    }),
  );
}

/** Vite plugin: precompresses the build output once it is written (`vite build` only, not the dev server). */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cce-console:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await precompressDir(outDir);
      const sum = (key: 'raw' | 'br' | 'gzip') => files.reduce((n, f) => n + f[key], 0) / 1024;
      this.info(`precompressed ${files.length} files: ${sum('raw').toFixed(0)} KB → ${sum('br').toFixed(0)} KB brotli, ${sum('gzip').toFixed(0)} KB gzip`);
    },
  };
}
