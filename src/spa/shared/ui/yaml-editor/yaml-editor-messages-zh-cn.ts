import type { yamlEditorMessages } from './yaml-editor-messages.ts';

/** Simplified Chinese of `yaml-editor-messages.ts`: exactly its keys (a missing or extra key fails the build). */
export const zhCN: Record<keyof typeof yamlEditorMessages, string> = {
  'yamlEditor.loading': '正在加载 {label} 的编辑器…',
  'yamlEditor.keyboardHint': 'YAML 编辑器。按 Tab 移到下一个控件；按 Control+] 增加缩进，按 Control+[ 减少缩进。',
  'yamlEditor.problem': '第 {line} 行第 {column} 列：{message}',
  'yamlEditor.moreProblems.one': '（另有 {count} 个问题）',
  'yamlEditor.moreProblems.other': '（另有 {count} 个问题）',
  'yamlDiff.added.one': '新增 {count} 行',
  'yamlDiff.added.other': '新增 {count} 行',
  'yamlDiff.removed.one': '删除 {count} 行',
  'yamlDiff.removed.other': '删除 {count} 行',
  'yamlDiff.identical': '没有差异',
};
