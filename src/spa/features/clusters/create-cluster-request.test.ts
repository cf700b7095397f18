import { describe, expect, it } from 'vitest';
import { CLUSTER_INSTALL_ADDONS_ANNOTATION, createClusterBodySchema, type Cluster } from '../../../contract/clusters.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import {
  apiErrorToFormErrors,
  buildCreateRequest,
  errorsOfStep,
  firstStepWithError,
  isNameTaken,
  networkSuggestions,
  parseTags,
  validateCreateForm,
  type CreateClusterForm,
} from './create-cluster-request.ts';

/** A cluster as the list returns it, with what these functions read: its name and network. */
function cluster(name: string, vpc: string, subnet: string, eni: string): Cluster {
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: { name },
    spec: { hostNetwork: { vpc, subnet }, eniNetwork: { subnets: [{ subnetID: eni }] } },
  } as Cluster;
}

const form: CreateClusterForm = {
  name: 'payments-prod',
  alias: '',
  description: 'Payments',
  version: 'v1.28',
  vpc: 'vpc-1',
  subnet: 'subnet-1',
  eniSubnets: ['eni-a', ' eni-b '],
  serviceCidr: '10.247.0.0/16',
  enableSnat: true,
  enableSwr: false,
  enterpriseProjectId: '',
  tags: 'team=payments\nowner',
  addons: ['coredns'],
};

describe('create-cluster request', () => {
  it('builds a body the contract accepts, with add-ons in the install annotation', () => {
    const body = buildCreateRequest(form);
    expect(createClusterBodySchema.safeParse(body).success).toBe(true);
    expect(body.spec.eniNetwork?.subnets).toEqual([{ subnetID: 'eni-a' }, { subnetID: 'eni-b' }]);
    expect(JSON.parse(body.metadata.annotations![CLUSTER_INSTALL_ADDONS_ANNOTATION]!)).toEqual([expect.objectContaining({ addonTemplateName: 'coredns' })]);
    expect(body.spec.clusterTags).toEqual([
      { key: 'team', value: 'payments' },
      { key: 'owner', value: '' },
    ]);
  });

  it("puts the contract's refusals on the fields that caused them", () => {
    const errors = validateCreateForm({ ...form, name: 'Bad_Name-', serviceCidr: '10.247.0.0/33', description: 'has a $ sign', vpc: '' });
    expect(errors.name).toMatch(/lowercase letter/);
    expect(errors.serviceCidr).toBeTruthy();
    expect(errors.description).toMatch(/must not contain/);
    expect(errors.vpc).toBeTruthy();
    expect(validateCreateForm(form)).toEqual({});
  });

  it('reads tags line by line', () => {
    expect(parseTags(' a = b \n\nc')).toEqual([
      { key: 'a', value: 'b' },
      { key: 'c', value: '' },
    ]);
  });

  it('maps documented API refusals to fields, and leaves the quota form-level', () => {
    const api = (code: string, message: string) => new ApiError({ status: 400, code, message });
    expect(apiErrorToFormErrors(api('CCE.01409001', 'Cluster name already exists.'))).toEqual({ name: 'Cluster name already exists.' });
    expect(apiErrorToFormErrors(api('CCE.01409001', 'The alias is in use.'))).toEqual({ alias: 'The alias is in use.' });
    expect(apiErrorToFormErrors(api('CCE.01400002', 'Subnet does not belong to the VPC.'))).toEqual({ subnet: 'Subnet does not belong to the VPC.' });
    expect(apiErrorToFormErrors(api('CCE.01400015', 'Version not supported.'))).toEqual({ version: 'Version not supported.' });
    expect(apiErrorToFormErrors(api('CCE.01400001', 'spec.eniNetwork.subnets[0].subnetID: duplicate subnet x.'))).toEqual({
      eniSubnets: 'duplicate subnet x.',
    });
    expect(apiErrorToFormErrors(api('CCE.01400007', 'The project has 12 of 12 clusters.'))).toEqual({});
  });

  it('numbers the tag line a rule refuses, and sorts errors by wizard step', () => {
    const errors = validateCreateForm({ ...form, name: 'x', tags: 'team=payments\n_sys_owner=me' });
    expect(errors.tags).toMatch(/^Line 2: .*_sys_/);
    expect(firstStepWithError(errors)).toBe(0);
    expect(errorsOfStep(errors, 2)).toEqual({ tags: errors.tags });
    expect(errorsOfStep(errors, 1)).toEqual({});
  });

  it("puts the BFF's field errors on the form and leaves the quota without a field", () => {
    const bff = new ApiError({
      status: 400,
      code: 'BFF.BAD_REQUEST',
      message: 'Invalid request.',
      fields: [{ path: 'body.spec.serviceNetwork.IPv4CIDR', message: 'Must be an IPv4 CIDR block' }],
    });
    expect(apiErrorToFormErrors(bff)).toEqual({ serviceCidr: 'Must be an IPv4 CIDR block' });
    expect(apiErrorToFormErrors(new ApiError({ status: 400, code: 'CCE.01400007', message: 'Insufficient cluster quota.' }))).toEqual({});
  });

  it('suggests the VPCs of existing clusters, and the subnets used in the chosen VPC', () => {
    const clusters = [cluster('a', 'vpc-1', 'net-1', 'eni-1'), cluster('b', 'vpc-2', 'net-2', 'eni-2'), cluster('c', 'vpc-1', 'net-1', 'eni-3')];
    expect(networkSuggestions(clusters, 'vpc-1')).toEqual({ vpcs: ['vpc-1', 'vpc-2'], hostSubnets: ['net-1'], eniSubnets: ['eni-1', 'eni-3'] });
    expect(networkSuggestions(clusters, '')).toEqual({ vpcs: ['vpc-1', 'vpc-2'], hostSubnets: [], eniSubnets: [] });
  });

  it('finds a name the project already uses, ignoring surrounding spaces', () => {
    const clusters = [cluster('prod-payments', 'vpc-1', 'net-1', 'eni-1')];
    expect(isNameTaken(clusters, ' prod-payments ')).toBe(true);
    expect(isNameTaken(clusters, 'prod-payment')).toBe(false);
    expect(isNameTaken(clusters, '')).toBe(false);
  });
});
