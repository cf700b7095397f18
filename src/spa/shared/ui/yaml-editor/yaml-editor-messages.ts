import { defineMessages } from '../../i18n/i18n.ts';

/** The shared YAML editor and diff. English; Simplified Chinese in `yaml-editor-messages-zh-cn.ts`. Loaded with the editor. */
export const yamlEditorMessages = {
  'yamlEditor.loading': 'Loading the editor for {label}…',
  'yamlEditor.keyboardHint': 'YAML editor. Tab moves to the next control; indent with Control+] and outdent with Control+[.',
  'yamlEditor.problem': 'Line {line}, column {column}: {message}',
  'yamlEditor.moreProblems.one': '(and {count} more problem)',
  'yamlEditor.moreProblems.other': '(and {count} more problems)',
  'yamlDiff.added.one': '{count} line added',
  'yamlDiff.added.other': '{count} lines added',
  'yamlDiff.removed.one': '{count} line removed',
  'yamlDiff.removed.other': '{count} lines removed',
  'yamlDiff.identical': 'No differences',
};
defineMessages(yamlEditorMessages, { 'zh-CN': async () => (await import('./yaml-editor-messages-zh-cn.ts')).zhCN });

declare module '../../i18n/message-keys.ts' {
  interface ConsoleMessages extends Record<keyof typeof yamlEditorMessages, string> {}
}
