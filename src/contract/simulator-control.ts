import { z } from 'zod';

/**
 * The simulator's control surface (simulator mode only): reset the world to a seed, advance the
 * lifecycle clock, arm scenarios that bend the next task of a kind. Served by the BFF under
 * `/api/simulator` and by the standalone simulator under `/_simulator` (loopback only); the SPA's
 * presenter panel, the e2e fixtures and the component tests use these schemas.
 */

export const SIMULATOR_SEEDS = ['demo', 'large', 'twenty', 'empty'] as const;
export const simulatorSeedSchema = z.enum(SIMULATOR_SEEDS);
export type SimulatorSeedName = z.infer<typeof simulatorSeedSchema>;

/** Progress over a task's whole plan, 0–100 (decimals allowed). */
const progressSchema = z.number().min(0, 'Progress is 0 to 100 %.').max(100, 'Progress is 0 to 100 %.');

export const DEFAULT_FAILURE_REASON = 'The operation failed (a scenario armed in the simulator).';

/** The task fails when it reaches `atProgress` %; `reason` becomes the failure message the API reports. */
export const failTwistSchema = z.strictObject({
  kind: z.literal('fail'),
  atProgress: progressSchema,
  reason: z.string().trim().min(1).max(500).default(DEFAULT_FAILURE_REASON),
});

/** The task stops moving at `atProgress` % and stays running until the world is reset. */
export const stallTwistSchema = z.strictObject({
  kind: z.literal('stall'),
  atProgress: progressSchema,
});

/** Outcomes an upgrade pre-check can be made to report (its `Error` is a `fail` twist on `upgrade.precheck`). */
export const PRECHECK_OUTCOMES = ['clean', 'exception', 'risks'] as const;

/**
 * The next pre-check (`upgrade.precheck`) reports a preset list of findings: `clean` (all pass),
 * `exception` (an abnormal add-on blocks), `risks` (configuration, deprecated-API, node and add-on Risks).
 */
export const precheckTwistSchema = z.strictObject({
  kind: z.literal('precheck'),
  outcome: z.enum(PRECHECK_OUTCOMES),
});

/**
 * How an armed scenario bends a task. Every variant is one member of this union: an area that needs
 * another outcome (e.g. a pre-check that reports a preset list of findings) adds its schema here, and
 * the task kinds that understand it read it from the task's plan (`plan.twist`); the task clock only
 * acts on `fail` and `stall`.
 */
export const taskTwistSchema = z.discriminatedUnion('kind', [failTwistSchema, stallTwistSchema, precheckTwistSchema]);
export type TaskTwistInput = z.input<typeof taskTwistSchema>;
export type TaskTwistSpec = z.output<typeof taskTwistSchema>;

/** `POST …/scenarios`: the next `times` tasks of `taskKind` (on `subjectId` when given) are bent by `twist`. */
export const armScenarioBodySchema = z.strictObject({
  taskKind: z.string().trim().min(1, 'Choose a task kind.').max(80),
  /** Id of the resource the task works on (a cluster uid, an add-on instance id, …); any subject when absent. */
  subjectId: z.string().trim().min(1).max(128).optional(),
  twist: taskTwistSchema,
  times: z.number().int().min(1, 'Times is 1 to 100.').max(100, 'Times is 1 to 100.').default(1),
});
export type ArmScenarioBody = z.input<typeof armScenarioBodySchema>;
export type ArmScenarioRequest = z.output<typeof armScenarioBodySchema>;

export const armedScenarioSchema = z.object({
  id: z.string(),
  taskKind: z.string(),
  subjectId: z.string().optional(),
  twist: taskTwistSchema,
  /** How many more tasks it bends. */
  remaining: z.number().int(),
  /** ISO 8601 on the simulator's lifecycle clock. */
  armedAt: z.string(),
});
export type ArmedScenarioView = z.infer<typeof armedScenarioSchema>;

/** `POST …/reset`: a fresh world from the seed; armed scenarios are dropped and the lifecycle clock rejoins the wall clock. */
export const resetBodySchema = z.strictObject({ seed: simulatorSeedSchema.default('demo') });
export type ResetBody = z.input<typeof resetBodySchema>;

/** At most a week of simulated time per call. */
export const MAX_ADVANCE_SECONDS = 7 * 24 * 3600;

/** `POST …/advance`: moves the lifecycle clock by `seconds` of simulated time (work that would finish meanwhile finishes). */
export const advanceBodySchema = z.strictObject({
  seconds: z.number().positive('Advance by more than 0 seconds.').max(MAX_ADVANCE_SECONDS, `Advance by at most ${MAX_ADVANCE_SECONDS} seconds.`),
});
export type AdvanceBody = z.infer<typeof advanceBodySchema>;

/** A registered kind of task, for a presenter panel to offer scenarios on. */
export const taskKindInfoSchema = z.object({
  kind: z.string(),
  /** Short human name ("Create cluster"). */
  label: z.string(),
  /** What the task does and what bending it shows. */
  description: z.string(),
  /** What `subjectId` names for this kind (`cluster`, `addon`, …). */
  subject: z.string(),
});
export type TaskKindInfo = z.infer<typeof taskKindInfoSchema>;

export const TASK_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Cancelled'] as const;

/** A task that has not finished, as the control surface shows it. */
export const taskSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  phase: z.enum(TASK_PHASES),
  progress: z.number(),
  step: z.string(),
  startedAt: z.string(),
  /** ISO 8601 when it will finish if nothing changes; absent while stalled. */
  endsAt: z.string().optional(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

/** `GET …`: the world as the control surface sees it. */
export const simulatorStateSchema = z.object({
  seed: simulatorSeedSchema,
  /** Simulated-time multiplier (SIMULATOR_SPEED). */
  speed: z.number(),
  clock: z.object({
    /** ISO 8601 now on the lifecycle clock. */
    now: z.string(),
    /** Milliseconds of simulated time advanced since the last reset (on top of the running clock). */
    advancedMs: z.number(),
  }),
  scenarios: z.array(armedScenarioSchema),
  taskKinds: z.array(taskKindInfoSchema),
  /** Tasks still in motion, oldest first. */
  tasks: z.array(taskSummarySchema),
});
export type SimulatorState = z.infer<typeof simulatorStateSchema>;

/** A refusal of the control surface, on the field it concerns (`body.taskKind`, …). */
export interface ControlProblem {
  path: string;
  message: string;
}

/**
 * What the simulator offers its hosts (the BFF in-process, the standalone server over HTTP, tests).
 * Inputs are the parsed bodies of the schemas above.
 */
export interface SimulatorControl {
  state(): SimulatorState;
  reset(body: z.output<typeof resetBodySchema>): SimulatorState;
  advance(body: AdvanceBody): SimulatorState;
  arm(body: ArmScenarioRequest): { scenario: ArmedScenarioView } | { problem: ControlProblem };
  /** False when no scenario has that id (already consumed or disarmed). */
  disarm(id: string): boolean;
}

/** Paths of the BFF's control routes. */
export const SIMULATOR_CONTROL_PREFIX = '/api/simulator';
