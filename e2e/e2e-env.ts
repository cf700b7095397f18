/**
 * The key pair the simulator accepts and the BFF signs with during the journeys: not the documented
 * defaults, so that the secret scan (secrets.spec.ts) looks for values nobody could find by chance.
 */
export const E2E_SECRETS = {
  ak: process.env.E2E_SIMULATOR_AK ?? 'HPUAE2ETESTKEY20261125',
  sk: process.env.E2E_SIMULATOR_SK ?? 'e2eSecretKeyThatMustNotLeak7f3a9c1d5b',
  /** The configured admin of the second console (see playwright.config.ts), never shown anywhere. */
  admin: { username: 'e2e-admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'Configured-Admin-Pass-9c41e7' },
};

export const E2E_PORT = Number(process.env.E2E_PORT ?? 8190);
/** A second console with a configured admin (no demo accounts), for the secret scan of that set-up. */
export const E2E_ADMIN_PORT = E2E_PORT + 1;
