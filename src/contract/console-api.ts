import { z } from 'zod';

/**
 * The BFF's own API (not CCE's): sign-in sessions, console accounts and the audit trail. Shared by
 * the BFF, which validates requests with these schemas, and the SPA, which parses the answers.
 */

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** What each role may do; the SPA disables what a role cannot do, the BFF refuses it. */
export const ROLE_CAN = {
  /** Read every page and every CCE resource. */
  read: ['viewer', 'operator', 'admin'],
  /** Change clusters, add-ons, upgrades, charts and releases (every mutating CCE operation). */
  operate: ['operator', 'admin'],
  /** Manage console accounts. */
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof ROLE_CAN;

export function roleCan(role: Role | undefined, capability: Capability): boolean {
  return role !== undefined && (ROLE_CAN[capability] as readonly Role[]).includes(role);
}

export const usernameSchema = z
  .string()
  .min(3, 'Username must be 3–64 characters.')
  .max(64, 'Username must be 3–64 characters.')
  .regex(/^[a-z][a-z0-9._-]*$/, 'Username: lowercase letters, digits, dots, hyphens and underscores, starting with a letter.');

/** Length rules only (NIST SP 800-63B); the BFF also refuses a password containing the username. */
export const passwordSchema = z.string().min(12, 'Password must be at least 12 characters.').max(256, 'Password must be at most 256 characters.');

export const signInBodySchema = z.strictObject({
  username: z.string().min(1, 'Enter your username.').max(64),
  password: z.string().min(1, 'Enter your password.').max(256),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** `POST /api/session` and `GET /api/session`. The CSRF token goes back in `X-CSRF-Token` on every change. */
export const sessionSchema = z.object({
  user: z.string(),
  role: roleSchema,
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const CSRF_HEADER = 'x-csrf-token';

export const accountSchema = z.object({
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  /** True while sign-in to this account is throttled for some address (an admin can unlock it). Absent: not throttled. */
  signInThrottled: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ items: z.array(accountSchema) });

export const createAccountBodySchema = z.strictObject({ username: usernameSchema, password: passwordSchema, role: roleSchema });
export type CreateAccountBody = z.infer<typeof createAccountBodySchema>;

export const updateAccountBodySchema = z
  .strictObject({ role: roleSchema.optional(), disabled: z.boolean().optional(), password: passwordSchema.optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined || b.password !== undefined, 'Change at least one of role, disabled or password.');
export type UpdateAccountBody = z.infer<typeof updateAccountBodySchema>;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Console actions that are not CCE operations; CCE mutations are recorded under their operation id. */
export const CONSOLE_ACTIONS = [
  'console.signIn',
  'console.signOut',
  'console.createAccount',
  'console.updateAccount',
  'console.unlockSignIn',
  // The simulator's control surface (simulator mode only).
  'simulator.reset',
  'simulator.advance',
  'simulator.armScenario',
  'simulator.disarmScenario',
] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

export const auditEntrySchema = z.object({
  id: z.string(),
  /** ISO 8601 time the BFF recorded the outcome. */
  at: z.string(),
  actor: z.string().nullable(),
  actorRole: roleSchema.nullable(),
  /** A CCE operation id (`DeleteAutopilotCluster`) or a console action (`console.signIn`). */
  action: z.string(),
  /** `cluster`, `addon`, `release`, `chart`, `workflow`, `account`… */
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's name when the action happened (e.g. a cluster's, kept after it is deleted); null when not known. */
  targetName: z.string().nullable(),
  /** What was asked, without secrets: path parameters, query, and a redacted outline of the body. */
  summary: z.record(z.string(), z.unknown()),
  outcome: z.enum(AUDIT_OUTCOMES),
  status: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  requestId: z.string().nullable(),
  upstreamRequestId: z.string().nullable(),
  clientIp: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/** `GET /api/audit` query: every filter optional, newest first, `before` = the previous page's `nextCursor`. */
export const auditQuerySchema = z.strictObject({
  actor: z.string().max(64).optional(),
  action: z.string().max(80).optional(),
  target: z.string().max(128).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
