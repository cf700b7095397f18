import { normaliseCceError } from '../../contract/errors.ts';
import type { IamCredentials } from '../config.ts';
import { ApiError } from '../errors.ts';
import type { Clock, UpstreamResponse, UpstreamTransport } from './upstream.ts';

/** IAM tokens live 24 h (reference §1.4); refreshing an hour early leaves room for clock skew and long calls. */
export const TOKEN_REFRESH_MARGIN_MS = 60 * 60 * 1000;
const DEFAULT_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface IamTokenProviderOptions {
  credentials: IamCredentials;
  projectId: string;
  transport: UpstreamTransport;
  clock: Clock;
  timeoutMs: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Real IAM answers `{"error":{"code","message"}}`; gateways and the simulator use the CCE shapes. */
function readIamError(body: unknown): { code: string; message: string } | null {
  const cce = normaliseCceError(body);
  if (cce) return cce;
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (typeof code === 'string' || typeof code === 'number') return { code: String(code), message: typeof message === 'string' ? message : '' };
    }
  }
  return null;
}

/**
 * Obtains and caches a project-scoped IAM token (`POST /v3/auth/tokens`, password method). Callers
 * that arrive while a token is being fetched share that one request, so a burst after expiry costs
 * IAM one call, not one per request.
 */
export class IamTokenProvider {
  private cached: CachedToken | undefined;
  private inflight: Promise<string> | undefined;
  private readonly url: string;

  constructor(private readonly options: IamTokenProviderOptions) {
    this.url = `${options.credentials.endpoint}/v3/auth/tokens`;
  }

  /** A token valid for at least the refresh margin. */
  token(): Promise<string> {
    const cached = this.cached;
    if (cached && this.options.clock.now() < cached.expiresAt - TOKEN_REFRESH_MARGIN_MS) return Promise.resolve(cached.value);
    if (!this.inflight) {
      this.inflight = this.fetchToken().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  /** Forgets `value` if it is the cached token (upstream said 401), so the next call fetches a new one. */
  invalidate(value: string): void {
    if (this.cached?.value === value) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { credentials, projectId, clock, timeoutMs } = this.options;
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: credentials.username, password: credentials.password, domain: { name: credentials.domain } } },
        },
        scope: { project: { id: projectId } },
      },
    });
    const requestedAt = clock.now();
    let response: UpstreamResponse;
    try {
      response = await this.options.transport(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=utf8' },
        body: Buffer.from(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ApiError(
        504,
        timedOut ? 'BFF.UPSTREAM_TIMEOUT' : 'BFF.UPSTREAM_UNREACHABLE',
        timedOut ? 'IAM did not answer in time.' : 'IAM could not be reached.',
      );
    }
    const text = response.body.toString('utf8');
    const value = response.header('x-subject-token');
    if (response.status !== 201 || !value) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: reported generically below
      }
      const error = readIamError(parsed);
      const requestId = response.header('x-request-id');
      // The IAM message (wrong password, unknown project) is what an operator needs to fix the configuration.
      throw new ApiError(
        502,
        'BFF.IAM_TOKEN_FAILED',
        `Could not obtain an IAM token (HTTP ${response.status}${error ? `, ${error.code}: ${error.message}` : ''}).`,
        requestId ? { requestId } : {},
      );
    }
    this.cached = { value, expiresAt: readExpiry(text, requestedAt) };
    return value;
  }
}

function readExpiry(text: string, requestedAt: number): number {
  try {
    const body = JSON.parse(text) as { token?: { expires_at?: unknown } };
    const expiresAt = typeof body.token?.expires_at === 'string' ? Date.parse(body.token.expires_at) : Number.NaN;
    if (Number.isFinite(expiresAt)) return expiresAt;
  } catch {
    // fall through to the documented lifetime
  }
  return requestedAt + DEFAULT_TOKEN_LIFETIME_MS;
}
