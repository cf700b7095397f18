import type { TaskTwist } from './task.ts';

/**
 * Scenarios armed through the control surface: "the next task of kind K (on subject S) fails / stalls
 * at N %". Each is consumed by the next matching task when it starts (`times` counts how many tasks it
 * bends), so a demo or a test knows exactly which operation goes wrong.
 */
export interface ArmedScenario {
  id: string;
  /** Task kind it applies to (`addon.upgrade`, `upgrade.task`, …). */
  taskKind: string;
  /** Only tasks on this subject; any subject when absent. */
  subjectId?: string;
  twist: TaskTwist;
  /** How many more tasks it bends. */
  remaining: number;
  /** Clock ms when it was armed. */
  armedAt: number;
}

export class Scenarios {
  private readonly armed: ArmedScenario[] = [];

  constructor(private readonly ids: () => string) {}

  arm(input: Omit<ArmedScenario, 'id' | 'remaining' | 'armedAt'> & { times?: number }, now: number): ArmedScenario {
    const scenario: ArmedScenario = {
      id: this.ids(),
      taskKind: input.taskKind,
      subjectId: input.subjectId,
      twist: input.twist,
      remaining: input.times ?? 1,
      armedAt: now,
    };
    this.armed.push(scenario);
    return scenario;
  }

  list(): readonly ArmedScenario[] {
    return this.armed;
  }

  disarm(id: string): boolean {
    const index = this.armed.findIndex((s) => s.id === id);
    if (index < 0) return false;
    this.armed.splice(index, 1);
    return true;
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** The twist for a task starting now, consuming one use of the first matching scenario. */
  take(taskKind: string, subjectId: string): TaskTwist | undefined {
    const index = this.armed.findIndex((s) => s.taskKind === taskKind && (s.subjectId === undefined || s.subjectId === subjectId));
    if (index < 0) return undefined;
    const scenario = this.armed[index]!;
    scenario.remaining -= 1;
    if (scenario.remaining <= 0) this.armed.splice(index, 1);
    return scenario.twist;
  }
}
