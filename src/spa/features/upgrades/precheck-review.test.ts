import { describe, expect, it } from 'vitest';
import type { PrecheckTask } from '../../../contract/upgrades.ts';
import { addonsAtRisk, hasRiskSource, reviewPrecheck, skipListFor } from './precheck-review.ts';

const ok = (name: string, kind: string, level: string) => ({
  name,
  kind,
  group: 'LimitCheck',
  level,
  phase: 'Success',
  message: 'check item succeed',
  riskSource: {},
});

/** Shaped like the reference's 4.3.7 example, with risks of every source. */
const task: PrecheckTask = {
  kind: 'PreCheckTask',
  metadata: { uid: 'p1' },
  spec: { skippedCheckItemList: [{ name: 'ResiduePackageVersion' }] },
  status: {
    phase: 'Failed',
    clusterCheckStatus: {
      phase: 'Failed',
      itemsStatus: [
        ok('BlackLimit', 'Exception', 'Fatal'),
        {
          name: 'DeprecatedApiCheck',
          kind: 'Risk',
          group: 'LimitCheck',
          level: 'Info',
          phase: 'Failed',
          message: 'x',
          riskSource: { deprecatedAPIRisks: [{ url: '/apis/policy/v1beta1/podsecuritypolicies', userAgent: 'kubectl' }] },
        },
        { ...ok('ResiduePackageVersion', 'Risk', 'Info'), message: 'check item skipped as confirmed: y' },
      ],
    },
    addonCheckStatus: {
      phase: 'Failed',
      itemsStatus: [
        {
          name: 'EverestLimitHungVersion',
          kind: 'Risk',
          group: 'AddonCheck',
          level: 'Fatal',
          phase: 'Failed',
          message: 'z',
          riskSource: { addonRisks: [{ addonTemplateName: 'everest', alias: 'Everest' }] },
        },
        {
          name: 'AddonLimit',
          kind: 'Exception',
          group: 'AddonCheck',
          level: 'Warning',
          phase: 'Failed',
          message: 'addon [ CoreDNS ] status is abnormal, check and try again',
          riskSource: { addonRisks: [{ addonTemplateName: 'coredns', alias: 'CoreDNS' }] },
        },
      ],
    },
    nodeCheckStatus: {
      phase: 'Failed',
      nodeStageStatus: [
        {
          nodeInfo: { uid: 'n0', name: 'node-0' },
          itemsStatus: [
            {
              name: 'NodeContainererdPodRestartRisk',
              kind: 'Risk',
              group: 'NodeCheck',
              level: 'Warning',
              phase: 'Failed',
              riskSource: { nodeRisks: [{ NodeID: 'n0' }] },
            },
          ],
        },
        {
          nodeInfo: { uid: 'n1', name: 'node-1' },
          itemsStatus: [
            {
              name: 'NodeContainererdPodRestartRisk',
              kind: 'Risk',
              group: 'NodeCheck',
              level: 'Warning',
              phase: 'Failed',
              riskSource: { nodeRisks: [{ NodeID: 'n1' }] },
            },
          ],
        },
      ],
    },
  },
} as PrecheckTask;

describe('reviewPrecheck', () => {
  it('groups by stage with failed items first: Exceptions before Risks, then by severity', () => {
    const review = reviewPrecheck(task);
    expect(review.groups.map((g) => g.stage)).toEqual(['cluster', 'addon', 'node']);
    expect(review.groups[1]!.items.map((i) => i.item.name)).toEqual(['AddonLimit', 'EverestLimitHungVersion']);
    expect(review.groups[0]!.items.map((i) => i.outcome)).toEqual(['confirm', 'passed', 'passed']);
    expect(review.blocking.map((i) => i.item.name)).toEqual(['AddonLimit']);
    expect(review.risks.map((i) => i.item.name)).toEqual([
      'EverestLimitHungVersion',
      'NodeContainererdPodRestartRisk',
      'NodeContainererdPodRestartRisk',
      'DeprecatedApiCheck',
    ]);
    expect(review.skipped.map((i) => i.item.name)).toEqual(['ResiduePackageVersion']);
  });

  it('puts a group without failures after those with', () => {
    const clean: PrecheckTask = {
      ...task,
      status: { ...task.status, clusterCheckStatus: { phase: 'Success', itemsStatus: [ok('BlackLimit', 'Exception', 'Fatal')] } },
    };
    expect(reviewPrecheck(clean).groups.map((g) => g.stage)).toEqual(['addon', 'node', 'cluster']);
  });
});

describe('skipListFor', () => {
  it('keeps earlier skips, adds acknowledged Risks by name and node items narrowed to their nodes', () => {
    const review = reviewPrecheck(task);
    const acknowledged = new Set(review.risks.map((r) => r.key));
    expect(skipListFor(task, review.risks, acknowledged)).toEqual([
      { name: 'ResiduePackageVersion' },
      { name: 'EverestLimitHungVersion' },
      { name: 'NodeContainererdPodRestartRisk', resourceSelector: { key: 'node.uid', operator: 'In', values: ['n0', 'n1'] } },
      { name: 'DeprecatedApiCheck' },
    ]);
  });

  it('leaves out Risks not acknowledged', () => {
    const review = reviewPrecheck(task);
    expect(skipListFor(task, review.risks, new Set())).toEqual([{ name: 'ResiduePackageVersion' }]);
  });
});

describe('risk sources', () => {
  it('names the add-ons an item points at, and knows an empty source', () => {
    expect(addonsAtRisk({ addonRisks: [{ addonTemplateName: 'coredns', alias: 'CoreDNS' }, { addonTemplateName: 'everest' }] })).toEqual([
      { name: 'coredns', alias: 'CoreDNS' },
      { name: 'everest', alias: 'everest' },
    ]);
    expect(hasRiskSource({})).toBe(false);
    expect(hasRiskSource({ nodeRisks: [{ NodeID: 'n0' }] })).toBe(true);
  });
});
