/**
 * A stateful stand-in for the BFF in the cluster-detail component tests: one cluster whose tags,
 * EIP, alias, description and subnets change as the real simulator's would, and a record of every
 * request, so a test can assert what was sent (or that nothing was).
 */
import type { Cluster } from '../../../contract/clusters.ts';
import { CLUSTERS_PATH, envelopeResponse, installFetch, jsonResponse, operatorSession, simulatorContext, TEST_PROJECT_ID } from '../../shared/test/fake-bff.ts';

export const CLUSTER_UID = '087dc72a-1ff6-11ef-af74-0255ac10010b';
export const CLUSTER_PATH = `${CLUSTERS_PATH}/${CLUSTER_UID}`;
export const JOBS_PATH = `/api/cce/autopilot/v3/projects/${TEST_PROJECT_ID}/jobs`;
export const FREE_EIP = { id: 'a757a69e-f920-455a-b1ba-d7a22db0fd51', address: '203.0.113.57' };
export const PRIVATE_ENDPOINT = 'https://192.168.3.238:5443';

/** A cluster shaped like the reference's `ShowAutopilotCluster` example, Available. */
export function detailCluster(
  overrides: { phase?: string; jobID?: string; tags?: { key: string; value: string }[]; annotations?: Record<string, string>; isLocked?: boolean } = {},
): Cluster {
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: {
      name: 'autopilot-test',
      uid: CLUSTER_UID,
      alias: 'autopilot-alias',
      annotations: overrides.annotations ?? { enableAutopilot: 'true' },
      labels: { FeatureGates: 'arpOptimization,elbv3,xGPU' },
      creationTimestamp: '2024-06-01 09:05:03.665134 +0000 UTC',
      updateTimestamp: '2024-06-04 12:54:27.803532 +0000 UTC',
    },
    spec: {
      category: 'Turbo',
      type: 'VirtualMachine',
      flavor: 'cce.autopilot.cluster',
      version: 'v1.28',
      platformVersion: 'cce.6.0',
      description: 'Search front ends',
      hostNetwork: { vpc: '13cd773f-7f9f-4821-b9b8-dba5b351e1ec', subnet: '19e3960d-b9ae-4d2d-b3a4-92ff56ae0301' },
      containerNetwork: { mode: 'eni' },
      eniNetwork: { subnets: [{ subnetID: 'f061c486-a190-4e2e-993c-5bc3dc9d65a8' }] },
      serviceNetwork: { IPv4CIDR: '10.247.0.0/16' },
      authentication: { mode: 'rbac' },
      billingMode: 0,
      kubeProxyMode: 'iptables',
      az: 'cn-north-7c',
      extendParam: { enterpriseProjectId: '0', upgradefrom: '' },
      clusterTags: overrides.tags ?? [],
    },
    status: {
      phase: overrides.phase ?? 'Available',
      ...(overrides.jobID ? { jobID: overrides.jobID } : {}),
      ...(overrides.isLocked !== undefined ? { isLocked: overrides.isLocked, lockScene: 'ARREAR', lockSource: 'CBC' } : {}),
      endpoints: [{ url: `https://${CLUSTER_UID}.cluster.cce.cn-north-7.myhuaweicloud.com:5443`, type: 'Internal' }],
    },
  } as Cluster;
}

export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

interface DetailBff {
  cluster: Cluster;
  eipBound: boolean;
  sent: SentRequest[];
  /** Requests other than reads. */
  changes(): SentRequest[];
  /** Replace the answer to one `METHOD path` (e.g. `PUT …/mastereip`) for the next calls. */
  override(key: string, answer: (body: unknown) => Response): void;
  /** Answers `GET …/jobs/{id}` in turn; the last answer repeats. */
  jobs: Map<string, unknown[]>;
}

function kubeconfig(external: boolean) {
  const clusters = [{ name: 'internalCluster', cluster: { server: PRIVATE_ENDPOINT, 'certificate-authority-data': 'Q0EtREFUQQ==' } }];
  const contexts = [{ name: 'internal', context: { cluster: 'internalCluster', user: 'user' } }];
  if (external) {
    clusters.push({ name: 'externalCluster', cluster: { server: `https://${FREE_EIP.address}:5443`, 'insecure-skip-tls-verify': true } as never });
    contexts.push({ name: 'external', context: { cluster: 'externalCluster', user: 'user' } });
  }
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters,
    users: [{ name: 'user', user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'U0VDUkVULUtFWS1NQVRFUklBTA==' } }],
    contexts,
    'current-context': external ? 'external' : 'internal',
  };
}

export function installDetailBff(cluster: Cluster = detailCluster()): DetailBff {
  const state: DetailBff = {
    cluster,
    eipBound: false,
    sent: [],
    changes: () => state.sent.filter((r) => r.method !== 'GET'),
    override: (key, answer) => overrides.set(key, answer),
    jobs: new Map(),
  };
  const overrides = new Map<string, (body: unknown) => Response>();
  const jobReads = new Map<string, number>();
  const touch = () => {
    state.cluster = {
      ...state.cluster,
      metadata: { ...state.cluster.metadata, updateTimestamp: `2024-06-05 10:00:${String(state.sent.length).padStart(2, '0')}.000000 +0000 UTC` },
    };
  };
  installFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const text = request.method === 'GET' ? '' : await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    state.sent.push({ method: request.method, path, body });
    if (path === '/api/context') return jsonResponse(simulatorContext);
    if (path === '/api/session') return jsonResponse(operatorSession);
    const custom = overrides.get(`${request.method} ${path}`);
    if (custom) return custom(body);
    if (request.method === 'GET' && path === CLUSTERS_PATH) return jsonResponse({ kind: 'Cluster', apiVersion: 'v3', items: [state.cluster] });
    if (request.method === 'GET' && path === CLUSTER_PATH) return jsonResponse(state.cluster);
    if (request.method === 'GET' && path === `${CLUSTER_PATH}/openapi`) {
      return jsonResponse({
        metadata: {},
        spec: { spec: { eip: { bandwidth: {} }, isDynamic: false } },
        status: { privateEndpoint: PRIVATE_ENDPOINT, publicEndpoint: state.eipBound ? `https://${FREE_EIP.address}:5443` : '' },
      });
    }
    if (request.method === 'PUT' && path === `${CLUSTER_PATH}/mastereip`) {
      const spec = (body as { spec: { action: string; spec?: { id?: string } } }).spec;
      if (spec.action === 'unbind') {
        state.eipBound = false;
        return new Response(null, { status: 200, headers: { 'X-Request-Id': 'req-unbind' } });
      }
      if (spec.spec?.id !== FREE_EIP.id)
        return envelopeResponse(404, 'CCE.01404001', `spec.spec.id: EIP ${spec.spec?.id} does not exist in project ${TEST_PROJECT_ID}.`, 'req-eip-404');
      state.eipBound = true;
      return jsonResponse({
        metadata: {},
        spec: { action: 'bind', spec: { id: FREE_EIP.id }, elasticIp: FREE_EIP.address },
        status: { privateEndpoint: PRIVATE_ENDPOINT, publicEndpoint: `https://${FREE_EIP.address}:5443` },
      });
    }
    if (request.method === 'POST' && path === `${CLUSTER_PATH}/clustercert`) return jsonResponse(kubeconfig(state.eipBound));
    if (request.method === 'POST' && path === `${CLUSTER_PATH}/tags/create`) {
      const tags = [...(state.cluster.spec?.clusterTags ?? [])];
      for (const tag of (body as { tags: { key: string; value?: string }[] }).tags) {
        const existing = tags.find((t) => t.key === tag.key);
        if (existing) existing.value = tag.value ?? '';
        else tags.push({ key: tag.key, value: tag.value ?? '' });
      }
      state.cluster = { ...state.cluster, spec: { ...state.cluster.spec, clusterTags: tags } } as Cluster;
      touch();
      return new Response(null, { status: 204, headers: { 'X-Request-Id': 'req-tags' } });
    }
    if (request.method === 'POST' && path === `${CLUSTER_PATH}/tags/delete`) {
      const keys = new Set((body as { tags: { key: string }[] }).tags.map((t) => t.key));
      state.cluster = {
        ...state.cluster,
        spec: { ...state.cluster.spec, clusterTags: (state.cluster.spec?.clusterTags ?? []).filter((t) => !keys.has(t.key ?? '')) },
      } as Cluster;
      touch();
      return new Response(null, { status: 204, headers: { 'X-Request-Id': 'req-tags' } });
    }
    if (request.method === 'PUT' && path === CLUSTER_PATH) {
      const update = body as { spec: { description?: string; eniNetwork?: { subnets: { subnetID: string }[] } }; metadata?: { alias?: string } };
      state.cluster = {
        ...state.cluster,
        metadata: { ...state.cluster.metadata, ...(update.metadata?.alias ? { alias: update.metadata.alias } : {}) },
        spec: {
          ...state.cluster.spec,
          ...(update.spec.description !== undefined ? { description: update.spec.description } : {}),
          ...(update.spec.eniNetwork ? { eniNetwork: update.spec.eniNetwork } : {}),
        },
      } as Cluster;
      touch();
      return jsonResponse(state.cluster);
    }
    if (request.method === 'GET' && path.startsWith(`${JOBS_PATH}/`)) {
      const id = path.slice(JOBS_PATH.length + 1);
      const answers = state.jobs.get(id);
      if (!answers) return envelopeResponse(404, 'CCE.01404001', `Job ${id} does not exist.`, 'req-job-404');
      const n = jobReads.get(id) ?? 0;
      jobReads.set(id, n + 1);
      return jsonResponse(answers[Math.min(n, answers.length - 1)]);
    }
    return envelopeResponse(404, 'BFF.NOT_FOUND', `No route for ${request.method} ${path}`, 'req-not-found');
  });
  return state;
}
