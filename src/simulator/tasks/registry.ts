import type { TaskKindInfo } from '../../contract/simulator-control.ts';
import type { TaskRecord, TaskState } from './task.ts';
import type { SimulatorStore } from '../store.ts';

/** What a kind of task does to the world when it finishes (succeeded, failed or cancelled). */
export interface TaskKind<D = unknown> {
  kind: string;
  /** Short human name a presenter panel offers ("Create cluster"). */
  label?: string;
  /** What the task does, and what bending it with a scenario shows. */
  description?: string;
  /** What the task's subject id names (`cluster`, `addon`, …), so a scenario can be aimed at one. */
  subject?: string;
  /**
   * Applied once, when the store settles the finished task; `state.phase` says how it ended and
   * `state.endsAt` when. An effect that starts a follow-up task starts it at `state.endsAt`, so a
   * chain of tasks moves the same however late the clock is read.
   */
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

/** Every registered kind with its human label, sorted by kind, for the control surface. */
export function listTaskKinds(): TaskKindInfo[] {
  return [...kinds.values()]
    .map((k) => ({ kind: k.kind, label: k.label ?? k.kind, description: k.description ?? '', subject: k.subject ?? '' }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}
