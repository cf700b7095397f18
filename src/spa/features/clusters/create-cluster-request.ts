import { CLUSTER_INSTALL_ADDONS_ANNOTATION, createClusterBodySchema, type CreateClusterBody } from '../../../contract/clusters.ts';
import type { ApiError } from '../../shared/api/api-error.ts';

/** What the operator fills in; the request is derived from it, so nothing typed is lost between steps. */
export interface CreateClusterForm {
  name: string;
  alias: string;
  description: string;
  version: string;
  vpc: string;
  subnet: string;
  eniSubnets: string;
  serviceCidr: string;
  enableSnat: boolean;
  enableSwr: boolean;
  enterpriseProjectId: string;
  tags: string;
  addons: string[];
}

export const DEFAULT_SERVICE_CIDR = '10.247.0.0/16';

/** Add-ons the reference's examples install at creation, with the flavor its SDK samples use. */
export const INSTALLABLE_ADDONS = ['coredns', 'metrics-server'] as const;

function addonEntry(name: string) {
  return {
    addonTemplateName: name,
    values: {
      flavor: {
        name: 'autopilot-flavor1',
        replicas: 2,
        is_default: true,
        category: ['Autopilot'],
        resources: [{ name, limitsCpu: 1, limitsMem: '2Gi', requestsCpu: 1, requestsMem: '2Gi' }],
      },
    },
  };
}

/** `key=value` per line (or `key` alone); blank lines ignored. */
export function parseTags(text: string): { key: string; value: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      return at === -1 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    });
}

/** The exact body sent to `CreateAutopilotCluster` (shown on the review step). */
export function buildCreateRequest(form: CreateClusterForm): CreateClusterBody {
  const eniSubnets = form.eniSubnets.split(/\s+/).filter(Boolean);
  const tags = parseTags(form.tags);
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: {
      name: form.name.trim(),
      ...(form.alias.trim() ? { alias: form.alias.trim() } : {}),
      ...(form.addons.length > 0 ? { annotations: { [CLUSTER_INSTALL_ADDONS_ANNOTATION]: JSON.stringify(form.addons.map(addonEntry)) } } : {}),
    },
    spec: {
      category: 'Turbo',
      type: 'VirtualMachine',
      flavor: 'cce.autopilot.cluster',
      version: form.version,
      ...(form.description ? { description: form.description } : {}),
      hostNetwork: { vpc: form.vpc.trim(), subnet: form.subnet.trim() },
      containerNetwork: { mode: 'eni' },
      ...(eniSubnets.length > 0 ? { eniNetwork: { subnets: eniSubnets.map((subnetID) => ({ subnetID })) } } : {}),
      serviceNetwork: { IPv4CIDR: form.serviceCidr.trim() },
      enableSnat: form.enableSnat,
      enableSWRImageAccess: form.enableSwr,
      ...(form.enterpriseProjectId.trim() ? { extendParam: { enterpriseProjectId: form.enterpriseProjectId.trim() } } : {}),
      ...(tags.length > 0 ? { clusterTags: tags } : {}),
    },
  } as CreateClusterBody;
}

/** Form fields per wizard step, to jump to the step holding an error. */
export const STEP_FIELDS: readonly (readonly (keyof CreateClusterForm)[])[] = [
  ['name', 'alias', 'description', 'version'],
  ['vpc', 'subnet', 'eniSubnets', 'serviceCidr', 'enableSnat', 'enableSwr'],
  ['enterpriseProjectId', 'tags', 'addons'],
];

/** Request path (as zod reports it) → the form field that produced it. */
function fieldOfPath(path: string): keyof CreateClusterForm | undefined {
  if (path.startsWith('metadata.name')) return 'name';
  if (path.startsWith('metadata.alias')) return 'alias';
  if (path.startsWith('metadata.annotations')) return 'addons';
  if (path.startsWith('spec.description')) return 'description';
  if (path.startsWith('spec.version')) return 'version';
  if (path.startsWith('spec.hostNetwork.vpc')) return 'vpc';
  if (path.startsWith('spec.hostNetwork.subnet') || path === 'spec.hostNetwork') return 'subnet';
  if (path.startsWith('spec.eniNetwork')) return 'eniSubnets';
  if (path.startsWith('spec.serviceNetwork') || path.startsWith('spec.kubernetesSvcIpRange')) return 'serviceCidr';
  if (path.startsWith('spec.extendParam')) return 'enterpriseProjectId';
  if (path.startsWith('spec.clusterTags')) return 'tags';
  return undefined;
}

export type FormErrors = Partial<Record<keyof CreateClusterForm, string>>;

/** Errors of the contract's own validation, on the form's fields. */
export function validateCreateForm(form: CreateClusterForm): FormErrors {
  const result = createClusterBodySchema.safeParse(buildCreateRequest(form));
  const errors: FormErrors = {};
  if (!form.vpc.trim()) errors.vpc = 'Enter the VPC ID.';
  if (!form.subnet.trim()) errors.subnet = 'Enter the subnet ID.';
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = fieldOfPath(issue.path.join('.'));
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * Where a refusal from the API belongs: its documented code names the field (duplicate name, subnet
 * outside the VPC, unsupported version, CIDR overlap); a message that starts with a request path
 * (`spec.hostNetwork.subnet: …`, as the simulator writes them) refines it. Quota and anything else
 * stay form-level.
 */
export function fieldOfApiError(error: ApiError): keyof CreateClusterForm | undefined {
  const prefixed = /^([a-zA-Z.[\]0-9"/-]+):/.exec(error.message)?.[1];
  const fromMessage = prefixed ? fieldOfPath(prefixed) : undefined;
  if (fromMessage) return fromMessage;
  switch (error.code) {
    case 'CCE.01409001':
      return /alias/i.test(error.message) ? 'alias' : 'name';
    case 'CCE.01400002':
      return /eni/i.test(error.message) ? 'eniSubnets' : 'subnet';
    case 'CCE.01400015':
      return 'version';
    case 'CCE.01400005':
      return 'serviceCidr';
    default:
      return undefined;
  }
}
