import { taskKind, type TaskKind } from './registry.ts';
import type { Scenarios } from './scenarios.ts';
import { taskStateAt, type TaskPlan, type TaskRecord, type TaskState } from './task.ts';
import type { SimulatorStore } from '../store.ts';

/**
 * Every task of the simulated project. Only unsettled tasks are looked at when settling, so a project
 * with thousands of finished tasks stays cheap.
 */
export class TaskStore {
  private readonly all = new Map<string, TaskRecord>();
  private readonly open = new Set<string>();
  /** Counts starts, so settling notices tasks started by an effect. */
  private started = 0;

  constructor(
    private readonly ids: () => string,
    private readonly scenarios: Scenarios,
  ) {}

  /**
   * Starts a task of `kind` on `subjectId`. An armed scenario for that kind and subject bends the plan
   * (unless the plan already carries a twist, e.g. a seeded failure).
   */
  start<D>(kind: TaskKind<D>, subjectId: string, plan: TaskPlan, data: D, now: number, speed: number, id = this.ids()): TaskRecord<D> {
    if (!taskKind(kind.kind)) throw new Error(`task kind ${kind.kind} is not defined`);
    const twist = plan.twist ?? this.scenarios.take(kind.kind, subjectId);
    const task: TaskRecord<D> = { id, kind: kind.kind, subjectId, startedAt: now, speed, plan: twist ? { ...plan, twist } : plan, data, settled: false };
    this.all.set(task.id, task);
    this.open.add(task.id);
    this.started++;
    return task;
  }

  get<D = unknown>(id: string): TaskRecord<D> | undefined {
    return this.all.get(id) as TaskRecord<D> | undefined;
  }

  /** Tasks on a subject, oldest first; of one kind (or kinds starting with a prefix ending in `.`) when given. */
  forSubject<D = unknown>(subjectId: string, kind?: string): TaskRecord<D>[] {
    const found: TaskRecord<D>[] = [];
    for (const task of this.all.values()) {
      if (task.subjectId !== subjectId) continue;
      if (kind !== undefined && task.kind !== kind && !(kind.endsWith('.') && task.kind.startsWith(kind))) continue;
      found.push(task as TaskRecord<D>);
    }
    return found.sort((a, b) => a.startedAt - b.startedAt);
  }

  /** The unsettled task on a subject, if any (of one kind or kind prefix when given). */
  inFlight<D = unknown>(subjectId: string, kind?: string): TaskRecord<D> | undefined {
    return this.forSubject<D>(subjectId, kind).find((t) => !t.settled);
  }

  state(task: TaskRecord, now: number): TaskState {
    return taskStateAt(task, now);
  }

  /** Stops a task where it stands; it settles as `Cancelled` on the next settle. */
  cancel(id: string, now: number): boolean {
    const task = this.all.get(id);
    if (!task || task.settled || task.cancelledAt !== undefined) return false;
    if (taskStateAt(task, now).finished) return false;
    task.cancelledAt = now;
    return true;
  }

  /** Tasks not settled yet, oldest first. */
  unsettled(): TaskRecord[] {
    return [...this.open].map((id) => this.all.get(id)!).sort((a, b) => a.startedAt - b.startedAt);
  }

  /**
   * Applies the effect of every task finished by `now`, strictly in the order they finished (ties: the
   * one started first). An effect may start further tasks (a workflow's next step); those join the
   * queue, so one that finished before another already-due task is settled before it too.
   */
  settle(store: SimulatorStore, now: number): void {
    for (let round = 0; this.open.size > 0; round++) {
      if (round === 10_000) throw new Error('task effects keep starting tasks that finish at once');
      const due: { task: TaskRecord; state: TaskState }[] = [];
      for (const id of this.open) {
        const task = this.all.get(id)!;
        const state = taskStateAt(task, now);
        if (state.finished) due.push({ task, state });
      }
      if (due.length === 0) return;
      due.sort((a, b) => a.state.endsAt - b.state.endsAt || a.task.startedAt - b.task.startedAt);
      const opened = this.started;
      for (const { task, state } of due) {
        this.open.delete(task.id);
        task.settled = true;
        taskKind(task.kind)?.settle(store, task, state);
        // A task started by that effect may finish before the rest of `due`: look again.
        if (this.started !== opened) break;
      }
    }
  }

  clear(): void {
    this.all.clear();
    this.open.clear();
  }
}
