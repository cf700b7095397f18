import { queryOptions, type MutationFunction, type QueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import type { BodyOf, OperationDefinition, ParamsOf, QueryOf, ResponseOf } from '../../../contract/define-operation.ts';
import { callOperation } from './api-client.ts';
import { contextQueries } from './console-context.ts';

/** Path parameters as a page names them: everything but `project_id`, which comes from the console context. */
export type OperationParams<Op extends OperationDefinition> = Omit<ParamsOf<Op>, 'project_id'>;

interface OperationInput<Op extends OperationDefinition> {
  params: OperationParams<Op>;
  query?: QueryOf<Op>;
}

/**
 * The one query key shape, general to specific with the exact input last:
 * `[resource, operationId, params, query]`. `[resource]` then matches everything read about a kind of
 * thing, `[resource, operationId]` every call of one operation (e.g. every cluster list).
 */
function operationKey<Op extends OperationDefinition>(op: Op, input?: OperationInput<Op>) {
  return [op.resource, op.id, input?.params ?? {}, input?.query ?? {}] as const;
}

/** The prefix of every key of one operation: e.g. every cluster list, whatever its filters. */
export function operationKeyPrefix(op: OperationDefinition): QueryKey {
  return [op.resource, op.id];
}

/**
 * The project every call goes to, filled in here and nowhere else. The console context is read once
 * per page load (`staleTime: Infinity`) and shared by every query, so a page never waits for it first.
 */
export async function withProject<Op extends OperationDefinition>(client: QueryClient, op: Op, params: OperationParams<Op>): Promise<ParamsOf<Op>> {
  if (!('project_id' in op.params.shape)) return params as ParamsOf<Op>;
  const { projectId } = await client.ensureQueryData(contextQueries.current());
  return { ...params, project_id: projectId } as ParamsOf<Op>;
}

/** What a resource adds to an operation's query: how long it stays fresh, and when it polls (see polling.ts). */
interface OperationQueryExtras<Op extends OperationDefinition> {
  staleTime?: number;
  refetchInterval?: (query: { state: { data: ResponseOf<Op> | undefined; error: unknown } }) => number | false;
}

/** Query options for a contract operation: its key, and a call with the project filled in. */
export function operationQuery<Op extends OperationDefinition>(op: Op, input: OperationInput<Op>, extras: OperationQueryExtras<Op> = {}) {
  return queryOptions({
    ...extras,
    queryKey: operationKey(op, input),
    queryFn: async ({ client, signal }): Promise<ResponseOf<Op>> =>
      callOperation(op, { params: await withProject(client, op, input.params), ...(input.query !== undefined ? { query: input.query } : {}), signal }),
  });
}

export interface OperationCall<Op extends OperationDefinition> {
  params: OperationParams<Op>;
  query?: QueryOf<Op>;
  body?: BodyOf<Op>;
}

/** Calls an operation in the console's project: for a change made of several calls (see `operationMutation` for one). */
export async function callInProject<Op extends OperationDefinition>(client: QueryClient, op: Op, call: OperationCall<Op>): Promise<ResponseOf<Op>> {
  return callOperation(op, {
    params: await withProject(client, op, call.params),
    ...(call.query !== undefined ? { query: call.query } : {}),
    ...(call.body !== undefined ? { body: call.body } : {}),
  });
}

/**
 * Mutation options for a contract operation. `invalidates` names the queries a success makes stale
 * (see mutation-invalidation.ts: they are refetched before the mutation settles).
 */
export function operationMutation<Op extends OperationDefinition>(
  op: Op,
  { invalidates }: { invalidates: readonly QueryKey[] },
): UseMutationOptions<ResponseOf<Op>, Error, OperationCall<Op>> & { mutationFn: MutationFunction<ResponseOf<Op>, OperationCall<Op>> } {
  return {
    mutationKey: [op.resource, op.id],
    mutationFn: (call, { client }) => callInProject(client, op, call),
    meta: { invalidates },
  };
}
