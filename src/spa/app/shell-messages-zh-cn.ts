import type { shellMessages } from './shell-messages.ts';

/** Simplified Chinese of `shell-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof shellMessages, string> = {
  'nav.label': '主导航',
  'header.toggleNavigation': '展开或收起导航',
  'header.toggleColorScheme': '深色模式',
  'header.language': '语言',
  'header.region': '区域',
  'header.project': '项目',
  'header.projectAndRegion': '项目 {projectId}，区域 {region}',
  'header.simulator': '模拟器',
  'header.simulatorHint': '模拟器模式：不使用任何云账号。所有调用都发往内置的 CCE Autopilot 模拟器，签名方式与调用云服务时完全相同。',
  'header.simulatorSpeed': '模拟时间比真实时间快 {speed} 倍。',
  'header.contextLoading': '正在连接…',
  'header.contextFailed': '项目未知：控制台服务器没有响应。',
  'session.signOut': '退出登录',
  'session.roleLabel': '角色：{role}',
};
