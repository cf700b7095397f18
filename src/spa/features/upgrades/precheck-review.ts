import {
  canonicalPhase,
  PRECHECK_ITEM_KINDS,
  PRECHECK_ITEM_LEVELS,
  PRECHECK_STAGE_PHASES,
  precheckItemOutcome,
  precheckItems,
  type PrecheckItemEntry,
  type PrecheckStage,
  type PrecheckTask,
  type RiskSource,
} from '../../../contract/upgrades.ts';

/**
 * The pre-check result as the wizard presents it: items grouped cluster / add-ons / nodes, failed
 * first, and within them what blocks (`Exception`) before what needs acknowledging (`Risk`), then by
 * severity; plus the skip list a re-run sends for the acknowledged Risks.
 */
export type ItemOutcome = ReturnType<typeof precheckItemOutcome>;

export interface ReviewItem extends PrecheckItemEntry {
  /** Stable key: stage, node and item name. */
  key: string;
  outcome: ItemOutcome;
  /** Skipped on request in this run (listed in its `skippedCheckItemList`). */
  skipped: boolean;
}

export interface ReviewGroup {
  stage: PrecheckStage;
  phase: string | undefined;
  items: ReviewItem[];
}

export interface PrecheckReview {
  groups: ReviewGroup[];
  /** Failed `Exception`s: resolve, then re-run. */
  blocking: ReviewItem[];
  /** Failed `Risk`s: acknowledge each, then re-run skipping them. */
  risks: ReviewItem[];
  /** Items skipped in this run (acknowledged before). */
  skipped: ReviewItem[];
}

const OUTCOME_ORDER: Record<ItemOutcome, number> = { blocking: 0, confirm: 1, pending: 2, passed: 3 };
const LEVEL_ORDER: Record<string, number> = { Fatal: 0, Warning: 1, Info: 2 };
const STAGES: readonly PrecheckStage[] = ['cluster', 'addon', 'node'];

export function itemKey(entry: PrecheckItemEntry): string {
  return [entry.stage, entry.node?.uid ?? '', entry.item.name ?? ''].join('/');
}

type Skip = NonNullable<NonNullable<PrecheckTask['spec']>['skippedCheckItemList']>[number];

function isSkipped(entry: PrecheckItemEntry, skips: readonly Skip[]): boolean {
  return skips.some((s) => {
    if (s.name !== undefined && s.name !== entry.item.name) return false;
    if (!s.resourceSelector) return s.name !== undefined;
    return entry.stage === 'node' && entry.node?.uid !== undefined && (s.resourceSelector.values ?? []).includes(entry.node.uid);
  });
}

export function compareItems(a: ReviewItem, b: ReviewItem): number {
  const kind = (x: ReviewItem) => (canonicalPhase(PRECHECK_ITEM_KINDS, x.item.kind) === 'Exception' ? 0 : 1);
  const level = (x: ReviewItem) => LEVEL_ORDER[canonicalPhase(PRECHECK_ITEM_LEVELS, x.item.level) ?? ''] ?? 3;
  return (
    OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] ||
    kind(a) - kind(b) ||
    level(a) - level(b) ||
    (a.item.name ?? '').localeCompare(b.item.name ?? '') ||
    (a.node?.name ?? '').localeCompare(b.node?.name ?? '')
  );
}

export function reviewPrecheck(task: PrecheckTask | undefined): PrecheckReview {
  const skips = task?.spec?.skippedCheckItemList ?? [];
  const items: ReviewItem[] = precheckItems(task?.status).map((entry) => ({
    ...entry,
    key: itemKey(entry),
    outcome: precheckItemOutcome(entry.item),
    skipped: isSkipped(entry, skips),
  }));
  const phaseOf = (stage: PrecheckStage) => {
    const status = task?.status;
    const raw = stage === 'cluster' ? status?.clusterCheckStatus?.phase : stage === 'addon' ? status?.addonCheckStatus?.phase : status?.nodeCheckStatus?.phase;
    return canonicalPhase(PRECHECK_STAGE_PHASES, raw) ?? raw;
  };
  const groups = STAGES.map((stage) => ({ stage, phase: phaseOf(stage), items: items.filter((i) => i.stage === stage).sort(compareItems) }));
  // A group with a failed item comes first, keeping cluster → add-ons → nodes otherwise.
  groups.sort(
    (a, b) =>
      Number(b.items.some((i) => i.outcome === 'blocking' || i.outcome === 'confirm')) -
      Number(a.items.some((i) => i.outcome === 'blocking' || i.outcome === 'confirm')),
  );
  return {
    groups,
    blocking: items.filter((i) => i.outcome === 'blocking').sort(compareItems),
    risks: items.filter((i) => i.outcome === 'confirm').sort(compareItems),
    skipped: items.filter((i) => i.skipped),
  };
}

/**
 * The `skippedCheckItemList` of a re-run: what this run already skipped, plus every acknowledged Risk —
 * node items narrowed to their nodes (`node.uid In [...]`), the others by name.
 */
export function skipListFor(task: PrecheckTask | undefined, risks: readonly ReviewItem[], acknowledged: ReadonlySet<string>): Skip[] {
  const list: Skip[] = [...(task?.spec?.skippedCheckItemList ?? [])].map((s) => ({
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.resourceSelector ? { resourceSelector: { key: 'node.uid', operator: 'In', values: [...(s.resourceSelector.values ?? [])] } } : {}),
  }));
  for (const risk of risks) {
    if (!acknowledged.has(risk.key) || !risk.item.name) continue;
    if (risk.stage === 'node' && risk.node?.uid) {
      const existing = list.find((s) => s.name === risk.item.name && s.resourceSelector);
      if (existing?.resourceSelector) {
        const values = existing.resourceSelector.values ?? [];
        if (!values.includes(risk.node.uid)) existing.resourceSelector.values = [...values, risk.node.uid];
      } else list.push({ name: risk.item.name, resourceSelector: { key: 'node.uid', operator: 'In', values: [risk.node.uid] } });
    } else if (!list.some((s) => s.name === risk.item.name && !s.resourceSelector)) {
      list.push({ name: risk.item.name });
    }
  }
  return list;
}

/** The add-ons a risk source names (an add-on item links to each). */
export function addonsAtRisk(source: RiskSource | null | undefined): { name: string; alias: string }[] {
  return (source?.addonRisks ?? []).filter((a) => a.addonTemplateName).map((a) => ({ name: a.addonTemplateName!, alias: a.alias || a.addonTemplateName! }));
}

/** Whether a risk source has anything to show. */
export function hasRiskSource(source: RiskSource | null | undefined): boolean {
  return Boolean(
    source &&
    (source.configurationRisks?.length ?? 0) + (source.deprecatedAPIRisks?.length ?? 0) + (source.nodeRisks?.length ?? 0) + (source.addonRisks?.length ?? 0) >
      0,
  );
}
