import type { Role } from '../../contract/console-api.ts';
import type { ConsoleSettings } from '../config.ts';
import type { ConsoleStore } from '../store/console-store.ts';
import { hashPassword, verifyPassword } from '../store/passwords.ts';

/** An account the sign-in page may show with its password: simulator mode only, demo data only. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
}

/**
 * The demo accounts of simulator mode without a configured admin, one per role, so a demo can show
 * what each role sees. Their passwords are public by design (the sign-in page states them); they
 * exist only when the console talks to the simulator, never in cloud mode.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'demo-admin-password', role: 'admin' },
  { username: 'operator', password: 'demo-operator-password', role: 'operator' },
  { username: 'viewer', password: 'demo-viewer-password', role: 'viewer' },
];

export class BootstrapError extends Error {}

export interface BootstrapResult {
  /** Demo accounts that still carry their public password (the sign-in page lists those). */
  shown: DemoAccount[];
  /** Demo accounts disabled at this start (outside simulator mode, or with a configured admin); their sessions ended. */
  disabled: string[];
}

/**
 * Makes sure someone can sign in: the configured admin (created, or re-enabled with its password
 * reset, so a lost admin password is recovered by restarting with a new one); else in simulator
 * mode the demo accounts; else (cloud mode, no admin configured) an enabled admin must already exist.
 * Demo accounts are usable only in simulator mode without a configured admin: otherwise any that
 * still has its public password is disabled (which ends its sessions) before the console answers.
 */
export async function bootstrapAccounts(store: ConsoleStore, settings: ConsoleSettings, mode: 'simulator' | 'cloud'): Promise<BootstrapResult> {
  const disabled: string[] = [];
  if (settings.admin || mode === 'cloud') {
    for (const demo of DEMO_ACCOUNTS) {
      if (settings.admin?.username === demo.username) continue;
      const existing = await store.findAccount(demo.username);
      if (existing && !existing.disabled && (await verifyPassword(demo.password, existing.passwordHash))) {
        await store.updateAccount(demo.username, { disabled: true });
        disabled.push(demo.username);
      }
    }
  }
  if (settings.admin) {
    const { username, password } = settings.admin;
    const passwordHash = await hashPassword(password);
    const existing = await store.findAccount(username);
    if (!existing) await store.createAccount({ username, passwordHash, role: 'admin' });
    else if (!(await verifyPassword(password, existing.passwordHash)) || existing.role !== 'admin' || existing.disabled) {
      await store.updateAccount(username, { role: 'admin', disabled: false, passwordHash });
    }
    return { shown: [], disabled };
  }
  if (mode === 'cloud') {
    const admins = (await store.listAccounts()).filter((a) => a.role === 'admin' && !a.disabled);
    if (admins.length === 0) {
      throw new BootstrapError('cloud mode needs an admin: set CONSOLE_ADMIN_USER and CONSOLE_ADMIN_PASSWORD (the console creates that account at start-up)');
    }
    return { shown: [], disabled };
  }
  const shown: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const existing = await store.findAccount(demo.username);
    if (!existing) {
      await store.createAccount({ username: demo.username, passwordHash: await hashPassword(demo.password), role: demo.role });
      shown.push(demo);
    } else if (!existing.disabled && existing.role === demo.role && (await verifyPassword(demo.password, existing.passwordHash))) {
      shown.push(demo);
    }
  }
  return { shown, disabled };
}
