import { describe, expect, it } from 'vitest';
import type { AddonInstance, AddonTemplate } from '../../../contract/addons.ts';
import { addonPatches, addonUpgradePlan } from './addon-plan.ts';

const template = (name: string, versions: [string, string, boolean?][]): AddonTemplate => ({
  metadata: { name },
  spec: { versions: versions.map(([version, pattern, stable = true]) => ({ version, stable, supportVersions: [{ clusterVersion: [pattern] }] })) },
});
const instance = (name: string, version: string): AddonInstance => ({ metadata: { name }, spec: { addonTemplateName: name, version } });

const TEMPLATES = [
  template('coredns', [
    ['1.27.4', 'v1.(25|27).*'],
    ['1.28.6', 'v1.(27|28).*'],
    ['1.29.2', 'v1.(28|29).*', false],
  ]),
  template('legacy', [['0.9', 'v1.(23|25).*']]),
];

describe('addonUpgradePlan', () => {
  it('tells apart an add-on that stays, one the target forces to move, one no version supports and one not in the catalogue', () => {
    const plan = addonUpgradePlan([instance('coredns', '1.27.4'), instance('legacy', '0.9'), instance('custom', '1.0')], TEMPLATES, 'v1.28.3-r0');
    expect(plan.map((e) => [e.name, e.outcome])).toEqual([
      ['coredns', { kind: 'required', to: '1.28.6', choices: ['1.29.2', '1.28.6'] }],
      ['legacy', { kind: 'unsupported' }],
      ['custom', { kind: 'unknown' }],
    ]);
    expect(plan[0]!.previews).toEqual(['1.29.2']);
    const stays = addonUpgradePlan([instance('coredns', '1.27.4')], TEMPLATES, 'v1.27.3-r0');
    expect(stays[0]!.outcome).toEqual({ kind: 'stays', newer: ['1.28.6'] });
  });
});

describe('addonPatches', () => {
  const plan = addonUpgradePlan([instance('coredns', '1.28.6'), instance('legacy', '0.9')], TEMPLATES, 'v1.28.3-r0');

  it('sends nothing for an add-on that stays at its version, nor for one no version supports', () => {
    expect(addonPatches(plan, {})).toEqual([]);
  });

  it('sends a patch for an add-on the operator moves, and always one for an add-on the target forces to move', () => {
    expect(addonPatches(plan, { coredns: '1.29.2' })).toEqual([{ addonTemplateName: 'coredns', operation: 'patch', version: '1.29.2' }]);
    const forced = addonUpgradePlan([instance('coredns', '1.27.4')], TEMPLATES, 'v1.28.3-r0');
    expect(addonPatches(forced, {})).toEqual([{ addonTemplateName: 'coredns', operation: 'patch', version: '1.28.6' }]);
  });
});
