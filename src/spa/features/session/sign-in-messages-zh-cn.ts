import type { signInMessages } from './sign-in-messages.ts';

/** Simplified Chinese of `sign-in-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof signInMessages, string> = {
  'signIn.title': '登录 CCE Autopilot 控制台',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.failed': '用户名或密码错误。',
  'signIn.disabled': '该账号已停用，请联系管理员启用。',
  'signIn.throttled': '登录失败次数过多，请 {wait}后再试。',
  'signIn.throttledNoWait': '登录失败次数过多，请稍后再试。',
  'signIn.wait.minutes.one': '{count} 分钟',
  'signIn.wait.minutes.other': '{count} 分钟',
  'signIn.wait.seconds.one': '{count} 秒',
  'signIn.wait.seconds.other': '{count} 秒',
  'signIn.error': '登录失败。',
  'signIn.sessionEnded': '您的会话已结束，请重新登录以继续。',
  'signIn.demo.title': '演示账号',
  'signIn.demo.description': '本控制台正在使用内置模拟器，因此每种角色各有一个演示账号。这些密码是公开的：切勿在模拟器模式下处理真实业务。',
  'signIn.demo.role': '角色',
};
