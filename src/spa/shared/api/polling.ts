import { ApiError } from './api-error.ts';

/**
 * How often things in motion are read again. `settling` is for a resource whose phase says it is
 * moving (a cluster being created); `task` for a job or task a page follows step by step.
 */
const BASE_INTERVALS_MS = { settling: 5_000, task: 2_000 } as const;
export type PollPace = keyof typeof BASE_INTERVALS_MS;

let speed = 1;

/** Tests run simulated time forward and want the console to notice at once: `setPollingSpeed(100)`. */
export function setPollingSpeed(factor: number): void {
  speed = factor;
}

export function pollIntervalMs(pace: PollPace): number {
  return Math.max(1, Math.round(BASE_INTERVALS_MS[pace] / speed));
}

/**
 * The one polling rule: refetch at the pace's interval while the data says it is in motion (by the
 * contract's phase predicates) and stop once it settles. No data yet is not motion: the first fetch
 * is not a poll. A refusal (4xx: gone, forbidden) ends it too, as asking again gets the same answer;
 * a failure a retry can fix (network, 5xx) does not.
 */
export function pollWhile<T>(inMotion: (data: T) => boolean, pace: PollPace = 'settling') {
  return (query: { state: { data: T | undefined; error: unknown } }): number | false => {
    const { data, error } = query.state;
    if (error instanceof ApiError && error.isClientError) return false;
    return data !== undefined && inMotion(data) ? pollIntervalMs(pace) : false;
  };
}
