import type { z } from 'zod';
import type { JsonBody, MultipartBody, OperationDefinition } from '../contract/define-operation.ts';
import type { OperationName, Operations } from '../contract/operations.ts';
import { SimulatorError, cceError } from './http.ts';
import type { SimulatorStore } from './store.ts';

/** What a handler receives: the operation's path, query and body already validated by the contract. */
export interface HandlerContext<Op extends OperationDefinition> {
  op: Op;
  params: z.output<Op['params']>;
  query: Op['query'] extends z.ZodType ? z.output<Op['query']> : undefined;
  body: Op['body'] extends JsonBody<infer S> ? z.output<S> : Op['body'] extends MultipartBody ? FormData : undefined;
  /** Raw JSON body as parsed, before schema defaults/transforms: for rules about what the caller actually sent. */
  rawBody: unknown;
  now: number;
  store: SimulatorStore;
}

export type Handler<Op extends OperationDefinition> = ((ctx: HandlerContext<Op>) => Response | Promise<Response>) & {
  readonly notImplemented?: { issue: string };
};

/** The handlers one resource module provides, by registry name; handlers.ts joins them and checks the whole. */
export type HandlersOf<Names extends OperationName> = { [K in Names]: Handler<Operations[K]> };

/**
 * Handler for operations a later issue implements. The answer is HTTP 501 — the reference's status
 * table (§5) defines it as "The server does not support the requested function" — with the internal
 * error code `CCE.01500001` ("Internal error.", the closest documented CCE code; none is listed for 501)
 * and a message naming the operation. Never a fake success: a console that calls it sees an error.
 * The request is still authenticated first, as the gateway would.
 */
export function notImplemented<Op extends OperationDefinition>(issue: string): Handler<Op> {
  const handler = (ctx: HandlerContext<Op>): Response => {
    const documented = cceError('CCE.01500001', `${ctx.op.id} is not implemented by the CCE Autopilot simulator yet (${issue}).`);
    throw new SimulatorError(501, documented.body);
  };
  return Object.assign(handler, { notImplemented: { issue } });
}

/** Covers every operation of an area with {@link notImplemented}, keeping the compile-time key check exact. */
export function notImplementedArea<T extends Record<string, OperationDefinition>>(area: T, issue: string): { [K in keyof T]: Handler<T[K]> } {
  return Object.fromEntries(Object.keys(area).map((k) => [k, notImplemented(issue)])) as unknown as { [K in keyof T]: Handler<T[K]> };
}
