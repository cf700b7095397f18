import type { AuditEntry } from '../../../contract/console-api.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import {
  workflowPoint,
  type PrecheckTask,
  type SnapshotTask,
  type UpgradeTask,
  type UpgradeWorkflow,
  type WorkflowTaskType,
} from '../../../contract/upgrades.ts';

/**
 * The change record of a guided upgrade: from/to, each step's times and result, the risks accepted
 * and by whom, the backup, the outcome. Built from the cloud's workflow and tasks plus the console's
 * audit trail (who took each step), so it is the same whoever downloads it.
 */
export interface RecordStep {
  step: WorkflowTaskType;
  taskId: string | undefined;
  status: string | undefined;
  startedAt: Date | undefined;
  endedAt: Date | undefined;
  durationMs: number | undefined;
  /** Operator who started it (audit trail), when known. */
  by: string | undefined;
}

export interface AcceptedRisk {
  name: string;
  /** Node UIDs the item was skipped for, when narrowed to nodes. */
  nodes: string[];
  by: string | undefined;
  at: Date | undefined;
}

export interface ChangeRecord {
  cluster: { name: string; id: string };
  workflowId: string;
  from: string | undefined;
  to: string | undefined;
  outcome: 'success' | 'cancelled' | 'open';
  createdAt: Date | undefined;
  steps: RecordStep[];
  risksAccepted: AcceptedRisk[];
  latestBackupAt: Date | undefined;
  upgradeAttempts: { id: string; phase: string | undefined; progress: string | undefined; endedAt: Date | undefined }[];
}

const ACTION_OF: Record<WorkflowTaskType, string> = {
  PreCheck: 'CreateAutopilotPreCheck',
  Snapshot: 'CreateAutopilotClusterMasterSnapshot',
  Cluster: 'UpgradeAutopilotCluster',
  PostCheck: 'CreateAutopilotPostCheck',
  Rollback: '',
};

/** How far (ms) an audit entry may be from the task it started: the BFF records the outcome right after the answer. */
const AUDIT_MATCH_MS = 2 * 60_000;

/**
 * The operator whose successful request started a task at `at`: the nearest audit entry of that action;
 * when none is that near (the cloud's clock and the console's disagree, as a simulator whose time was
 * advanced does), the latest one — the step's task is always its latest run.
 */
export function actorFor(audit: readonly AuditEntry[], action: string, at: Date | undefined): { actor: string | undefined; at: Date | undefined } {
  if (!at || !action) return { actor: undefined, at: undefined };
  let best: AuditEntry | undefined;
  let bestGap = Infinity;
  let latest: AuditEntry | undefined;
  for (const entry of audit) {
    if (entry.action !== action || entry.outcome !== 'success') continue;
    if (!latest || entry.at > latest.at) latest = entry;
    const gap = Math.abs(new Date(entry.at).getTime() - at.getTime());
    if (gap <= AUDIT_MATCH_MS && gap < bestGap) {
      best = entry;
      bestGap = gap;
    }
  }
  const found = best ?? latest;
  return { actor: found?.actor ?? undefined, at: found ? new Date(found.at) : undefined };
}

export interface ChangeRecordInput {
  cluster: { name: string; id: string };
  workflow: UpgradeWorkflow;
  prechecks: readonly PrecheckTask[];
  upgradeTasks: readonly UpgradeTask[];
  snapshots: readonly SnapshotTask[];
  latestBackupTime?: string | undefined;
  audit: readonly AuditEntry[];
}

function within(at: Date | undefined, from: Date | undefined, to: Date | undefined): boolean {
  if (!at) return false;
  return (!from || at.getTime() >= from.getTime() - 1000) && (!to || at.getTime() <= to.getTime() + 1000);
}

export function buildChangeRecord(input: ChangeRecordInput): ChangeRecord {
  const { workflow, audit } = input;
  const createdAt = parseCceTimestamp(workflow.metadata?.creationTimestamp);
  const phase = workflow.status?.phase?.toLowerCase();
  const outcome = phase === 'success' ? 'success' : phase === 'cancel' ? 'cancelled' : 'open';
  const closedAt = outcome === 'open' ? undefined : parseCceTimestamp(workflow.metadata?.updateTimestamp);
  const steps: RecordStep[] = (['PreCheck', 'Snapshot', 'Cluster', 'PostCheck'] as const).map((step) => {
    const point = workflowPoint(workflow, step);
    const startedAt = parseCceTimestamp(point?.startTimeStamp);
    const endedAt = parseCceTimestamp(point?.endTimeStamp);
    return {
      step,
      taskId: point?.taskID,
      status: point?.status,
      startedAt,
      endedAt,
      durationMs: startedAt && endedAt ? endedAt.getTime() - startedAt.getTime() : undefined,
      by: actorFor(audit, ACTION_OF[step], startedAt).actor,
    };
  });
  // The pre-checks run for this workflow: those created between its creation and its end.
  const prechecks = input.prechecks.filter((p) => within(parseCceTimestamp(p.metadata?.creationTimestamp), createdAt, closedAt));
  const risksAccepted: AcceptedRisk[] = [];
  for (const check of prechecks) {
    const created = parseCceTimestamp(check.metadata?.creationTimestamp);
    const who = actorFor(audit, ACTION_OF.PreCheck, created);
    for (const skip of check.spec?.skippedCheckItemList ?? []) {
      if (!skip.name) continue;
      const nodes = skip.resourceSelector?.values ?? [];
      const known = risksAccepted.find((r) => r.name === skip.name);
      if (known) {
        for (const n of nodes) if (!known.nodes.includes(n)) known.nodes.push(n);
        continue;
      }
      risksAccepted.push({ name: skip.name, nodes: [...nodes], by: who.actor, at: who.at ?? created });
    }
  }
  const upgradeAttempts = input.upgradeTasks
    .filter((u) => within(parseCceTimestamp(u.metadata?.creationTimestamp), createdAt, closedAt))
    .map((u) => ({
      id: u.metadata?.uid ?? '',
      phase: u.status?.phase,
      progress: u.status?.progress === undefined ? undefined : String(u.status.progress),
      endedAt: parseCceTimestamp(u.status?.completionTime),
    }));
  return {
    cluster: input.cluster,
    workflowId: workflow.metadata?.uid ?? '',
    from: workflow.spec?.clusterVersion,
    to: workflow.spec?.targetVersion,
    outcome,
    createdAt,
    steps,
    risksAccepted,
    latestBackupAt: parseCceTimestamp(input.latestBackupTime),
    upgradeAttempts,
  };
}

/** Labels of the text record, in the operator's language. */
export interface ChangeRecordLabels {
  title: string;
  cluster: string;
  workflow: string;
  from: string;
  to: string;
  outcome: string;
  outcomeValue: Record<ChangeRecord['outcome'], string>;
  started: string;
  steps: string;
  stepName: Record<WorkflowTaskType, string>;
  status: string;
  notRun: string;
  duration: string;
  by: string;
  risks: string;
  noRisks: string;
  nodes: string;
  backup: string;
  noBackup: string;
  attempts: string;
  unknown: string;
}

function minutes(ms: number | undefined): string {
  if (ms === undefined) return '';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The change record as Markdown text (printable, downloadable as a file). */
export function changeRecordMarkdown(record: ChangeRecord, labels: ChangeRecordLabels, formatDate: (d: Date) => string): string {
  const date = (d: Date | undefined) => (d ? formatDate(d) : labels.unknown);
  const lines = [
    `# ${labels.title}`,
    '',
    `- ${labels.cluster}: ${record.cluster.name} (${record.cluster.id})`,
    `- ${labels.workflow}: ${record.workflowId}`,
    `- ${labels.from}: ${record.from ?? labels.unknown}`,
    `- ${labels.to}: ${record.to ?? labels.unknown}`,
    `- ${labels.outcome}: ${labels.outcomeValue[record.outcome]}`,
    `- ${labels.started}: ${date(record.createdAt)}`,
    '',
    `## ${labels.steps}`,
    '',
    `| | ${labels.status} | ${labels.started} | ${labels.duration} | ${labels.by} |`,
    '| --- | --- | --- | --- | --- |',
    ...record.steps.map((s) =>
      s.taskId
        ? `| ${labels.stepName[s.step]} | ${s.status ?? labels.unknown} | ${date(s.startedAt)} | ${minutes(s.durationMs)} | ${s.by ?? labels.unknown} |`
        : `| ${labels.stepName[s.step]} | ${labels.notRun} | | | |`,
    ),
    '',
    `## ${labels.risks}`,
    '',
    ...(record.risksAccepted.length === 0
      ? [labels.noRisks]
      : record.risksAccepted.map(
          (r) => `- ${r.name}${r.nodes.length > 0 ? ` (${labels.nodes}: ${r.nodes.join(', ')})` : ''} — ${labels.by} ${r.by ?? labels.unknown}, ${date(r.at)}`,
        )),
    '',
    `## ${labels.backup}`,
    '',
    record.latestBackupAt ? date(record.latestBackupAt) : labels.noBackup,
    '',
    `## ${labels.attempts}`,
    '',
    ...record.upgradeAttempts.map((a) => `- ${a.id}: ${a.phase ?? labels.unknown} (${a.progress ?? '?'} %) ${a.endedAt ? date(a.endedAt) : ''}`.trimEnd()),
    '',
  ];
  return lines.join('\n');
}
