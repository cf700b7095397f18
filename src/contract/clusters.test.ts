import { describe, expect, it } from 'vitest';
import {
  apiServerAddresses,
  CLUSTER_INSTALL_ADDONS_ANNOTATION,
  CLUSTER_PHASES,
  clusterEndpointsSchema,
  clusterErrorCodes,
  clusterListSchema,
  clusterOperations,
  clusterPhaseMeanings,
  clusterSchema,
  createClusterBodySchema,
  DELETE_OPTION_DEFAULTS,
  deleteClusterQuerySchema,
  FAILED_CLUSTER_PHASES,
  listClustersQuerySchema,
  masterEipRequestSchema,
  parseInstallAddonsAnnotation,
  resolveDeleteOptions,
  serviceCidrOf,
  TRANSITIONAL_CLUSTER_PHASES,
  updateClusterBodySchema,
  updateClusterEip,
} from './clusters.ts';
import { REMOVE, example, messages, withPath } from './test-support.ts';
import { CCE_ERROR_CODES } from './error-codes.ts';

/** The reference's create example with one field changed: a valid body apart from that change. */
const createBody = (path?: string, value?: unknown): unknown =>
  path ? withPath(example('CreateAutopilotCluster.request.json'), path, value) : example('CreateAutopilotCluster.request.json');

describe('cluster operations', () => {
  it('are the 12 documented operations with their documented methods, paths and statuses', () => {
    const table = Object.values(clusterOperations).map((op) => `${op.id} ${op.method} ${op.path} ${op.successStatus}`);
    expect(table).toEqual([
      'CreateAutopilotCluster POST /autopilot/v3/projects/{project_id}/clusters 201',
      'ShowAutopilotCluster GET /autopilot/v3/projects/{project_id}/clusters/{cluster_id} 200',
      'ListAutopilotClusters GET /autopilot/v3/projects/{project_id}/clusters 200',
      'UpdateAutopilotCluster PUT /autopilot/v3/projects/{project_id}/clusters/{cluster_id} 200',
      'DeleteAutopilotCluster DELETE /autopilot/v3/projects/{project_id}/clusters/{cluster_id} 200',
      'CreateAutopilotKubernetesClusterCert POST /autopilot/v3/projects/{project_id}/clusters/{cluster_id}/clustercert 200',
      'ShowAutopilotJob GET /autopilot/v3/projects/{project_id}/jobs/{job_id} 200',
      'UpdateAutopilotClusterEip PUT /autopilot/v3/projects/{project_id}/clusters/{cluster_id}/mastereip 200',
      'ShowAutopilotClusterEndpoints GET /autopilot/v3/projects/{project_id}/clusters/{cluster_id}/openapi 200',
      'ShowAutopilotQuotas GET /autopilot/v3/projects/{project_id}/quotas 200',
      'BatchCreateAutopilotClusterTags POST /autopilot/v3/projects/{project_id}/clusters/{cluster_id}/tags/create 204',
      'BatchDeleteAutopilotClusterTags POST /autopilot/v3/projects/{project_id}/clusters/{cluster_id}/tags/delete 204',
    ]);
  });

  it('documents the Port-ID header of the certificate and no body for the tag operations', () => {
    expect(clusterOperations.createClusterCert.responseHeaders).toEqual(['Port-ID']);
    expect(clusterOperations.batchCreateClusterTags.response).toBeNull();
    expect(clusterOperations.batchDeleteClusterTags.response).toBeNull();
  });

  it('accepts the bodiless 200 of an unbind as well as the bind body', () => {
    expect(updateClusterEip.response.safeParse(undefined).success).toBe(true);
    expect(updateClusterEip.response.safeParse(null).success).toBe(true);
    expect(updateClusterEip.response.safeParse(example('UpdateAutopilotClusterEip.response.json')).success).toBe(true);
  });
});

describe('cluster phases', () => {
  it('lists the 19 documented phases, each with its meaning', () => {
    expect(CLUSTER_PHASES).toHaveLength(19);
    expect(new Set(CLUSTER_PHASES).size).toBe(19);
    expect(Object.keys(clusterPhaseMeanings).sort()).toEqual([...CLUSTER_PHASES].sort());
    expect(clusterPhaseMeanings.UnFreezing).toBe('The cluster is being unfrozen.');
    expect(clusterPhaseMeanings.Error).toMatch(/manually delete/);
  });

  it('never classifies a phase as both in motion and failed', () => {
    const overlap = TRANSITIONAL_CLUSTER_PHASES.filter((p) => (FAILED_CLUSTER_PHASES as readonly string[]).includes(p));
    expect(overlap).toEqual([]);
    expect(TRANSITIONAL_CLUSTER_PHASES).not.toContain('Available');
  });
});

describe('createClusterBodySchema', () => {
  it('accepts the reference example and a minimal body', () => {
    expect(messages(createClusterBodySchema, createBody())).toEqual([]);
    const minimal = {
      kind: 'Cluster',
      apiVersion: 'v3',
      metadata: { name: 'prod' },
      spec: { flavor: 'cce.autopilot.cluster', hostNetwork: { vpc: 'v', subnet: 's' }, containerNetwork: { mode: 'eni' } },
    };
    expect(messages(createClusterBodySchema, minimal)).toEqual([]);
    expect(messages(createClusterBodySchema, { ...minimal, kind: 'cluster' })).toEqual([]);
  });

  it.each([
    ['abc', 'Cluster name must be 4 to 128 characters'],
    [`a${'b'.repeat(128)}`, 'Cluster name must be 4 to 128 characters'],
    ['1abc', 'Cluster name must start with a lowercase letter'],
    ['-abc', 'Cluster name must start with a lowercase letter'],
    ['Prod-cluster', 'Cluster name must start with a lowercase letter'],
    ['prod_cluster', 'Cluster name may contain only lowercase letters, digits and hyphens (-)'],
    ['prod.cluster', 'Cluster name may contain only lowercase letters, digits and hyphens (-)'],
    ['prod-cluster-', 'Cluster name must not end with a hyphen (-)'],
  ])('rejects the name %j: %s', (name, message) => {
    expect(messages(createClusterBodySchema, createBody('metadata.name', name))).toContain(message);
  });

  it('accepts names at the length limits and names ending in a digit', () => {
    for (const name of ['abcd', `a${'b'.repeat(127)}`, 'prod-2', 'a-1-b-2']) {
      expect(messages(createClusterBodySchema, createBody('metadata.name', name)), name).toEqual([]);
    }
  });

  it('requires the name', () => {
    expect(messages(createClusterBodySchema, createBody('metadata.name', REMOVE))).toContain('Cluster name is required');
  });

  it('applies the name rules to the alias, and lets a blank alias mean "same as the name"', () => {
    expect(messages(createClusterBodySchema, createBody('metadata.alias', 'Bad_Alias'))).not.toEqual([]);
    expect(messages(createClusterBodySchema, createBody('metadata.alias', 'alias-'))).toContain('Cluster alias must not end with a hyphen (-)');
    expect(messages(createClusterBodySchema, createBody('metadata.alias', ''))).toEqual([]);
    expect(messages(createClusterBodySchema, createBody('metadata.alias', 'friendly-name'))).toEqual([]);
  });

  it('fixes kind, apiVersion, flavor, category, type and the network mode to their documented values', () => {
    expect(messages(createClusterBodySchema, createBody('kind', 'Deployment'))).toContain('kind must be "Cluster"');
    expect(messages(createClusterBodySchema, createBody('apiVersion', 'v1'))).toContain('apiVersion must be "v3"');
    expect(messages(createClusterBodySchema, createBody('spec.flavor', 'cce.s1.small'))).toContain('flavor must be "cce.autopilot.cluster"');
    expect(messages(createClusterBodySchema, createBody('spec.flavor', REMOVE))).toContain('flavor must be "cce.autopilot.cluster"');
    expect(messages(createClusterBodySchema, createBody('spec.category', 'CCE'))).not.toEqual([]);
    expect(messages(createClusterBodySchema, createBody('spec.type', 'BareMetal'))).not.toEqual([]);
    expect(messages(createClusterBodySchema, createBody('spec.containerNetwork.mode', 'vpc-router'))).toContain('containerNetwork.mode must be "eni"');
    expect(messages(createClusterBodySchema, createBody('spec.billingMode', 1))).toContain('billingMode must be 0 (pay-per-use)');
    expect(messages(createClusterBodySchema, createBody('spec.kubeProxyMode', 'ipvs'))).not.toEqual([]);
  });

  it('requires the VPC, the subnet and the container network', () => {
    expect(messages(createClusterBodySchema, createBody('spec.hostNetwork', REMOVE))).toContain('hostNetwork (VPC and subnet) is required');
    expect(messages(createClusterBodySchema, createBody('spec.hostNetwork.vpc', REMOVE))).toContain('hostNetwork.vpc (VPC ID) is required');
    expect(messages(createClusterBodySchema, createBody('spec.hostNetwork.subnet', ''))).toContain('hostNetwork.subnet must not be empty');
    expect(messages(createClusterBodySchema, createBody('spec.containerNetwork', REMOVE))).toContain('containerNetwork is required');
    expect(messages(createClusterBodySchema, createBody('spec.eniNetwork.subnets', []))).toContain('eniNetwork.subnets must name at least one subnet');
    expect(messages(createClusterBodySchema, createBody('spec.eniNetwork.subnets', [{}]))).toContain('subnetID is required');
  });

  it('checks the service CIDR and the Kubernetes version format', () => {
    for (const cidr of ['10.247.0.0', '10.247.0.0/33', '300.1.0.0/16', 'fd00::/64']) {
      expect(messages(createClusterBodySchema, createBody('spec.serviceNetwork.IPv4CIDR', cidr)), cidr).toContain(
        'Must be an IPv4 CIDR block such as 10.247.0.0/16',
      );
    }
    expect(messages(createClusterBodySchema, createBody('spec.kubernetesSvcIpRange', '172.16.0.0/16'))).toEqual([]);
    expect(messages(createClusterBodySchema, createBody('spec.version', '1.28'))).toContain('version must look like v1.28');
    expect(messages(createClusterBodySchema, createBody('spec.version', 'v1.27.3-r0'))).toEqual([]);
  });

  it('limits the description to 200 characters without the forbidden characters', () => {
    expect(messages(createClusterBodySchema, createBody('spec.description', 'x'.repeat(200)))).toEqual([]);
    expect(messages(createClusterBodySchema, createBody('spec.description', 'x'.repeat(201)))).toContain('Description must be at most 200 characters');
    expect(messages(createClusterBodySchema, createBody('spec.description', '测试集群 for team-a (prod)'))).not.toEqual([]);
    expect(messages(createClusterBodySchema, createBody('spec.description', '测试集群 for team-a, prod: 2024'))).toEqual([]);
  });

  it('limits cluster tags to 20 with the documented key rules', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    expect(messages(createClusterBodySchema, createBody('spec.clusterTags', tags(20)))).toEqual([]);
    expect(messages(createClusterBodySchema, createBody('spec.clusterTags', tags(21)))).toContain('A cluster supports at most 20 resource tags');
    expect(messages(createClusterBodySchema, createBody('spec.clusterTags', [{ key: '_sys_owner', value: 'x' }]))).toContain(
      'Tag key must not start with _sys_',
    );
  });

  it('requires the add-on install annotation to be a JSON array of add-ons', () => {
    const withAnnotation = (value: string) => createBody('metadata.annotations', { [CLUSTER_INSTALL_ADDONS_ANNOTATION]: value });
    expect(messages(createClusterBodySchema, withAnnotation('[{"addonTemplateName":"coredns","values":{}}]'))).toEqual([]);
    expect(messages(createClusterBodySchema, withAnnotation('[{\\"addonTemplateName\\":'))[0]).toMatch(/must be a JSON array/);
    expect(messages(createClusterBodySchema, withAnnotation('{"addonTemplateName":"coredns"}'))[0]).toMatch(/must be a JSON array/);
    const parsed = createClusterBodySchema.parse(createBody());
    expect(parseInstallAddonsAnnotation(parsed.metadata.annotations)?.map((a) => a.addonTemplateName)).toEqual(['coredns', 'metrics-server']);
  });
});

describe('updateClusterBodySchema', () => {
  it('accepts the reference example and an alias change', () => {
    expect(messages(updateClusterBodySchema, example('UpdateAutopilotCluster.request.json'))).toEqual([]);
    expect(messages(updateClusterBodySchema, { spec: {}, metadata: { alias: 'new-alias' } })).toEqual([]);
    expect(messages(updateClusterBodySchema, { spec: { eniNetwork: { subnets: [{ subnetID: 'a' }, { subnetID: 'b' }] } } })).toEqual([]);
  });

  it('requires spec and enforces the description and alias rules', () => {
    expect(messages(updateClusterBodySchema, { metadata: { alias: 'new-alias' } })).toContain('spec is required');
    expect(messages(updateClusterBodySchema, { spec: { description: 'a'.repeat(201) } })).toContain('Description must be at most 200 characters');
    for (const c of ['~', '$', '%', '^', '&', '*', '<', '>', '[', ']', '{', '}', '(', ')', "'", '"', '#', '\\']) {
      expect(messages(updateClusterBodySchema, { spec: { description: `cost ${c} 5` } }), c).toEqual([
        'Description must not contain any of ~ $ % ^ & * < > [ ] { } ( ) \' " # \\',
      ]);
    }
    expect(messages(updateClusterBodySchema, { spec: {}, metadata: { alias: 'UPPER' } })).toContain('Cluster alias must start with a lowercase letter');
    expect(messages(updateClusterBodySchema, { spec: { customSan: ['10.0.0.1', '10.0.0.1'] } })).toContain('SANs must not contain duplicates');
    expect(messages(updateClusterBodySchema, { spec: { customSan: ['not a host!'] } })).toContain('Each SAN must be an IP address or a domain name');
  });
});

describe('deleteClusterQuerySchema', () => {
  it('accepts every documented value and rejects others', () => {
    for (const v of ['true', 'block', 'try', 'false', 'skip']) {
      expect(messages(deleteClusterQuerySchema, { delete_efs: v, delete_eni: v, delete_net: v, delete_obs: v, delete_sfs30: v }), v).toEqual([]);
    }
    expect(messages(deleteClusterQuerySchema, { delete_obs: 'yes' })).toEqual(['must be one of true, block, try, false, skip']);
    expect(messages(deleteClusterQuerySchema, { lts_reclaim_policy: 'Retain' })).toEqual([]);
    expect(messages(deleteClusterQuerySchema, { lts_reclaim_policy: 'retain' })).not.toEqual([]);
  });

  it('does not fill in defaults, and resolves them for the simulator as documented', () => {
    expect(deleteClusterQuerySchema.parse({})).toEqual({});
    expect(resolveDeleteOptions({})).toEqual({
      delete_efs: 'skip',
      delete_eni: 'block',
      delete_net: 'block',
      delete_obs: 'skip',
      delete_sfs30: 'skip',
      lts_reclaim_policy: 'Delete_Master_Log_Stream',
    });
    expect(DELETE_OPTION_DEFAULTS.lts_reclaim_policy).toBe('Delete_Master_Log_Stream');
    const chosen = resolveDeleteOptions({ delete_efs: 'true', delete_eni: 'false', delete_obs: 'try', lts_reclaim_policy: 'Retain' });
    expect(chosen).toMatchObject({ delete_efs: 'block', delete_eni: 'skip', delete_obs: 'try', delete_net: 'block', lts_reclaim_policy: 'Retain' });
  });
});

describe('listClustersQuerySchema', () => {
  it('filters by the documented phases, type and version only', () => {
    expect(messages(listClustersQuerySchema, { status: 'Available', type: 'VirtualMachine', version: 'v1.28', detail: 'true' })).toEqual([]);
    expect(messages(listClustersQuerySchema, { status: 'available' })[0]).toMatch(/^status must be one of Available, Unavailable/);
    expect(messages(listClustersQuerySchema, { type: 'BareMetal' })).toEqual(['type must be "VirtualMachine"']);
    expect(messages(listClustersQuerySchema, { detail: 'yes' })).toEqual(['detail must be "true" or "false"']);
  });
});

describe('masterEipRequestSchema', () => {
  it('accepts the bind example and a bare unbind', () => {
    expect(messages(masterEipRequestSchema, example('UpdateAutopilotClusterEip.request.json'))).toEqual([]);
    expect(messages(masterEipRequestSchema, { spec: { action: 'unbind' } })).toEqual([]);
  });

  it('requires the action and, for bind, the EIP id', () => {
    expect(messages(masterEipRequestSchema, { spec: { action: 'attach' } })).toEqual(['action must be "bind" or "unbind"']);
    expect(messages(masterEipRequestSchema, { spec: {} })).toEqual(['action must be "bind" or "unbind"']);
    expect(messages(masterEipRequestSchema, {})).toEqual(['spec is required']);
    const noId = masterEipRequestSchema.safeParse({ spec: { action: 'bind' } });
    expect(noId.success).toBe(false);
    expect(noId.error?.issues[0]).toMatchObject({ path: ['spec', 'spec', 'id'], message: 'The ID of the EIP to bind (spec.spec.id) is required for bind' });
  });
});

describe('cluster responses', () => {
  it('keep unknown fields and unknown phases, so a newer cloud never breaks a page', () => {
    const cluster = clusterSchema.parse({
      metadata: { name: 'c', uid: 'u', futureField: 1 },
      spec: { flavor: 'cce.autopilot.cluster.v2', eniNetwork: { eniSubnetId: 'x', subnets: null } },
      status: { phase: 'Migrating', endpoints: null },
    });
    expect(cluster.status?.phase).toBe('Migrating');
    expect(cluster.metadata).toMatchObject({ futureField: 1 });
    expect(cluster.spec?.eniNetwork?.subnets).toBeUndefined();
    expect(clusterListSchema.parse({ kind: 'Cluster', apiVersion: 'v3', items: null }).items).toEqual([]);
  });

  it('read the service CIDR under either printed spelling', () => {
    const created = clusterSchema.parse(example('CreateAutopilotCluster.response.json'));
    expect(serviceCidrOf(created)).toBe('10.247.0.0/16');
    expect(serviceCidrOf(clusterSchema.parse({ metadata: {}, spec: { kubernetesSvclpRange: '172.16.0.0/16' } }))).toBe('172.16.0.0/16');
  });

  it("name one internal API-server address: the cluster's Internal endpoint, the access address's private one only without it", () => {
    const cluster = clusterSchema.parse(example('ShowAutopilotCluster.response.json'));
    const access = clusterEndpointsSchema.parse(example('ShowAutopilotClusterEndpoints.response.json'));
    const internal = 'https://087dc72a-1ff6-11ef-af74-0255ac10010b.cluster.cce.cn-north-7.myhuaweicloud.com:5443';
    expect(apiServerAddresses(cluster)).toEqual({ internal, public: undefined });
    // The access-address example names https://192.168.3.238:5443 and no EIP (publicEndpoint "").
    expect(apiServerAddresses(cluster, access)).toEqual({ internal, public: undefined });
    const bare = clusterSchema.parse({ metadata: {}, status: { phase: 'Available', endpoints: [{ url: 'https://8.8.8.8:5443', type: 'External' }] } });
    expect(apiServerAddresses(bare)).toEqual({ internal: undefined, public: 'https://8.8.8.8:5443' });
    expect(apiServerAddresses(bare, access)).toEqual({ internal: 'https://192.168.3.238:5443', public: undefined });
  });

  it('carry the deletion job and options of the delete response', () => {
    const deleted = clusterSchema.parse(example('DeleteAutopilotCluster.response.json'));
    expect(deleted.status?.jobID).toBe('ba0c981e-2275-11ef-b73b-0255ac100103');
    expect(deleted.status?.deleteOption).toEqual({ delete_eni: 'delete-block', delete_net: 'delete-block' });
  });
});

describe('clusterErrorCodes', () => {
  it('uses only codes of the reference table, with the statuses the simulator must send', () => {
    for (const code of Object.values(clusterErrorCodes)) expect(CCE_ERROR_CODES[code], code).toBeDefined();
    expect(CCE_ERROR_CODES[clusterErrorCodes.notFound].status).toBe(404);
    expect(CCE_ERROR_CODES[clusterErrorCodes.alreadyExists].status).toBe(409);
    expect(CCE_ERROR_CODES[clusterErrorCodes.clusterQuotaExceeded]).toMatchObject({ status: 400, message: 'Insufficient cluster quota.' });
    expect(CCE_ERROR_CODES[clusterErrorCodes.locked].status).toBe(429);
  });
});
