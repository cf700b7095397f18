import { defineMessages } from '../../shared/i18n/i18n.ts';

/** The add-ons area. English; Simplified Chinese in `addons-messages-zh-cn.ts`. */
export const addonsMessages = {
  'addons.title': 'Add-ons',
  'addons.description':
    'Browse the add-on templates with the Kubernetes versions each one supports, and install, configure, upgrade, roll back or remove the add-ons of a cluster.',
  'addonsPage.cluster': 'Cluster',
  'addonsPage.clusterPlaceholder': 'Choose a cluster',
  'addonsPage.clusterHelp': 'Shows which add-ons are installed there and which versions fit its Kubernetes version.',
  'addonsPage.clustersFailed': 'The clusters could not be loaded.',
  'addonsPage.catalogue': 'Add-on catalogue',
  'addonsPage.catalogueFailed': 'The add-on catalogue could not be loaded.',
  'addonsPage.column.category': 'Category',
  'addonsPage.column.versions': 'Versions',
  'addonsPage.column.inCluster': 'In {cluster}',
  'addonsPage.column.compatible': 'Versions for Kubernetes {version}',
  'addonsPage.notInstalled': 'Not installed',
  'addonsPage.noneCompatible': 'None',
  'addonsPage.newest': 'Newest for this cluster: {version}',
  'addonsPage.install': 'Install {addon}',
  'addonsPage.chooseCluster': 'Choose a cluster to see and manage its add-ons.',
};

defineMessages(addonsMessages, { 'zh-CN': async () => (await import('./addons-messages-zh-cn.ts')).zhCN });

declare module '../../shared/i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof addonsMessages, string> {}
}
