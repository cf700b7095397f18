import type { networkMessages } from './network-messages.ts';

/** Simplified Chinese of `network-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof networkMessages, string> = {
  'network.eip': '空闲弹性公网IP',
  'network.eipHint': '本区域未绑定的弹性公网IP，按地址列出。选择后自动填入其ID。',
  'network.eipChoose': '选择地址',
  'network.eipLoading': '正在读取弹性公网IP…',
  'network.eipNone': '没有空闲的弹性公网IP：全部已绑定。请在弹性公网IP控制台购买，或输入某个弹性公网IP的ID。',
  'network.eipNothingFound': '没有该地址的空闲弹性公网IP。',
  'network.eipOption': '{address} — {size} Mbit/s，{share}',
  'network.eipShare.dedicated': '独享带宽',
  'network.eipShare.shared': '共享带宽',
  'network.eipsUnavailable': '无法列出弹性公网IP（{reason}）。请直接输入空闲弹性公网IP的ID。',
};
