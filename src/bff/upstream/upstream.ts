import type { SimulatorControl } from '../../contract/simulator-control.ts';
import type { UpstreamCredentials } from '../config.ts';

export interface UpstreamRequest {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** Aborts the call (the BFF's timeout); a transport must honour it, headers and body included. */
  signal: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  /** A response header by lower-case name. */
  header(name: string): string | undefined;
  body: Buffer;
}

/**
 * One HTTP exchange with the upstream, body fully read. Deliberately smaller than `fetch`: the BFF
 * needs no streams or Headers objects on its hot path, and the cloud transport (node:http with a
 * keep-alive agent) costs less than half the CPU of `fetch` per call (see http-transport.ts).
 */
export type UpstreamTransport = (url: string, request: UpstreamRequest) => Promise<UpstreamResponse>;

/** The fetch shape: the simulator's handler (wrapped) and test doubles. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Rejects with `signal.reason` once the signal fires, even if `promise` never settles. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/**
 * A transport over a fetch-shaped function (the in-process simulator, test doubles). The abort
 * signal is enforced here too, so a handler that ignores it (the simulator does) still times out.
 */
export function fetchTransport(fetchLike: FetchLike): UpstreamTransport {
  return async (url, request) => {
    const { signal } = request;
    const response = await raceAbort(
      fetchLike(url, { method: request.method, headers: request.headers, signal, ...(request.body ? { body: request.body } : {}) }),
      signal,
    );
    const body = Buffer.from(await raceAbort(response.arrayBuffer(), signal));
    const headers = response.headers;
    return { status: response.status, header: (name) => headers.get(name) ?? undefined, body };
  };
}

/**
 * Everything the BFF needs to reach CCE, assembled by the composition root: in simulator mode the
 * simulator's handler, key pair, project and region; in cloud mode the configured endpoint and a
 * keep-alive HTTP transport. Nothing past compose.ts knows which one it got, so the same code path
 * (validation, signing, error mapping) runs in both.
 */
export interface Upstream {
  mode: 'simulator' | 'cloud';
  /** Origin requests are sent to (scheme, host and port), e.g. `https://cce.ap-southeast-3.myhuaweicloud.com`. */
  endpoint: string;
  /**
   * Origin of the VPC service the network look-ups go to (signed the same way); absent: the region's
   * public one, `https://vpc.{region}.myhuaweicloud.com`.
   */
  vpcEndpoint?: string;
  projectId: string;
  region: string;
  credentials: UpstreamCredentials;
  /** Carries CCE calls and, in IAM mode, the token request to the IAM endpoint. */
  transport: UpstreamTransport;
  /** Present in simulator mode: what the SPA shows about the embedded simulator, and its control surface. */
  simulator?: { speed: number; control?: SimulatorControl };
}
