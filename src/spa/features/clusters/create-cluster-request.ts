import { CLUSTER_INSTALL_ADDONS_ANNOTATION, createClusterBodySchema, type Cluster, type CreateClusterBody } from '../../../contract/clusters.ts';
import type { ApiError } from '../../shared/api/api-error.ts';
import { apiErrorToFieldErrors, issuesToFieldErrors, type FieldErrors } from '../../shared/forms/field-errors.ts';
import { localizeValidationMessage } from '../../shared/forms/validation-messages.ts';

/** What the operator fills in; the request is derived from it, so nothing typed is lost between steps. */
export interface CreateClusterForm {
  name: string;
  alias: string;
  description: string;
  version: string;
  vpc: string;
  subnet: string;
  /** IPv4 subnet IDs (`subnetID`) for the container ENIs. */
  eniSubnets: string[];
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

/**
 * The one flavor the reference documents for add-ons installed at creation (§4.7): no API in this
 * product lists others before a cluster exists, so the wizard shows this flavor rather than inventing more.
 */
// AMBIG (digest §4.7, §9 item 12): the samples disagree on where the flavor fields sit; chose the
// Python/Go SDK shape (everything inside `values.flavor`, `category: ["Autopilot"]`).
export const ADDON_FLAVOR = { name: 'autopilot-flavor1', replicas: 2, limitsCpu: 1, limitsMem: '2Gi', requestsCpu: 1, requestsMem: '2Gi' } as const;

function addonEntry(name: string) {
  const { limitsCpu, limitsMem, requestsCpu, requestsMem } = ADDON_FLAVOR;
  return {
    addonTemplateName: name,
    values: {
      flavor: {
        name: ADDON_FLAVOR.name,
        replicas: ADDON_FLAVOR.replicas,
        is_default: true,
        category: ['Autopilot'],
        resources: [{ name, limitsCpu, limitsMem, requestsCpu, requestsMem }],
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
  const eniSubnets = form.eniSubnets.map((id) => id.trim()).filter(Boolean);
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

/** `spec.clusterTags.3.key` → "Tag on line 4: …", so the operator finds the line in the textarea. */
function tagIssueMessage(path: readonly PropertyKey[], message: string): string {
  const index = path[2];
  return typeof index === 'number' ? localizeValidationMessage(`Line ${index + 1}: ${message}`) : message;
}

type FormErrors = FieldErrors<keyof CreateClusterForm>;

/** Errors of the contract's own validation, on the form's fields. */
export function validateCreateForm(form: CreateClusterForm): FormErrors {
  const result = createClusterBodySchema.safeParse(buildCreateRequest(form));
  const errors: FormErrors = result.success
    ? {}
    : issuesToFieldErrors(result.error.issues, fieldOfPath, (field, issue) => (field === 'tags' ? tagIssueMessage(issue.path, issue.message) : issue.message));
  if (!form.vpc.trim()) errors.vpc = localizeValidationMessage('Enter the VPC ID.');
  if (!form.subnet.trim()) errors.subnet = localizeValidationMessage('Enter the subnet ID.');
  return errors;
}

/** The errors of the fields shown on one wizard step. */
export function errorsOfStep(errors: FormErrors, step: number): FormErrors {
  const fields = STEP_FIELDS[step] ?? [];
  return Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field as keyof CreateClusterForm)));
}

/** The first wizard step holding one of these errors; -1 when none does. */
export function firstStepWithError(errors: FormErrors): number {
  return STEP_FIELDS.findIndex((fields) => fields.some((field) => errors[field]));
}

/**
 * Where a refusal from the API belongs (see `apiErrorToFieldErrors`); when neither the BFF's field
 * errors nor a request path before the message name the field, the documented code does:
 * 409 CCE.01409001 duplicate name (or alias), CCE.01400002 subnet not in the VPC, CCE.01400015
 * unsupported version, CCE.01400005 CIDR conflict. Quota (CCE.01400007) and anything else concern
 * no field: `{}`, and the page shows them whole.
 */
export function apiErrorToFormErrors(error: ApiError): FormErrors {
  return apiErrorToFieldErrors(error, fieldOfPath, fieldOfCode);
}

function fieldOfCode(error: ApiError): keyof CreateClusterForm | undefined {
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

/** Whether the project already has a cluster of this name (names are unique per project: CCE.01409001). */
export function isNameTaken(clusters: readonly Cluster[], name: string): boolean {
  const wanted = name.trim();
  return wanted !== '' && clusters.some((c) => c.metadata.name === wanted);
}

/** True when the project has no room for another cluster (CCE.01400007 "Insufficient cluster quota."). */
export function isClusterQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'CCE.01400007';
}

interface NetworkSuggestions {
  vpcs: string[];
  /** Host subnet network IDs used in the chosen VPC. */
  hostSubnets: string[];
  /** ENI subnet IDs used in the chosen VPC. */
  eniSubnets: string[];
}

/**
 * Suggestions for the network step from the clusters the project already has, when the VPC
 * service's look-ups are refused or fail and the operator types IDs. The operator may type any other
 * ID; the create call checks it.
 */
export function networkSuggestions(clusters: readonly Cluster[], vpc: string): NetworkSuggestions {
  const vpcs = new Set<string>();
  const hostSubnets = new Set<string>();
  const eniSubnets = new Set<string>();
  for (const cluster of clusters) {
    const clusterVpc = cluster.spec?.hostNetwork?.vpc;
    if (!clusterVpc) continue;
    vpcs.add(clusterVpc);
    if (clusterVpc !== vpc.trim()) continue;
    if (cluster.spec?.hostNetwork?.subnet) hostSubnets.add(cluster.spec.hostNetwork.subnet);
    for (const subnet of cluster.spec?.eniNetwork?.subnets ?? []) if (subnet.subnetID) eniSubnets.add(subnet.subnetID);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { vpcs: sorted(vpcs), hostSubnets: sorted(hostSubnets), eniSubnets: sorted(eniSubnets) };
}
