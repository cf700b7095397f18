/**
 * Oracle tests for the contract's `SDK-HMAC-SHA256` signer: every vector is signed by Huawei's own
 * `AKSKSigner` from `@huaweicloud/huaweicloud-sdk-core` (a devDependency used only here and in the
 * simulator's tests) and by `signRequest`, and the Authorization headers must be byte-for-byte equal.
 *
 * How the SDK is fed, and why (its quirks, see ../shared/reference/stack-check.md §3.6):
 * - JSON bodies go to the SDK as objects (`data`): it hashes `JSON.stringify(data)`; ours gets those exact bytes.
 * - The SDK cannot hash arbitrary bytes (it JSON-encodes whatever `data` is), so binary bodies are signed the
 *   way its uploads are: with `X-Sdk-Content-Sha256` (the real digest, or `UNSIGNED-PAYLOAD` for multipart).
 * - The SDK takes the path from `url.parse(endpoint).pathname`, which already escapes a few characters
 *   (`'`, space, quotes, `<>{}|^\``); ours is given that same string, the path as it goes on the wire.
 * - `X-Sdk-Date` is given to both in the basic format, so both sign the same instant.
 */
import { createHash } from 'node:crypto';
import { parse } from 'node:url';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { describe, expect, it } from 'vitest';
import { UNSIGNED_PAYLOAD, formatSdkDate, parseAuthorization, signRequest, webCryptoPrimitives, type SigningPrimitives } from '../../contract/signing.ts';
import { nodeCryptoPrimitives } from './node-crypto.ts';

interface Vector {
  name: string;
  method: string;
  endpoint: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** JSON body: an object the SDK serialises itself. */
  data?: unknown;
  /** Give our signer the JSON body as bytes rather than a string. */
  dataAsBytes?: boolean;
  /** A non-JSON body, signed through X-Sdk-Content-Sha256 (see the header comment). */
  binary?: Uint8Array;
  date?: Date;
  keys?: { ak: string; sk: string };
}

const PROJECT = '0123456789abcdef0123456789abcdef';
const CCE = 'https://cce.ap-southeast-1.myhuaweicloud.com';
const BASE = `${CCE}/autopilot/v3/projects/${PROJECT}`;
const DATE = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const KEYS = { ak: 'AKEXAMPLE', sk: 'SKEXAMPLE' };
const JSON_HEADERS = { 'content-type': 'application/json' };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function cloneQuery(query: Vector['query']): Record<string, string | string[]> {
  // The SDK sorts array values in place; each signer gets its own copy.
  return Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
}

function headersOf(v: Vector): Record<string, string> {
  const headers = { ...v.headers };
  if (v.binary && !Object.keys(headers).some((h) => h.toLowerCase() === 'x-sdk-content-sha256')) headers['X-Sdk-Content-Sha256'] = sha256(v.binary);
  return headers;
}

function sdkSign(v: Vector): Record<string, string> {
  const date = v.date ?? DATE;
  const keys = v.keys ?? KEYS;
  return AKSKSigner.sign(
    {
      method: v.method,
      endpoint: v.endpoint,
      queryParams: cloneQuery(v.query),
      headers: { ...headersOf(v), 'X-Sdk-Date': formatSdkDate(date) },
      ...(v.data !== undefined ? { data: v.data } : {}),
    } as never,
    { getAk: () => keys.ak, getSk: () => keys.sk } as never,
  ) as Record<string, string>;
}

async function ourSign(v: Vector, primitives: SigningPrimitives = webCryptoPrimitives): Promise<Record<string, string>> {
  const url = parse(v.endpoint);
  let body: string | Uint8Array | undefined;
  if (v.data !== undefined) body = v.dataAsBytes ? new TextEncoder().encode(JSON.stringify(v.data)) : JSON.stringify(v.data);
  else if (v.binary) body = v.binary;
  return signRequest(
    { method: v.method, host: url.host!, path: url.pathname!, query: cloneQuery(v.query), headers: headersOf(v), ...(body !== undefined ? { body } : {}) },
    v.keys ?? KEYS,
    v.date ?? DATE,
    primitives,
  );
}

const CREATE_BODY = {
  kind: 'Cluster',
  apiVersion: 'v3',
  metadata: { name: 'demo', annotations: { note: 'créé à Zürich — 测试 ✓' } },
  spec: { category: 'Turbo', type: 'VirtualMachine', flavor: 'cce.autopilot.cluster', version: 'v1.28', billingMode: 0, enableSnat: true },
};

const VECTORS: Vector[] = [
  // Methods
  { name: 'GET list with X-Project-Id', method: 'GET', endpoint: `${BASE}/clusters`, headers: { 'X-Project-Id': PROJECT, ...JSON_HEADERS } },
  {
    name: 'POST create with JSON body',
    method: 'POST',
    endpoint: `${BASE}/clusters`,
    headers: { 'X-Project-Id': PROJECT, ...JSON_HEADERS },
    data: CREATE_BODY,
  },
  {
    name: 'PUT update',
    method: 'PUT',
    endpoint: `${BASE}/clusters/6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04`,
    headers: JSON_HEADERS,
    data: { spec: { description: 'new' } },
  },
  {
    name: 'DELETE with options query',
    method: 'DELETE',
    endpoint: `${BASE}/clusters/6f1e1c3a-8b2d-11ef-a1b2-0255ac100b04`,
    query: { delete_efs: 'true', delete_net: 'try' },
    headers: JSON_HEADERS,
  },
  {
    name: 'PATCH',
    method: 'PATCH',
    endpoint: `${CCE}/autopilot/v3/addons/0a1b`,
    headers: JSON_HEADERS,
    data: { metadata: { annotations: { 'addon.upgrade/type': 'upgrade' } } },
  },
  { name: 'HEAD without headers', method: 'HEAD', endpoint: `${BASE}/clusters` },
  // Paths
  { name: 'path with trailing slash', method: 'GET', endpoint: `${BASE}/clusters/`, headers: JSON_HEADERS },
  { name: 'root path', method: 'GET', endpoint: `${CCE}/` },
  { name: 'unicode path segments', method: 'GET', endpoint: `${CCE}/autopilot/v3/测试/zürich/🚀` },
  { name: 'reserved characters in the path', method: 'GET', endpoint: `${CCE}/a/b:c@d!e*f'(g)h+i,j;k=l$m` },
  { name: 'characters the URL parser escapes', method: 'GET', endpoint: `${CCE}/a b/"x"/<y>/{z}|^\`` },
  { name: 'an already percent-encoded segment', method: 'GET', endpoint: `${CCE}/charts/a%2Fb/values` },
  { name: 'empty and dot segments', method: 'GET', endpoint: `${CCE}//a/./../b//` },
  { name: 'unreserved punctuation in the path', method: 'GET', endpoint: `${CCE}/a-b_c.d~e/v1.28` },
  // Query
  {
    name: 'query with a repeated key (array, unsorted)',
    method: 'GET',
    endpoint: `${BASE}/clusters`,
    query: { detail: 'true', status: 'Available', type: ['b', 'a'] },
    headers: { 'X-Project-Id': PROJECT, ...JSON_HEADERS },
  },
  { name: 'query with an empty value', method: 'GET', endpoint: `${BASE}/clusters`, query: { detail: '', status: 'Available' } },
  {
    name: 'query keys in code-unit order (upper before lower)',
    method: 'GET',
    endpoint: `${BASE}/clusters`,
    query: { b: '1', B: '2', a: '3', _z: '4', '0': '5' },
  },
  { name: 'query values needing escapes', method: 'GET', endpoint: `${BASE}/clusters`, query: { q: 'a b&c=d/e?f#g+h%i', r: "!*'();:@$,[]" } },
  { name: 'unicode query key and value', method: 'GET', endpoint: `${BASE}/clusters`, query: { 名称: '集群-1', emoji: '😀' } },
  { name: 'query with duplicate array values', method: 'GET', endpoint: `${CCE}/autopilot/v3/addons`, query: { cluster_id: ['x', 'x', 'a'] } },
  { name: 'query array with one element', method: 'GET', endpoint: `${CCE}/autopilot/v3/addons`, query: { cluster_id: ['only'] } },
  {
    name: 'many query keys',
    method: 'GET',
    endpoint: `${CCE}/autopilot/v2/charts`,
    query: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${(i * 7) % 12}`, `v${i}`])),
  },
  { name: 'unreserved characters in query', method: 'GET', endpoint: `${BASE}/clusters`, query: { 'a-b_c.d~e': '-_.~' } },
  // Headers
  {
    name: 'security token header (temporary credentials)',
    method: 'GET',
    endpoint: `${BASE}/clusters`,
    headers: { 'X-Project-Id': PROJECT, 'X-Security-Token': 'gQpjbi1ub3J0aC00', ...JSON_HEADERS },
  },
  { name: 'mixed-case header names', method: 'GET', endpoint: `${BASE}/quotas`, headers: { 'X-Custom-HEADER': 'Value', 'content-TYPE': 'application/json' } },
  { name: 'header values with inner and outer spaces', method: 'GET', endpoint: `${BASE}/quotas`, headers: { 'x-note': ' two  spaces ' } },
  {
    name: 'Content-Type with charset',
    method: 'POST',
    endpoint: `${BASE}/clusters`,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    data: { a: 1 },
  },
  {
    name: 'endpoint with a port (host signed with it)',
    method: 'GET',
    endpoint: `http://127.0.0.1:9443/autopilot/v3/projects/${PROJECT}/clusters`,
    headers: { 'X-Project-Id': PROJECT },
  },
  // Bodies
  { name: 'empty JSON object body', method: 'POST', endpoint: `${BASE}/clusters/c1/clustercert`, headers: JSON_HEADERS, data: {} },
  { name: 'JSON array body', method: 'POST', endpoint: `${BASE}/clusters/c1/tags/create`, headers: JSON_HEADERS, data: [{ key: 'k', value: 'v' }] },
  {
    name: 'JSON body with unicode, given to us as bytes',
    method: 'POST',
    endpoint: `${BASE}/clusters`,
    headers: JSON_HEADERS,
    data: CREATE_BODY,
    dataAsBytes: true,
  },
  {
    name: 'large JSON body (≈100 KB)',
    method: 'PUT',
    endpoint: `${BASE}/clusters/c1`,
    headers: JSON_HEADERS,
    data: { items: Array.from({ length: 2000 }, (_, i) => ({ i, s: `value-${i}-ü` })) },
  },
  {
    name: 'binary body with its digest declared',
    method: 'PUT',
    endpoint: `${CCE}/autopilot/v2/charts/chart-1`,
    headers: { 'content-type': 'application/octet-stream' },
    binary: Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256),
  },
  {
    name: 'multipart upload, unsigned payload, boundary not signed',
    method: 'POST',
    endpoint: `${CCE}/autopilot/v2/charts`,
    headers: { 'content-type': 'multipart/form-data; boundary=----x1', 'X-Sdk-Content-Sha256': UNSIGNED_PAYLOAD },
    binary: new Uint8Array([0x1f, 0x8b, 0, 255]),
  },
  // Keys and dates
  {
    name: 'another key pair, SK with punctuation',
    method: 'GET',
    endpoint: `${BASE}/clusters`,
    keys: { ak: 'HPUAXXXXXXXXXXXXXXXX', sk: 'a/B+c=d!e@f#g$h%i^j&k*l(m)n_o-p' },
  },
  { name: 'leap-day date', method: 'GET', endpoint: `${BASE}/clusters`, date: new Date(Date.UTC(2028, 1, 29, 23, 59, 59)) },
  {
    name: 'year-end date',
    method: 'POST',
    endpoint: `${BASE}/clusters`,
    headers: JSON_HEADERS,
    data: { a: null },
    date: new Date(Date.UTC(2025, 11, 31, 0, 0, 0)),
  },
];

/** A small deterministic PRNG (mulberry32), so the generated vectors are the same on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(count: number): Vector[] {
  const rand = prng(20260102);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const segments = ['clusters', 'v1.28', 'a-b_c', '测试', 'ü', "x'y", 'a b', '%41', 'k=v', 'é+é', '~', ''];
  const words = ['', 'true', 'Available', 'a b', 'ü', '&=', '+', '%', '测', 'x/y', '~._-'];
  const headerNames = ['X-Project-Id', 'x-extra', 'X-Security-Token', 'Content-Type', 'x-a-b'];
  return Array.from({ length: count }, (_, i) => {
    const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
    const path = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(segments)).join('/');
    const query: Record<string, string | string[]> = {};
    for (let k = Math.floor(rand() * 4); k > 0; k--) {
      const key = pick(['status', 'a', 'B', 'detail', 'ключ', 'x y']);
      query[key] = rand() < 0.3 ? [pick(words), pick(words), pick(words)] : pick(words);
    }
    const headers: Record<string, string> = {};
    for (let k = Math.floor(rand() * 3); k > 0; k--) headers[pick(headerNames)] = pick(['1', 'application/json', 'v a l', PROJECT]);
    const withBody = method !== 'GET' && method !== 'DELETE' && rand() < 0.7;
    return {
      name: `generated #${i + 1}`,
      method,
      endpoint: `${CCE}/${path}${rand() < 0.2 ? '/' : ''}`,
      query,
      headers,
      ...(withBody ? { data: { n: i, s: pick(words), list: [pick(words), rand()] } } : {}),
      date: new Date(DATE.getTime() + Math.floor(rand() * 1e10)),
    };
  });
}

describe.each([
  ['Web Crypto', webCryptoPrimitives],
  ['node:crypto', nodeCryptoPrimitives],
] as const)('signRequest (%s) against the official SDK signer (AKSKSigner)', (_primitivesName, primitives) => {
  it('reproduces the two reference vectors recorded in stack-check.md §3.6', async () => {
    const first = await ourSign(
      {
        name: 'ref 1',
        method: 'GET',
        endpoint: `${CCE}/autopilot/v3/projects/${PROJECT}/clusters`,
        query: { detail: 'true', status: 'Available', type: ['b', 'a'] },
        headers: { 'X-Project-Id': PROJECT, 'content-type': 'application/json' },
      },
      primitives,
    );
    expect(first.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=d556bf55e130395948a0f87d4e62b70436b49d309682324dfef238910a06287c',
    );
    const second = await ourSign(
      {
        name: 'ref 2',
        method: 'POST',
        endpoint: `${CCE}/autopilot/v3/projects/p1/clusters`,
        headers: { 'content-type': 'application/json' },
        data: { kind: 'Cluster', apiVersion: 'v3', metadata: { name: 'demo' } },
      },
      primitives,
    );
    expect(second.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=63d9bc8f06fae634ea8514ea5ecc93d21ce70da7c1d5c7e6419530da4ecc7bc8',
    );
  });

  it(`has at least 30 hand-written vectors`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(VECTORS.map((v) => v.name)).size).toBe(VECTORS.length);
  });

  it.each(VECTORS.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    const expected = sdkSign(vector);
    const actual = await ourSign(vector, primitives);
    expect(actual.Authorization).toBe(expected.Authorization);
    // Not only the signature: the same headers go on the wire (the multipart boundary excepted on both sides).
    expect(actual).toEqual(expected);
  });

  it('matches the SDK on 300 generated requests (methods, paths, queries, headers, bodies, dates)', async () => {
    const mismatches: string[] = [];
    for (const vector of generated(300)) {
      const expected = sdkSign(vector).Authorization;
      const actual = (await ourSign(vector, primitives)).Authorization;
      if (actual !== expected) mismatches.push(`${vector.name}: ${vector.method} ${vector.endpoint} ${JSON.stringify(vector.query)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('produces a different signature when anything signed changes', async () => {
    const base: Vector = { name: 'base', method: 'POST', endpoint: `${BASE}/clusters`, query: { a: '1' }, headers: JSON_HEADERS, data: { a: 1 } };
    const signature = async (v: Vector) => parseAuthorization((await ourSign(v, primitives)).Authorization!)!.signature;
    const reference = await signature(base);
    const variants: Vector[] = [
      { ...base, method: 'PUT' },
      { ...base, endpoint: `${BASE}/clusterz` },
      { ...base, query: { a: '2' } },
      { ...base, headers: { 'content-type': 'application/json; charset=utf-8' } },
      { ...base, data: { a: 2 } },
      { ...base, date: new Date(DATE.getTime() + 1000) },
      { ...base, keys: { ak: 'AKEXAMPLE', sk: 'SKEXAMPLE2' } },
    ];
    for (const variant of variants) expect(await signature(variant)).not.toBe(reference);
  });
});
