import { describe, expect, it } from 'vitest';
import { ADDON_INSTANCE_PHASES, addonTemplateListSchema, type AddonInstance } from '../../../contract/addons.ts';
import templates from '../../../contract/examples/ListAutopilotAddonTemplates.response.json';
import { addonActionStates, compatibleVersions, proposedVersion } from './addon-actions.ts';

const instance = (status: string, extra: Partial<NonNullable<AddonInstance['status']>> = {}): AddonInstance => ({
  spec: { version: '1.28.4' },
  status: { status: status as AddonInstance['status'] extends { status?: infer S } ? S : never, isRollbackable: false, targetVersions: null, ...extra },
});
const available = { phase: 'Available' };

describe('add-on actions', () => {
  it('are all disabled while an operation of the instance is in flight, naming it', () => {
    for (const status of ['installing', 'upgrading', 'rollbacking', 'deleting']) {
      const states = addonActionStates(instance(status, { isRollbackable: true, targetVersions: ['1.28.6'] }), available);
      for (const state of Object.values(states)) expect(state).toEqual({ enabled: false, block: { reason: 'inFlight', status } });
    }
  });

  it('are all disabled while a cluster job runs, and changes other than uninstall need an Available cluster', () => {
    const running = instance('running', { isRollbackable: true, targetVersions: ['1.28.6'] });
    expect(addonActionStates(running, { phase: 'Upgrading' }).uninstall).toEqual({ enabled: false, block: { reason: 'clusterBusy', phase: 'Upgrading' } });
    const hibernating = addonActionStates(running, { phase: 'Hibernation' });
    expect(hibernating.upgrade).toEqual({ enabled: false, block: { reason: 'clusterNotRunning', phase: 'Hibernation' } });
    expect(hibernating.rollback.enabled).toBe(false);
    expect(hibernating.uninstall.enabled).toBe(true);
  });

  it('offer an upgrade only when a target version exists', () => {
    expect(addonActionStates(instance('running', { targetVersions: ['1.28.6'] }), available).upgrade.enabled).toBe(true);
    expect(addonActionStates(instance('running', { targetVersions: null }), available).upgrade).toEqual({ enabled: false, block: { reason: 'noUpgrade' } });
    expect(addonActionStates(instance('running', { targetVersions: null }), available).edit.enabled).toBe(true);
  });

  it('send failed installs and deletes to uninstall', () => {
    for (const status of ['installFailed', 'deleteFailed', 'unknown']) {
      const states = addonActionStates(instance(status, { targetVersions: ['1.28.6'], isRollbackable: true }), available);
      expect(states.edit).toEqual({ enabled: false, block: { reason: 'reinstallNeeded', status } });
      expect(states.upgrade).toEqual(states.edit);
      expect(states.uninstall.enabled).toBe(true);
    }
  });

  it('offer a rollback only when rollbackable and in a status that allows it (the reference’s two conditions)', () => {
    const allowed = ['running', 'available', 'abnormal', 'upgradeFailed', 'rollbackFailed'];
    for (const status of ADDON_INSTANCE_PHASES) {
      if (['installing', 'upgrading', 'rollbacking', 'deleting'].includes(status)) continue;
      const yes = addonActionStates(instance(status, { isRollbackable: true }), available).rollback;
      expect(yes.enabled, status).toBe(allowed.includes(status));
      if (!allowed.includes(status)) expect(yes).toEqual({ enabled: false, block: { reason: 'rollbackStatus', status } });
    }
    expect(addonActionStates(instance('running'), available).rollback).toEqual({ enabled: false, block: { reason: 'notRollbackable' } });
  });
});

describe('versions for a cluster', () => {
  const template = addonTemplateListSchema.parse(templates).items![0]!;
  const more = {
    ...template,
    spec: {
      ...template.spec,
      versions: [...template.spec!.versions!, { version: '3.10.0', stable: false, supportVersions: [{ clusterVersion: ['v1.28.*'] }] }],
    },
  };
  it('are the compatible ones, newest first, proposing the newest stable', () => {
    expect(compatibleVersions(more, 'v1.28').map((v) => v.version)).toEqual(['3.10.0', '3.9.3']);
    expect(proposedVersion(more, 'v1.28')?.version).toBe('3.9.3');
    expect(compatibleVersions(more, 'v1.25')).toEqual([]);
    expect(proposedVersion(more, 'v1.25')).toBeUndefined();
  });
});
