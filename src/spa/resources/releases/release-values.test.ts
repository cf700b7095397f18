import { describe, expect, it } from 'vitest';
import { releaseValuesObject, upgradePreview, valuesAsYaml, withoutMaskedValues } from './release-values.ts';

describe('release values in the console', () => {
  it('shows values fields as YAML whatever shape they arrive in', () => {
    expect(valuesAsYaml('{"image":{"tag":"v2"}}')).toEqual({ text: 'image:\n  tag: v2\n', raw: false });
    expect(valuesAsYaml({ a: 1 })).toEqual({ text: 'a: 1\n', raw: false });
    expect(valuesAsYaml('{"broken":')).toEqual({ text: '{"broken":', raw: true });
    expect(valuesAsYaml('')).toEqual({ text: '', raw: false });
    expect(releaseValuesObject({ values: '[1]' })).toEqual({});
  });

  it('previews an upgrade as the service will apply it: merged over the deployed values, or reset', () => {
    const deployed = { replicaCount: 2, image: { tag: 'v1', repository: 'web' } };
    const merged = upgradePreview(deployed, 'image:\n  tag: v2\n', false);
    expect(merged).toEqual({
      ok: true,
      sent: { image: { tag: 'v2' } },
      result: { replicaCount: 2, image: { tag: 'v2', repository: 'web' } },
      resultText: 'replicaCount: 2\nimage:\n  tag: v2\n  repository: web\n',
    });
    const reset = upgradePreview(deployed, 'image:\n  tag: v2\n', true);
    expect(reset.ok && reset.result).toEqual({ image: { tag: 'v2' } });
    const removed = upgradePreview(deployed, 'replicaCount: null\n', false);
    expect(removed.ok && removed.result).toEqual({ image: { tag: 'v1', repository: 'web' } });
    expect(upgradePreview(deployed, 'image: [\n', false)).toEqual({ ok: false });
  });

  it('drops masked secrets so that they are not sent back as the mask', () => {
    expect(withoutMaskedValues({ database: { password: '******', host: 'db' }, token: '*****', n: 1, empty: {} })).toEqual({
      database: { host: 'db' },
      n: 1,
      empty: {},
    });
    expect(withoutMaskedValues({ database: { password: '******' } })).toEqual({});
  });
});
