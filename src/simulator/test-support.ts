/**
 * Helpers for the simulator's tests: requests are signed with the contract's `signRequest`, the same
 * code path the BFF uses, so every test also exercises the real signing path end to end.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { UNSIGNED_PAYLOAD, formatSdkDate, signRequest, type AccessKeyPair } from '../contract/signing.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from './create-simulator.ts';
import { DEMO_SEED } from './seed.ts';
import { ManualClock } from './time.ts';

export const TEST_HOST = 'cce.simulator.local';
/** A fixed, leap-year-free start so durations are reproducible: 2025-03-10 08:00:00 UTC. */
export const TEST_START_MS = Date.UTC(2025, 2, 10, 8, 0, 0);

export interface CallOptions {
  query?: Record<string, string | string[]>;
  body?: unknown;
  /** Raw body text instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Signing time; default: the simulator clock's now. */
  date?: Date;
  keys?: AccessKeyPair;
  /** Skip signing entirely. */
  unsigned?: boolean;
  /** A multipart body (see `encodeForm`), signed with `UNSIGNED-PAYLOAD` as Huawei's SDKs sign uploads. */
  form?: EncodedForm;
}

export interface EncodedForm {
  contentType: string;
  bytes: Uint8Array;
}

/** Encodes a form as `multipart/form-data`, boundary and all, as an HTTP client sends it. */
export async function encodeForm(form: FormData): Promise<EncodedForm> {
  const request = new Request('http://encoder.local/', { method: 'POST', body: form });
  return { contentType: request.headers.get('content-type')!, bytes: new Uint8Array(await request.arrayBuffer()) };
}

export interface TestSimulator {
  sim: Simulator;
  clock: ManualClock;
  /** Path prefix `/autopilot/v3/projects/{project_id}`. */
  base: string;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<{ status: number; body: T; headers: Headers }>;
  /** Moves simulated time forward by `simulatedMs` (divided by the speed on the clock). */
  advance(simulatedMs: number): void;
}

export function queryString(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A request as Huawei's own SDK signer (a devDependency, the test oracle) signs it. */
export interface SdkRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  data?: object;
  /** Default: {@link TEST_HOST}. */
  host?: string;
}

/** The headers Huawei's SDK signer gives a request to the test simulator, signed at the simulator clock's now. */
export function sdkSignedHeaders(t: TestSimulator, { method, path, query = {}, data, host = TEST_HOST }: SdkRequest): Record<string, string> {
  return AKSKSigner.sign(
    {
      method,
      endpoint: `https://${host}${path}`,
      queryParams: query,
      headers: { 'content-type': 'application/json', 'X-Project-Id': t.sim.projectId, 'X-Sdk-Date': formatSdkDate(new Date(t.clock.now())) },
      ...(data ? { data } : {}),
    } as never,
    { getAk: () => t.sim.credentials.ak, getSk: () => t.sim.credentials.sk } as never,
  ) as Record<string, string>;
}

export function startTestSimulator(options: SimulatorOptions = {}): TestSimulator {
  const clock = new ManualClock(TEST_START_MS);
  let counter = 0;
  // Deterministic ids, UUID-shaped, so tests can compare them and failures are readable.
  const ids = () => `00000000-0000-1000-8000-${(++counter).toString(16).padStart(12, '0')}`;
  const sim = createSimulator({ clock, ids, seed: 'demo', ...options });
  const speed = options.speed ?? 1;
  const base = `/autopilot/v3/projects/${sim.projectId}`;

  async function call(method: string, path: string, o: CallOptions = {}): Promise<Response> {
    const query = o.query ?? {};
    if (o.form) {
      const headers = { 'X-Sdk-Content-Sha256': UNSIGNED_PAYLOAD, ...o.headers };
      const signed = await signRequest({ method, host: TEST_HOST, path, query, headers }, o.keys ?? sim.credentials, o.date ?? new Date(clock.now()));
      const withType = { ...signed, 'content-type': o.form.contentType };
      return sim.fetch(new Request(`http://${TEST_HOST}${path}${queryString(query)}`, { method, headers: withType, body: o.form.bytes }));
    }
    const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
    const headers: Record<string, string> = { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...o.headers };
    const signed = o.unsigned
      ? { ...headers, host: TEST_HOST }
      : await signRequest({ method, host: TEST_HOST, path, query, headers, body }, o.keys ?? sim.credentials, o.date ?? new Date(clock.now()));
    return sim.fetch(new Request(`http://${TEST_HOST}${path}${queryString(query)}`, { method, headers: signed, ...(body !== undefined ? { body } : {}) }));
  }

  return {
    sim,
    clock,
    base,
    call,
    async json<T>(method: string, path: string, options?: CallOptions) {
      const res = await call(method, path, options);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
    },
    advance(simulatedMs: number) {
      clock.advance(simulatedMs / speed);
    },
  };
}

/** A create body that passes every rule, for the demo project's `vpc-prod`. */
export function validCreateBody(name: string, overrides: { spec?: Record<string, unknown>; metadata?: Record<string, unknown> } = {}) {
  const prod = DEMO_SEED.vpcs['vpc-prod']!;
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: { name, ...overrides.metadata },
    spec: {
      category: 'Turbo',
      flavor: 'cce.autopilot.cluster',
      type: 'VirtualMachine',
      version: 'v1.28',
      hostNetwork: { vpc: prod.id, subnet: prod.subnets[0]!.networkId },
      containerNetwork: { mode: 'eni' },
      eniNetwork: { subnets: [{ subnetID: prod.subnets[1]!.subnetId }] },
      serviceNetwork: { IPv4CIDR: '10.247.0.0/16' },
      extendParam: { enterpriseProjectId: '0' },
      billingMode: 0,
      enableSnat: true,
      enableSWRImageAccess: true,
      ...overrides.spec,
    },
  };
}
