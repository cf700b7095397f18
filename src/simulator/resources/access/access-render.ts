import { boundEip, privateEndpoint, publicEndpoint } from '../clusters/cluster-render.ts';
import type { ClusterRecord } from '../clusters/cluster-model.ts';
import type { EipRecord } from '../network/network-model.ts';
import type { SimulatorStore } from '../../store.ts';
import { hashString } from '../../time.ts';

export function renderAccessAddress(store: SimulatorStore, cluster: ClusterRecord) {
  const eip = boundEip(store, cluster);
  return {
    metadata: {},
    spec: { spec: { eip: { bandwidth: eip ? { size: eip.bandwidthSize, sharetype: eip.shareType } : {} }, isDynamic: false } },
    // "when no EIP is bound, publicEndpoint is the empty string" (OP9 example).
    status: { privateEndpoint: privateEndpoint(cluster), publicEndpoint: publicEndpoint(eip) },
  };
}

export function renderEipBound(cluster: ClusterRecord, eip: EipRecord) {
  return {
    metadata: {},
    spec: {
      action: 'bind',
      spec: { id: eip.id, eip: { bandwidth: { size: eip.bandwidthSize, sharetype: eip.shareType } }, isDynamic: false },
      elasticIp: eip.address,
    },
    status: { privateEndpoint: privateEndpoint(cluster), publicEndpoint: publicEndpoint(eip) },
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A PEM-looking block (not a real certificate: nothing verifies it) whose bytes change with `seed`,
 * so every issued kubeconfig carries different credentials, like the real service.
 */
function fakePem(label: string, seed: string, lines: number): string {
  const body: string[] = [];
  for (let l = 0; l < lines; l++) {
    let line = '';
    for (let i = 0; i < 64; i++) line += B64[hashString(`${seed}:${l}:${i}`) % 64];
    body.push(line);
  }
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * The kubeconfig of OP6. Without a public EIP: one cluster `internalCluster`, one context `internal`.
 * With one: `externalCluster` (with `insecure-skip-tls-verify: true`, as the reference says) and the
 * `external` context are added and become current; the internal entries stay (reference §4.6 [INF]).
 */
export function renderKubeconfig(store: SimulatorStore, cluster: ClusterRecord, issuedAt: number, durationDays: number) {
  const eip = boundEip(store, cluster);
  const seed = `${cluster.uid}:${issuedAt}:${durationDays}`;
  const ca = base64(fakePem('CERTIFICATE', `${cluster.uid}:ca`, 18));
  const clusters: { name: string; cluster: Record<string, unknown> }[] = [
    { name: 'internalCluster', cluster: { server: privateEndpoint(cluster), 'certificate-authority-data': ca } },
  ];
  const contexts = [{ name: 'internal', context: { cluster: 'internalCluster', user: 'user' } }];
  if (eip) {
    clusters.push({ name: 'externalCluster', cluster: { server: publicEndpoint(eip), 'insecure-skip-tls-verify': true } });
    contexts.push({ name: 'external', context: { cluster: 'externalCluster', user: 'user' } });
  }
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters,
    users: [
      {
        name: 'user',
        user: {
          'client-certificate-data': base64(fakePem('CERTIFICATE', `${seed}:crt`, 16)),
          'client-key-data': base64(fakePem('RSA PRIVATE KEY', `${seed}:key`, 25)),
        },
      },
    ],
    contexts,
    'current-context': eip ? 'external' : 'internal',
  };
}
