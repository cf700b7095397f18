import type { TaskRecord, TaskState } from './task.ts';
import type { SimulatorStore } from '../store.ts';

/** What a kind of task does to the world when it finishes (succeeded, failed or cancelled). */
export interface TaskKind<D = unknown> {
  kind: string;
  /** Applied once, when the store settles the finished task; `state.phase` says how it ended. */
  settle(store: SimulatorStore, task: TaskRecord<D>, state: TaskState): void;
}

const kinds = new Map<string, TaskKind<never>>();

/**
 * Kinds are code, not state: each resource module registers its kinds when it is imported, so the
 * store and the registry never grow a switch over resources.
 */
export function defineTaskKind<D>(definition: TaskKind<D>): TaskKind<D> {
  const existing = kinds.get(definition.kind);
  if (existing && existing !== (definition as unknown as TaskKind<never>)) throw new Error(`task kind ${definition.kind} is defined twice`);
  kinds.set(definition.kind, definition as unknown as TaskKind<never>);
  return definition;
}

export function taskKind(kind: string): TaskKind<unknown> | undefined {
  return kinds.get(kind) as TaskKind<unknown> | undefined;
}
