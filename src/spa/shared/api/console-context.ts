import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { roleSchema } from '../../../contract/console-api.ts';
import { requestJson } from './api-client.ts';
import { ApiError, SPA_ERROR_CODES } from './api-error.ts';

/** `GET /api/context`: what the SPA needs to build calls — which project, which region, which mode. */
const consoleContextSchema = z.looseObject({
  /** `simulator`: the BFF talks to its embedded simulator, no cloud account involved. */
  mode: z.enum(['simulator', 'cloud']),
  region: z.string(),
  projectId: z.string().min(1),
  simulator: z.looseObject({ speed: z.number() }).optional(),
  /** Simulator mode only: the demo accounts (public passwords) the sign-in page lists. */
  demoAccounts: z.array(z.object({ username: z.string(), password: z.string(), role: roleSchema })).optional(),
});
export type ConsoleContext = z.infer<typeof consoleContextSchema>;

export async function fetchConsoleContext(signal?: AbortSignal): Promise<ConsoleContext> {
  const data = await requestJson('/api/context', { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const parsed = consoleContextSchema.safeParse(data);
  // Unlike a CCE body, a context without a project id is unusable: nothing can be called without it.
  if (!parsed.success) {
    throw new ApiError({ status: 200, code: SPA_ERROR_CODES.badResponse, message: `Unexpected /api/context answer: ${parsed.error.message}` });
  }
  return parsed.data;
}

export const contextQueries = {
  /** The project and region never change while the page is open: fetched once. */
  current: () =>
    queryOptions({
      queryKey: ['context'] as const,
      queryFn: ({ signal }) => fetchConsoleContext(signal),
      staleTime: Infinity,
    }),
};
