import { buildApp } from '../bff/app.ts';
import { simulatorUpstream } from '../bff/compose.ts';
import { testConfig, testStore } from '../bff/testing.ts';
import { createSimulator } from '../simulator/create-simulator.ts';
import { ManualClock } from '../simulator/time.ts';

export async function probe() {
  const clock = new ManualClock(Date.UTC(2025, 2, 10, 8, 0, 0));
  const simulator = createSimulator({ clock, seed: 'demo' });
  const app = await buildApp({ config: testConfig(), upstream: simulatorUpstream(simulator, 1), store: await testStore(), clock });
  const r = await app.inject({ method: 'GET', url: '/api/context' });
  return r.body;
}
