import { mutationOptions, queryOptions } from '@tanstack/react-query';
import {
  armedScenarioSchema,
  simulatorStateSchema,
  SIMULATOR_CONTROL_PREFIX,
  type AdvanceBody,
  type ArmScenarioBody,
  type ArmedScenarioView,
  type SimulatorState,
} from '../../../contract/simulator-control.ts';
import { requestJson } from '../../shared/api/api-client.ts';
import { ApiError, SPA_ERROR_CODES } from '../../shared/api/api-error.ts';

/** The simulator's control surface (simulator mode only): read its state, arm and disarm scenarios, advance its clock. */
function parsed<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } }, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new ApiError({ status: 200, code: SPA_ERROR_CODES.badResponse, message: `Unexpected ${SIMULATOR_CONTROL_PREFIX} answer.` });
  return result.data;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: JSON.stringify(body),
});

export const simulatorQueries = {
  all: () => ['simulator'] as const,
  state: () =>
    queryOptions({
      queryKey: ['simulator', 'state'] as const,
      queryFn: async ({ signal }): Promise<SimulatorState> =>
        parsed(simulatorStateSchema, await requestJson(SIMULATOR_CONTROL_PREFIX, { headers: { Accept: 'application/json' }, signal })),
    }),
};

export const simulatorMutations = {
  arm: () =>
    mutationOptions({
      mutationKey: ['simulator', 'arm'],
      mutationFn: async (body: ArmScenarioBody): Promise<ArmedScenarioView> =>
        parsed(armedScenarioSchema, await requestJson(`${SIMULATOR_CONTROL_PREFIX}/scenarios`, json(body))),
      meta: { invalidates: [simulatorQueries.all()] },
    }),
  disarm: () =>
    mutationOptions({
      mutationKey: ['simulator', 'disarm'],
      mutationFn: async (id: string): Promise<void> => {
        await requestJson(`${SIMULATOR_CONTROL_PREFIX}/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });
      },
      meta: { invalidates: [simulatorQueries.all()] },
    }),
  /** Moving the clock changes everything in motion: every read is stale. */
  advance: () =>
    mutationOptions({
      mutationKey: ['simulator', 'advance'],
      mutationFn: async (body: AdvanceBody): Promise<SimulatorState> =>
        parsed(simulatorStateSchema, await requestJson(`${SIMULATOR_CONTROL_PREFIX}/advance`, json(body))),
      meta: { invalidates: [[]] },
    }),
};
