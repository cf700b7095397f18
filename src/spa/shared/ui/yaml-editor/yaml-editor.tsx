import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { Box, Input, VisuallyHidden, useComputedColorScheme } from '@mantine/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.ts';
import { schemeExtension, yamlBasics } from './editor-setup.ts';
import { checkYaml, checkYamlMapping, type YamlProblem } from './yaml-text.ts';

export interface YamlEditorProps {
  /** Visible label and the editor's accessible name. */
  label: string;
  value: string;
  /** Called with the whole text on every edit. */
  onChange?: (text: string) => void;
  /** Highlighted display only: focusable and selectable, not editable. */
  readOnly?: boolean;
  description?: ReactNode;
  /** An error from outside the editor (e.g. the API refused the values), shown under it. */
  error?: ReactNode;
  /** Require a mapping at the top level (Helm values) rather than any YAML document. */
  mapping?: boolean;
  /** Called with the problems of the text after each edit (empty when it parses). */
  onProblems?: (problems: YamlProblem[]) => void;
  minHeight?: number;
  maxHeight?: number;
}

function problemsOf(text: string, mapping: boolean): YamlProblem[] {
  const checked = mapping ? checkYamlMapping(text) : checkYaml(text);
  return checked.ok ? [] : checked.problems;
}

/**
 * A YAML editor (CodeMirror 6): highlighting, line numbers, folding, undo, and the text checked with
 * the `yaml` library as it is typed: problems are underlined in place and the first one is written
 * under the editor, where a screen reader announces it. Load it through `LazyYamlEditor`.
 */
export function YamlEditor({
  label,
  value,
  onChange,
  readOnly = false,
  description,
  error,
  mapping = false,
  onProblems,
  minHeight = 120,
  maxHeight = 480,
}: YamlEditorProps) {
  const { t, tn } = useI18n();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const compartments = useRef({ scheme: new Compartment(), attributes: new Compartment() });
  const [problems, setProblems] = useState<YamlProblem[]>(() => (readOnly ? [] : problemsOf(value, mapping)));
  // The latest callbacks, read by the editor's listener (created once).
  const latest = useRef({ onChange, onProblems, mapping });
  latest.current = { onChange, onProblems, mapping };

  const invalid = problems.length > 0 || Boolean(error);
  const describedBy = [description ? descriptionId : '', readOnly ? '' : hintId, invalid ? errorId : ''].filter(Boolean).join(' ');

  const attributes = () =>
    EditorView.contentAttributes.of({
      'aria-labelledby': labelId,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      ...(readOnly ? { 'aria-readonly': 'true', tabindex: '0' } : { 'aria-invalid': invalid ? 'true' : 'false' }),
    });

  useEffect(() => {
    const lint = linter((v): Diagnostic[] =>
      problemsOf(v.state.doc.toString(), latest.current.mapping).map((p) => ({
        from: Math.min(p.from, v.state.doc.length),
        to: Math.min(p.to, v.state.doc.length),
        severity: 'error',
        message: p.message,
      })),
    );
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          yamlBasics(readOnly),
          compartments.current.scheme.of(schemeExtension(scheme)),
          compartments.current.attributes.of(attributes()),
          EditorView.theme({ '&': { minHeight: `${minHeight}px`, maxHeight: `${maxHeight}px` }, '.cm-scroller': { overflow: 'auto' } }),
          ...(readOnly
            ? []
            : [
                lint,
                lintGutter(),
                EditorView.updateListener.of((update) => {
                  if (!update.docChanged) return;
                  const text = update.state.doc.toString();
                  const found = problemsOf(text, latest.current.mapping);
                  setProblems(found);
                  latest.current.onProblems?.(found);
                  latest.current.onChange?.(text);
                }),
              ]),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The editor is created once per mount; later prop changes are dispatched below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly]);

  // A value set from outside (a reset to the chart's defaults, another revision) replaces the text.
  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const text = current.state.doc.toString();
    if (text !== value) {
      current.dispatch({ changes: { from: 0, to: text.length, insert: value } });
      if (!readOnly) setProblems(problemsOf(value, mapping));
    }
  }, [value, readOnly, mapping]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.scheme.reconfigure(schemeExtension(scheme)) });
  }, [scheme]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.attributes.reconfigure(attributes()) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [describedBy, invalid, readOnly, labelId]);

  const first = problems[0];
  return (
    <Box>
      <Input.Label id={labelId} component="div" required={false}>
        {label}
      </Input.Label>
      {description ? (
        <Input.Description id={descriptionId} mb={4}>
          {description}
        </Input.Description>
      ) : null}
      {readOnly ? null : <VisuallyHidden id={hintId}>{t('yamlEditor.keyboardHint')}</VisuallyHidden>}
      <div ref={host} />
      <div id={errorId} aria-live="polite">
        {first ? (
          <Input.Error mt={4}>
            {t('yamlEditor.problem', { line: first.line, column: first.column, message: first.message })}
            {problems.length > 1 ? ` ${tn('yamlEditor.moreProblems', problems.length - 1)}` : ''}
          </Input.Error>
        ) : error ? (
          <Input.Error mt={4}>{error}</Input.Error>
        ) : null}
      </div>
    </Box>
  );
}
