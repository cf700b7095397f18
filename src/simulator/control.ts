/**
 * The simulated world behind the API and its control surface: which seed it grew from, its store, and
 * the lifecycle clock. The lifecycle clock is the host clock plus what the control surface advanced:
 * advancing moves every task (and what handlers see as "now") without touching the clock that checks
 * `X-Sdk-Date` freshness and token expiry, so a signed client keeps working after an advance.
 */
import type { z } from 'zod';
import {
  advanceBodySchema,
  armScenarioBodySchema,
  resetBodySchema,
  type ArmedScenarioView,
  type SimulatorControl,
  type SimulatorState,
} from '../contract/simulator-control.ts';
import { toFieldErrors } from '../contract/errors.ts';
import type { SimulatorSeed } from './config.ts';
import { cceError, emptyResponse, errorResponse, jsonResponse, SimulatorError } from './http.ts';
import { seedStore } from './seed.ts';
import type { SimulatorStore } from './store.ts';
import { listTaskKinds, taskKind } from './tasks/registry.ts';
import type { ArmedScenario } from './tasks/scenarios.ts';
import type { Clock } from './time.ts';

export class SimulatorWorld {
  private current: SimulatorStore;
  private seedName: SimulatorSeed;
  /** Clock ms the lifecycle clock runs ahead of the host clock. */
  private offsetMs = 0;
  /** The same in simulated ms, as asked for (kept apart so no rounding creeps in). */
  private advancedSimulatedMs = 0;

  constructor(
    private readonly clock: Clock,
    readonly speed: number,
    private readonly makeStore: (seed: SimulatorSeed) => SimulatorStore,
    seed: SimulatorSeed,
  ) {
    this.seedName = seed;
    this.current = this.grow(seed);
  }

  get store(): SimulatorStore {
    return this.current;
  }

  get seed(): SimulatorSeed {
    return this.seedName;
  }

  /** Now on the lifecycle clock. */
  now(): number {
    return this.clock.now() + this.offsetMs;
  }

  get advancedMs(): number {
    return this.advancedSimulatedMs;
  }

  /** A fresh store grown from `seed`; the lifecycle clock rejoins the host clock, armed scenarios go with the old store. */
  reset(seed: SimulatorSeed): void {
    this.offsetMs = 0;
    this.advancedSimulatedMs = 0;
    this.seedName = seed;
    this.current = this.grow(seed);
  }

  /** Moves the lifecycle clock by `simulatedMs` and applies what finished meanwhile. */
  advance(simulatedMs: number): void {
    this.offsetMs += simulatedMs / this.speed;
    this.advancedSimulatedMs += simulatedMs;
    this.current.settle(this.now());
  }

  private grow(seed: SimulatorSeed): SimulatorStore {
    const store = this.makeStore(seed);
    seedStore(store, seed, this.now());
    return store;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function scenarioView(s: ArmedScenario): ArmedScenarioView {
  return {
    id: s.id,
    taskKind: s.taskKind,
    ...(s.subjectId !== undefined ? { subjectId: s.subjectId } : {}),
    twist: s.twist,
    remaining: s.remaining,
    armedAt: iso(s.armedAt),
  };
}

export function createControl(world: SimulatorWorld): SimulatorControl {
  function state(): SimulatorState {
    const now = world.now();
    const { store } = world;
    store.settle(now);
    return {
      seed: world.seed,
      speed: world.speed,
      clock: { now: iso(now), advancedMs: world.advancedMs },
      scenarios: store.scenarios.list().map(scenarioView),
      taskKinds: listTaskKinds(),
      tasks: store.tasks.unsettled().map((task) => {
        const s = store.tasks.state(task, now);
        return {
          id: task.id,
          kind: task.kind,
          subjectId: task.subjectId,
          phase: s.phase,
          progress: s.progress,
          step: s.stepName,
          startedAt: iso(task.startedAt),
          ...(Number.isFinite(s.endsAt) ? { endsAt: iso(s.endsAt) } : {}),
        };
      }),
    };
  }

  return {
    state,
    reset({ seed }) {
      world.reset(seed);
      return state();
    },
    advance({ seconds }) {
      world.advance(seconds * 1000);
      return state();
    },
    arm(body) {
      if (!taskKind(body.taskKind)) {
        const known = listTaskKinds().map((k) => k.kind);
        return { problem: { path: 'body.taskKind', message: `No task kind ${body.taskKind}; the simulator knows ${known.join(', ')}.` } };
      }
      const armed = world.store.scenarios.arm(
        { taskKind: body.taskKind, ...(body.subjectId !== undefined ? { subjectId: body.subjectId } : {}), twist: body.twist, times: body.times },
        world.now(),
      );
      return { scenario: scenarioView(armed) };
    },
    disarm(id) {
      return world.store.scenarios.disarm(id);
    },
  };
}

/** Path prefix of the control surface on the standalone server; the API gateway has no path starting with `_`. */
export const CONTROL_HTTP_PREFIX = '/_simulator';

function parse<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw cceError('CCE.01400001', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw cceError(
      'CCE.01400001',
      toFieldErrors('body', parsed.error)
        .map((f) => `${f.path}: ${f.message}`)
        .join('; '),
    );
  return parsed.data;
}

/**
 * The control surface over plain HTTP for `npm run simulator` (the server lets only loopback callers
 * reach it): `GET /_simulator` state, `POST /_simulator/reset|advance|scenarios`,
 * `DELETE /_simulator/scenarios/{id}`; bodies and answers as in the contract, refusals in CCE's shape.
 */
export function handleControlHttp(control: SimulatorControl, method: string, path: string, body: string): Response {
  try {
    const route = path.slice(CONTROL_HTTP_PREFIX.length).replace(/\/$/, '');
    if (route === '' && method === 'GET') return jsonResponse(200, control.state());
    if (route === '/reset' && method === 'POST') return jsonResponse(200, control.reset(parse(resetBodySchema, body)));
    if (route === '/advance' && method === 'POST') return jsonResponse(200, control.advance(parse(advanceBodySchema, body)));
    if (route === '/scenarios' && method === 'POST') {
      const result = control.arm(parse(armScenarioBodySchema, body));
      if ('problem' in result) throw cceError('CCE.01400001', `${result.problem.path}: ${result.problem.message}`);
      return jsonResponse(201, result.scenario);
    }
    const disarm = /^\/scenarios\/([^/]+)$/.exec(route);
    if (disarm && method === 'DELETE') {
      if (!control.disarm(decodeURIComponent(disarm[1]!))) throw cceError('CCE.01404001', 'No armed scenario has that id.');
      return emptyResponse(204);
    }
    throw cceError('CCE.01404001', `No control route ${method} ${path}.`);
  } catch (error) {
    if (error instanceof SimulatorError) return errorResponse(error, '');
    throw error;
  }
}
