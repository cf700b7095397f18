import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The cluster list (the console's first page) and what other cluster pages share with it. English; Simplified Chinese in `clusters-messages-zh-cn.ts`. */
export const clustersMessages = {
  'clusters.title': 'Clusters',
  'clusters.subtitle': 'Every CCE Autopilot cluster in project {projectId}, region {region}.',
  'clusters.tableLabel': 'Clusters',
  'clusters.count.one': '{count} cluster',
  'clusters.count.other': '{count} clusters',
  'clusters.polling': 'Updating every 5 seconds while a cluster is changing.',
  'clusters.refresh': 'Refresh',
  'clusters.byStatus': 'Clusters by status',
  'clusters.byStatusAll': 'All {count}',
  'clusters.byStatusPhase': '{label} {count}',
  'clusters.column.name': 'Name',
  'clusters.column.status': 'Status',
  'clusters.column.version': 'Kubernetes version',
  'clusters.column.created': 'Created',
  'clusters.alias': 'Alias: {alias}',
  'clusters.noValue': 'Not reported',
  'clusters.loading': 'Loading clusters…',
  'clusters.loadFailed': 'Could not load the clusters',
  'clusters.contextFailed': 'Could not find out which project to show',
  'clusters.empty.title': 'No clusters in this project',
  'clusters.empty.description':
    'Clusters of project {projectId} in region {region} appear here as soon as they exist. Operators create one with Create cluster.',
  'clusters.create': 'Create cluster',
  'clusters.matching': '{matching} of {total} clusters',
  'clusters.search': 'Search clusters',
  'clusters.searchPlaceholder': 'Name, alias or ID',
  'clusters.filter.status': 'Status',
  'clusters.filter.version': 'Kubernetes version',
  'clusters.filter.any': 'Any',
  'clusters.pageSize': 'Rows per page',
  'clusters.noMatch': 'No cluster matches this search and these filters.',
  'clusters.pageOf': 'Page {page} of {pages}',
  'clusters.pagination.next': 'Next page',
  'clusters.pagination.previous': 'Previous page',
  'clusters.pagination.first': 'First page',
  'clusters.pagination.last': 'Last page',
  'clusters.pagination.page': 'Page {page}',
  'clusters.sortBy': 'Sort by {column}',
  'clusters.column.publicEndpoint': 'Public endpoint',
  'clusters.column.tags': 'Tags',
  'clusters.column.actions': 'Actions',
  'clusters.upgradeAvailable': 'Upgrade available',
  'clusters.upgradeTargets': 'Can be upgraded to {versions}',
  'clusters.actionsFor': 'Actions for {name}',
  'clusters.action.open': 'Open',
  'clusters.action.upgrade': 'Upgrade cluster',
  'clusters.action.delete': 'Delete cluster…',
  'clusterDelete.button': 'Delete cluster {name}',
  'clusterDelete.buttonShort': 'Delete',
};

defineMessages(clustersMessages, { 'zh-CN': async () => (await import('./clusters-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof clustersMessages, string> {}
}
