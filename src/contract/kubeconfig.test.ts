import { describe, expect, it } from 'vitest';
import { certDurationBodySchema, kubeconfigSchema } from './kubeconfig.ts';

describe('certDurationBodySchema', () => {
  it('accepts 1 to 1827 days and -1', () => {
    for (const duration of [1, 30, 1826, 1827, -1]) expect(certDurationBodySchema.safeParse({ duration }).success, String(duration)).toBe(true);
  });

  it.each([[0], [1828], [-2], [1.5], ['30'], [null]])('rejects %j with the allowed range', (duration) => {
    const result = certDurationBodySchema.safeParse({ duration });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('duration must be a whole number of days from 1 to 1827, or -1 for the maximum (5 years)');
  });

  it('requires the duration', () => {
    expect(certDurationBodySchema.safeParse({}).success).toBe(false);
  });
});

describe('kubeconfigSchema', () => {
  it('parses an external kubeconfig with its kebab-case keys', () => {
    const config = kubeconfigSchema.parse({
      kind: 'Config',
      apiVersion: 'v1',
      clusters: [
        { name: 'internalCluster', cluster: { server: 'https://192.168.1.7:5443', 'certificate-authority-data': 'Q0E=' } },
        { name: 'externalCluster', cluster: { server: 'https://8.8.8.8:5443', 'insecure-skip-tls-verify': true } },
      ],
      users: [{ name: 'user', user: { 'client-certificate-data': 'Y2VydA==', 'client-key-data': 'a2V5' } }],
      contexts: [{ name: 'external', context: { cluster: 'externalCluster', user: 'user' } }],
      'current-context': 'external',
    });
    expect(config.clusters[1]?.cluster?.['insecure-skip-tls-verify']).toBe(true);
    expect(config['current-context']).toBe('external');
  });

  it('reads missing lists as empty', () => {
    expect(kubeconfigSchema.parse({ kind: 'Config', clusters: null })).toMatchObject({ clusters: [], users: [], contexts: [] });
  });
});
