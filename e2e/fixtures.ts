/**
 * The one place journeys get `test` and `expect` from. Every journey starts from a known world: the
 * simulator is reset to the `demo` seed before each test (through the console's control surface, as a
 * signed-in operator of its own), and journeys advance simulated time with `simulator.advance()`
 * instead of waiting for simulated work. Every journey's browser context is watched for secrets in
 * any response (bodies and headers), and `page` starts signed in as the demo operator unless a test
 * asks for `signedOutPage`.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../src/bff/auth/bootstrap.ts';
import type { Role } from '../src/contract/console-api.ts';
import {
  armedScenarioSchema,
  simulatorStateSchema,
  type ArmedScenarioView,
  type ArmScenarioBody,
  type SimulatorSeedName,
  type SimulatorState,
} from '../src/contract/simulator-control.ts';
import { watchForSecrets } from './secret-scan.ts';

export { expect };

export function demoAccount(role: Role) {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!;
}

/** Signs in through the API; the session cookie lands in the page's browser context. */
export async function signInAs(page: Page, role: Role): Promise<{ csrfToken: string }> {
  const account = demoAccount(role);
  const res = await page.request.post('/api/session', { data: { username: account.username, password: account.password } });
  expect(res.status(), `sign-in as ${role}`).toBe(200);
  return (await res.json()) as { csrfToken: string };
}

/** The simulator's control surface (`/api/simulator`), driven by a session of its own, apart from the page's. */
export interface SimulatorControls {
  reset(seed?: SimulatorSeedName): Promise<SimulatorState>;
  /** Moves the lifecycle clock by `seconds` of simulated time: what would finish meanwhile has finished. */
  advance(seconds: number): Promise<SimulatorState>;
  /** "The next task of this kind (on this subject) fails / stalls at N %." */
  arm(scenario: ArmScenarioBody): Promise<ArmedScenarioView>;
}

async function controlsFor(request: APIRequestContext): Promise<SimulatorControls> {
  const operator = demoAccount('operator');
  const session = await request.post('/api/session', { data: { username: operator.username, password: operator.password } });
  expect(session.status(), 'the simulator controls sign in as the operator').toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const post = async (path: string, data: unknown, status: number) => {
    const res = await request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
    expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(status);
    return (await res.json()) as unknown;
  };
  return {
    reset: async (seed = 'demo') => simulatorStateSchema.parse(await post('/api/simulator/reset', { seed }, 200)),
    advance: async (seconds) => simulatorStateSchema.parse(await post('/api/simulator/advance', { seconds }, 200)),
    arm: async (scenario) => armedScenarioSchema.parse(await post('/api/simulator/scenarios', scenario, 201)),
  };
}

export const test = base.extend<{ secretScan: void; simulator: SimulatorControls; signedOutPage: Page }>({
  simulator: [
    async ({ playwright, baseURL }, use) => {
      const request = await playwright.request.newContext({ baseURL });
      const controls = await controlsFor(request);
      await controls.reset('demo');
      await use(controls);
      await request.dispose();
    },
    { auto: true },
  ],
  secretScan: [
    async ({ context }, use) => {
      const watch = watchForSecrets(context);
      await use();
      expect(await watch.leaks(), 'responses that carried a secret').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    await signInAs(page, 'operator');
    await use(page);
  },
  signedOutPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const watch = watchForSecrets(context);
    const page = await context.newPage();
    await use(page);
    expect(await watch.leaks(), 'responses that carried a secret').toEqual([]);
    await context.close();
  },
});
