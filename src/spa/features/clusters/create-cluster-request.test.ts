import { describe, expect, it } from 'vitest';
import { CLUSTER_INSTALL_ADDONS_ANNOTATION, createClusterBodySchema } from '../../../contract/clusters.ts';
import { ApiError } from '../../shared/api/api-error.ts';
import { buildCreateRequest, fieldOfApiError, parseTags, validateCreateForm, type CreateClusterForm } from './create-cluster-request.ts';

const form: CreateClusterForm = {
  name: 'payments-prod',
  alias: '',
  description: 'Payments',
  version: 'v1.28',
  vpc: 'vpc-1',
  subnet: 'subnet-1',
  eniSubnets: 'eni-a\neni-b',
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

  it('puts the contract\'s refusals on the fields that caused them', () => {
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
    expect(fieldOfApiError(api('CCE.01409001', 'Cluster name already exists.'))).toBe('name');
    expect(fieldOfApiError(api('CCE.01409001', 'The alias is in use.'))).toBe('alias');
    expect(fieldOfApiError(api('CCE.01400002', 'Subnet does not belong to the VPC.'))).toBe('subnet');
    expect(fieldOfApiError(api('CCE.01400015', 'Version not supported.'))).toBe('version');
    expect(fieldOfApiError(api('CCE.01400001', 'spec.eniNetwork.subnets[0].subnetID: duplicate subnet x.'))).toBe('eniSubnets');
    expect(fieldOfApiError(api('CCE.01400007', 'The project has 12 of 12 clusters.'))).toBeUndefined();
  });
});
