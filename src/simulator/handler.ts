import type { z } from 'zod';
import type { JsonBody, MultipartBody, OperationDefinition } from '../contract/define-operation.ts';
import type { OperationName, Operations } from '../contract/operations.ts';
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

export type Handler<Op extends OperationDefinition> = (ctx: HandlerContext<Op>) => Response | Promise<Response>;

/** The handlers one resource module provides, by registry name; handlers.ts joins them and checks the whole. */
export type HandlersOf<Names extends OperationName> = { [K in Names]: Handler<Operations[K]> };
