/**
 * The key pair the simulator accepts and the BFF signs with during the journeys: not the documented
 * defaults, so that the secret scan (secrets.spec.ts) looks for values nobody could find by chance.
 */
export const E2E_SECRETS = {
  ak: process.env.E2E_SIMULATOR_AK ?? 'HPUAE2ETESTKEY20261125',
  sk: process.env.E2E_SIMULATOR_SK ?? 'e2eSecretKeyThatMustNotLeak7f3a9c1d5b',
};
