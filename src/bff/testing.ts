/**
 * Test helpers for the BFF: a config without the environment and a recording spy upstream. Tests that
 * need the real simulator import it themselves (only tests and the composition root may).
 */
import { Writable } from 'node:stream';
import type { BffConfig } from './config.ts';
import { fetchTransport, type Upstream } from './upstream/upstream.ts';

export const TEST_PROJECT_ID = '5f0c9e1d2b3a4c5d6e7f8091a2b3c4d5';
export const TEST_ENDPOINT = 'https://cce.ap-southeast-3.myhuaweicloud.com';
export const TEST_KEYS = { ak: 'HPUATESTACCESSKEY001', sk: 'TestSecretKeyThatMustNeverBeLogged0001' };

export function testConfig(overrides: Partial<BffConfig> = {}): BffConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    timeoutMs: 5_000,
    logLevel: 'silent',
    staticDir: '/nonexistent-static-dir',
    cloud: null,
    ignored: [],
    ...overrides,
  };
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/** An upstream that records every call and answers with `respond` (default: 200 `{}`). */
export function spyUpstream(
  respond: (call: RecordedCall, signal: AbortSignal | undefined) => Response | Promise<Response> = () => Response.json({}),
  overrides: Partial<Upstream> = {},
): { upstream: Upstream; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const upstream: Upstream = {
    mode: 'cloud',
    endpoint: TEST_ENDPOINT,
    projectId: TEST_PROJECT_ID,
    region: 'ap-southeast-3',
    credentials: { kind: 'aksk', ...TEST_KEYS },
    transport: fetchTransport(async (url, init) => {
      const call: RecordedCall = {
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body: init.body instanceof Uint8Array ? init.body : undefined,
      };
      calls.push(call);
      return respond(call, init.signal ?? undefined);
    }),
    ...overrides,
  };
  return { upstream, calls };
}

/** A writable that keeps everything written to it, for log assertions. */
export function captureStream(): { stream: Writable; text(): string; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
