import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The create-cluster wizard and the progress of a creation. English; Simplified Chinese in `create-cluster-messages-zh-cn.ts`. */
export const createClusterMessages = {
  'clusterCreate.title': 'Create a cluster',
  'clusterCreate.description':
    'A serverless CCE Autopilot cluster: no nodes to manage. Each step is checked before the next; the last step shows the exact request.',
  'clusterCreate.step.basics': 'Basics',
  'clusterCreate.step.network': 'Network',
  'clusterCreate.step.options': 'Options',
  'clusterCreate.step.review': 'Review',
  'clusterCreate.name': 'Cluster name',
  'clusterCreate.nameRule': '4–128 characters: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen.',
  'clusterCreate.alias': 'Alias',
  'clusterCreate.aliasRule': 'Same rules as the name; leave empty to use the name.',
  'clusterCreate.version': 'Kubernetes version',
  'clusterCreate.vpc': 'VPC ID',
  'clusterCreate.vpcHint': 'The VPC the control plane and containers live in (from the VPC console); VPCs of your existing clusters are suggested.',
  'clusterCreate.subnet': 'Host subnet ID',
  'clusterCreate.subnetHint': 'The network ID of a subnet of that VPC; host subnets other clusters use in it are suggested.',
  'clusterCreate.eniSubnets': 'ENI subnet IDs',
  'clusterCreate.eniSubnetsHint': 'IPv4 subnet IDs for container ENIs, subnets of the same VPC; press Enter after each.',
  'clusterCreate.serviceCidr': 'Service CIDR',
  'clusterCreate.serviceCidrHint': 'Cannot be changed later. A private block with a mask of /12 to /20 that does not overlap the VPC; default 10.247.0.0/16.',
  'clusterCreate.snat': 'Internet access (SNAT)',
  'clusterCreate.snatHint': 'Creates a NAT gateway if the VPC has none.',
  'clusterCreate.swr': 'SWR image access',
  'clusterCreate.swrHint': 'Pull images from SWR through VPC endpoints (created if missing).',
  'clusterCreate.enterpriseHint': 'Optional; "0" is the default enterprise project.',
  'clusterCreate.tags': 'Tags',
  'clusterCreate.tagsHint': 'One key=value per line; at most 20.',
  'clusterCreate.addons': 'Add-ons to install at creation',
  'clusterCreate.addonsHint': 'Installed through the cluster.install.addons/install annotation with the flavor shown.',
  'clusterCreate.reviewIntro': 'This is the request the console will send. Nothing has been created yet.',
  'clusterCreate.requestLabel': 'Create cluster request',
  'clusterCreate.failed': 'The cluster could not be created',
  'clusterCreate.back': 'Back',
  'clusterCreate.draftRestored':
    'The values you entered earlier are back. They are kept in this browser tab until the cluster is created, you start over, or you sign out.',
  'clusterCreate.startOver': 'Start over',
  'clusterCreate.next': 'Next',
  'clusterCreate.creatingTitle': 'Creating {name}',
  'clusterCreate.jobTitle': 'Creation job',
  'clusterCreate.ready': 'The cluster is ready.',
  'clusterCreate.openCluster': 'Open the cluster',
  'clusterCreate.versionHint': 'The Kubernetes versions new Autopilot clusters can run.',
  'clusterCreate.networkIntro':
    'CCE Autopilot has no API to list VPCs and subnets: type the IDs from the VPC console. The suggestions come from the clusters this project already has.',
  'clusterCreate.addonFlavor': 'Flavor {flavor}: {replicas} replicas, {cpu} CPU and {memory} memory each',
  'clusterCreate.quotaFailed': 'The cluster could not be created: the cluster quota is used up',
  'clusterCreate.quotaHint': 'Delete a cluster you no longer need, or ask for a higher quota with a service ticket.',
  'clusterCreate.openQuotas': 'See the quotas',
  'clusterCreate.creationFailed': '{name} could not be created',
  'clusterCreate.noReason': 'The cloud gave no reason.',
};

defineMessages(createClusterMessages, { 'zh-CN': async () => (await import('./create-cluster-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof createClusterMessages, string> {}
}
