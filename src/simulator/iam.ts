import { z } from 'zod';
import type { IamUserConfig } from './config.ts';
import { formatIamTimestamp } from './time.ts';

/** IAM tokens are valid for 24 hours (reference §1.4). */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * `POST /v3/auth/tokens` body for a password identity (the only method the console uses). The scope
 * must name a project — by id, or by name, which for a region's default project is the region name
 * (`ap-southeast-3`) — because CCE rejects tokens not scoped to a project.
 */
const tokenRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).refine((m) => m.includes('password'), 'must include "password"'),
      password: z.object({
        user: z.object({
          name: z.string().min(1),
          password: z.string().min(1),
          domain: z.object({ name: z.string().min(1).optional(), id: z.string().min(1).optional() }),
        }),
      }),
    }),
    scope: z.object({
      project: z
        .object({ id: z.string().min(1).optional(), name: z.string().min(1).optional() })
        .refine((p) => p.id !== undefined || p.name !== undefined, 'needs id or name'),
    }),
  }),
});

export interface IssuedToken {
  token: string;
  projectId: string;
  userName: string;
  issuedAt: number;
  expiresAt: number;
}

export interface IamIdentity {
  user: IamUserConfig;
  userId: string;
  domainId: string;
  projectId: string;
  region: string;
}

export type IamResult =
  | { ok: true; status: 201; token: string; body: unknown }
  /** IAM errors use the reference's first error shape (`error_code`/`error_msg`, §3.3). */
  | { ok: false; status: 400 | 401 | 404; code: string; message: string };

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Real tokens are long opaque strings starting `MII` (a PKI blob); the shape matters only to humans. */
function newTokenValue(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(180));
  return `MIIJ${Array.from(bytes, (b) => TOKEN_ALPHABET[b % 64]).join('')}`;
}

/**
 * The project-scoped token service of the simulator. Issued tokens live in memory; an expired or
 * unknown token is rejected by the gateway check with `APIGW.0301`, like the real gateway does.
 */
export class IamTokenService {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly identity: IamIdentity) {}

  issue(rawBody: string, nowMs: number): IamResult {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { ok: false, status: 400, code: 'IAM.0007', message: 'Request parameter body is invalid: not JSON.' };
    }
    const parsed = tokenRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, status: 400, code: 'IAM.0007', message: `Request parameter ${issue.path.join('.')} is invalid: ${issue.message}` };
    }
    const { identity, scope } = parsed.data.auth;
    const user = identity.password.user;
    const { user: expected, projectId, region } = this.identity;
    const domainMatches = user.domain.name === expected.domain || user.domain.id === this.identity.domainId;
    if (!domainMatches || user.name !== expected.name || user.password !== expected.password) {
      // One message for every credential mismatch, so a caller cannot probe which part was wrong.
      return { ok: false, status: 401, code: 'IAM.0101', message: 'The username or password is wrong.' };
    }
    const project = scope.project;
    if ((project.id !== undefined && project.id !== projectId) || (project.id === undefined && project.name !== region)) {
      return { ok: false, status: 404, code: 'IAM.0102', message: 'The project in the token scope does not exist.' };
    }
    const token = newTokenValue();
    const issued: IssuedToken = { token, projectId, userName: user.name, issuedAt: nowMs, expiresAt: nowMs + TOKEN_LIFETIME_MS };
    this.tokens.set(token, issued);
    this.forgetExpired(nowMs);
    return { ok: true, status: 201, token, body: this.tokenBody(issued) };
  }

  /** Looks a token up as of `nowMs`. */
  check(token: string, nowMs: number): { ok: true; token: IssuedToken } | { ok: false; reason: 'unknown' | 'expired'; expiresAt?: number } {
    const issued = this.tokens.get(token);
    if (!issued) return { ok: false, reason: 'unknown' };
    if (nowMs >= issued.expiresAt) return { ok: false, reason: 'expired', expiresAt: issued.expiresAt };
    return { ok: true, token: issued };
  }

  private forgetExpired(nowMs: number) {
    // Keep a day of grace so an expired token still answers "expired" rather than "unknown".
    for (const [value, t] of this.tokens) if (t.expiresAt + TOKEN_LIFETIME_MS < nowMs) this.tokens.delete(value);
  }

  private tokenBody(t: IssuedToken) {
    const { user, userId, domainId, projectId, region } = this.identity;
    const domain = { id: domainId, name: user.domain };
    return {
      token: {
        methods: ['password'],
        issued_at: formatIamTimestamp(t.issuedAt),
        expires_at: formatIamTimestamp(t.expiresAt),
        user: { id: userId, name: user.name, domain, password_expires_at: '' },
        project: { id: projectId, name: region, domain },
        roles: [{ id: '0', name: 'cce_admin' }],
        catalog: [],
      },
    };
  }
}
