import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ConsoleAction } from '../../contract/console-api.ts';
import { toFieldErrors } from '../../contract/errors.ts';
import {
  advanceBodySchema,
  armScenarioBodySchema,
  resetBodySchema,
  SIMULATOR_CONTROL_PREFIX,
  type ArmedScenarioView,
  type SimulatorControl,
  type SimulatorState,
} from '../../contract/simulator-control.ts';
import { recordAudit } from '../auth/audit.ts';
import { requireCapability } from '../auth/route-access.ts';
import { ApiError, badRequest } from '../errors.ts';
import type { ConsoleStore } from '../store/console-store.ts';

/**
 * The simulator's control surface behind the console (registered in simulator mode only): any
 * signed-in role reads the state; changes need the operator role, the CSRF token (declared on each
 * route for the access hook, and checked again here) and are audited with their outcome, refused ones included.
 */
export async function simulatorControlRoutes(app: FastifyInstance, options: { store: ConsoleStore; control: SimulatorControl }): Promise<void> {
  const { store, control } = options;
  const read = { capability: 'read' } as const;
  const operate = { capability: 'operate' } as const;

  async function audit(
    request: FastifyRequest,
    action: ConsoleAction,
    entry: { targetId?: string | null; summary?: Record<string, unknown>; status: number; errorCode?: string },
  ) {
    await recordAudit(store, request, {
      action,
      targetKind: 'simulator',
      targetId: entry.targetId ?? null,
      summary: entry.summary ?? {},
      outcome: entry.status < 400 ? 'success' : 'failure',
      status: entry.status,
      errorCode: entry.errorCode ?? null,
    });
  }

  /** The body parsed by `schema`, or a 400 with field errors (audited as a failed attempt of `action`). */
  async function parseBody<S extends z.ZodType>(request: FastifyRequest, action: ConsoleAction, schema: S): Promise<z.output<S>> {
    const parsed = schema.safeParse(request.body ?? {});
    if (parsed.success) return parsed.data;
    await audit(request, action, { status: 400, errorCode: 'BFF.BAD_REQUEST' });
    throw badRequest('The simulator control request is invalid.', toFieldErrors('body', parsed.error));
  }

  app.get(SIMULATOR_CONTROL_PREFIX, { config: { access: read } }, async (request, reply) => {
    requireCapability(request, 'read');
    reply.header('cache-control', 'no-store');
    return control.state() satisfies SimulatorState;
  });

  app.post(`${SIMULATOR_CONTROL_PREFIX}/reset`, { config: { access: operate, auditAction: 'simulator.reset' } }, async (request) => {
    requireCapability(request, 'operate');
    const body = await parseBody(request, 'simulator.reset', resetBodySchema);
    const state = control.reset(body);
    await audit(request, 'simulator.reset', { targetId: body.seed, summary: { seed: body.seed }, status: 200 });
    return state;
  });

  app.post(`${SIMULATOR_CONTROL_PREFIX}/advance`, { config: { access: operate, auditAction: 'simulator.advance' } }, async (request) => {
    requireCapability(request, 'operate');
    const body = await parseBody(request, 'simulator.advance', advanceBodySchema);
    const state = control.advance(body);
    await audit(request, 'simulator.advance', { summary: { seconds: body.seconds }, status: 200 });
    return state;
  });

  app.post(`${SIMULATOR_CONTROL_PREFIX}/scenarios`, { config: { access: operate, auditAction: 'simulator.armScenario' } }, async (request, reply) => {
    requireCapability(request, 'operate');
    const body = await parseBody(request, 'simulator.armScenario', armScenarioBodySchema);
    const summary = {
      taskKind: body.taskKind,
      ...(body.subjectId ? { subjectId: body.subjectId } : {}),
      twist: body.twist.kind,
      ...('atProgress' in body.twist ? { atProgress: body.twist.atProgress } : {}),
      times: body.times,
    };
    const result = control.arm(body);
    if ('problem' in result) {
      await audit(request, 'simulator.armScenario', { summary, status: 400, errorCode: 'BFF.BAD_REQUEST' });
      throw badRequest('The scenario cannot be armed.', [result.problem]);
    }
    await audit(request, 'simulator.armScenario', { targetId: result.scenario.id, summary, status: 201 });
    return reply.code(201).send(result.scenario satisfies ArmedScenarioView);
  });

  app.delete<{ Params: { id: string } }>(
    `${SIMULATOR_CONTROL_PREFIX}/scenarios/:id`,
    { config: { access: operate, auditAction: 'simulator.disarmScenario' } },
    async (request, reply) => {
      requireCapability(request, 'operate');
      const { id } = request.params;
      // Scenario ids are UUID-sized; anything longer names none (and is not copied into the audit trail).
      if (id.length > 128) throw new ApiError(404, 'BFF.NOT_FOUND', 'No armed scenario has that id.');
      if (!control.disarm(id)) {
        await audit(request, 'simulator.disarmScenario', { targetId: id, status: 404, errorCode: 'BFF.NOT_FOUND' });
        throw new ApiError(404, 'BFF.NOT_FOUND', 'No armed scenario has that id; it may have been used up already.');
      }
      await audit(request, 'simulator.disarmScenario', { targetId: id, status: 204 });
      return reply.code(204).send();
    },
  );
}
