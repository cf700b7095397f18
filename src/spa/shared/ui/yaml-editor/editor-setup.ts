import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';

/**
 * What every YAML view of the console shares: YAML highlighting, line numbers and a look that follows
 * the Mantine colour scheme. Colours come from Mantine's CSS variables where one fits, and the token
 * colours of each scheme keep a contrast of at least 4.5:1 on its background (WCAG AA).
 */

const base = EditorView.theme({
  '&': {
    fontSize: 'var(--mantine-font-size-sm)',
    border: '1px solid var(--mantine-color-default-border)',
    borderRadius: 'var(--mantine-radius-md)',
    backgroundColor: 'var(--mantine-color-body)',
    color: 'var(--mantine-color-text)',
  },
  '&.cm-focused': { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', lineHeight: '1.5' },
  '.cm-gutters': {
    backgroundColor: 'var(--mantine-color-default-hover)',
    color: 'var(--mantine-color-dimmed)',
    borderRight: '1px solid var(--mantine-color-default-border)',
  },
  '.cm-content': { caretColor: 'var(--mantine-color-text)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--mantine-color-default-hover)' },
});

/**
 * CodeMirror's default highlight style, recoloured per scheme (same tags, so YAML keys, strings,
 * numbers and comments look as they do in any CodeMirror): the light colours darkened where the
 * default falls under 4.5:1 on white, the dark ones lightened to read on Mantine's dark body.
 */
const LIGHT: Record<string, string> = { '#e40': '#b33000', '#f00': '#c00000' };
const DARK: Record<string, string> = {
  '#404740': '#c0c8c0',
  '#708': '#e3a8f5',
  '#219': '#9ab8ff',
  '#164': '#8fe3b0',
  '#a11': '#ff9e9e',
  '#e40': '#ffb37a',
  '#00f': '#8cc4ff',
  '#30a': '#b8a6ff',
  '#085': '#7fdcc2',
  '#167': '#7fd0e0',
  '#256': '#9fc5e8',
  '#00c': '#8cc4ff',
  '#940': '#e0b070',
  '#f00': '#ff8a80',
};

function recoloured(colours: Record<string, string>, dark: boolean): HighlightStyle {
  const specs = defaultHighlightStyle.specs.map((spec) => {
    const color = typeof spec.color === 'string' ? colours[spec.color] : undefined;
    return color ? { ...spec, color } : spec;
  });
  return HighlightStyle.define(specs, dark ? { themeType: 'dark' } : {});
}

const lightStyle = recoloured(LIGHT, false);
const darkStyle = recoloured(DARK, true);

export type EditorScheme = 'light' | 'dark';

/** Theme and highlighting of one colour scheme (swapped through a compartment when the scheme changes). */
export function schemeExtension(scheme: EditorScheme): Extension {
  return [EditorView.theme({}, { dark: scheme === 'dark' }), syntaxHighlighting(scheme === 'dark' ? darkStyle : lightStyle)];
}

/**
 * Basics of an editor or a read-only view. Tab is left to move the focus (keyboard users are never
 * trapped in the editor); indentation is Mod-] / Mod-[ from the default keymap.
 */
export function yamlBasics(readOnly: boolean): Extension {
  return [
    lineNumbers(),
    foldGutter(),
    highlightActiveLineGutter(),
    drawSelection(),
    ...(readOnly ? [] : [history(), indentOnInput(), bracketMatching(), highlightActiveLine(), keymap.of([...defaultKeymap, ...historyKeymap])]),
    yaml(),
    base,
    EditorState.tabSize.of(2),
    EditorView.lineWrapping,
    ...(readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []),
  ];
}
