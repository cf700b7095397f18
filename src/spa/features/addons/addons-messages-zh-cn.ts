import type { addonsMessages } from './addons-messages.ts';

/** Simplified Chinese of `addons-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof addonsMessages, string> = {
  'addons.title': '插件',
  'addons.description': '浏览插件模板及其支持的 Kubernetes 版本，并为集群安装、配置、升级、回滚或卸载插件。',
  'addonsPage.cluster': '集群',
  'addonsPage.clusterPlaceholder': '选择集群',
  'addonsPage.clusterHelp': '显示该集群已安装的插件，以及哪些版本适配其 Kubernetes 版本。',
  'addonsPage.clustersFailed': '无法加载集群列表。',
  'addonsPage.catalogue': '插件目录',
  'addonsPage.catalogueFailed': '无法加载插件目录。',
  'addonsPage.column.category': '类别',
  'addonsPage.column.versions': '版本',
  'addonsPage.column.inCluster': '在 {cluster} 中',
  'addonsPage.column.compatible': '适配 Kubernetes {version} 的版本',
  'addonsPage.notInstalled': '未安装',
  'addonsPage.noneCompatible': '无',
  'addonsPage.newest': '适配该集群的最新版本：{version}',
  'addonsPage.install': '安装 {addon}',
  'addonsPage.chooseCluster': '选择一个集群以查看和管理其插件。',
};
