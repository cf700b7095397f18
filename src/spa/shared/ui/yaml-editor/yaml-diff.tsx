import { MergeView } from '@codemirror/merge';
import { Compartment, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { Box, Group, Input, SimpleGrid, Text as MantineText, useComputedColorScheme } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.ts';
import { schemeExtension, yamlBasics } from './editor-setup.ts';

export interface YamlDiffProps {
  /** What the whole comparison is, e.g. "Values: revision 2 → revision 3". */
  label: string;
  /** The text before (left), e.g. the deployed values. */
  before: string;
  /** The text after (right), e.g. the values about to be sent. */
  after: string;
  beforeLabel: string;
  afterLabel: string;
  maxHeight?: number;
}

export interface DiffCounts {
  added: number;
  removed: number;
}

function lineCount(doc: Text, from: number, to: number): number {
  if (to <= from) return 0;
  return doc.lineAt(Math.max(from, to - 1)).number - doc.lineAt(from).number + 1;
}

/**
 * A two-way diff of YAML texts (CodeMirror's merge view, both sides read-only): changed lines marked
 * on each side, unchanged stretches folded, and a written count of added and removed lines so the
 * change is clear without seeing colours. A three-column view (defaults / deployed / new) is a
 * read-only `YamlEditor` beside this one. Load it through `LazyYamlDiff`.
 */
export function YamlDiff({ label, before, after, beforeLabel, afterLabel, maxHeight = 480 }: YamlDiffProps) {
  const { t, tn } = useI18n();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const merge = useRef<MergeView | null>(null);
  const schemes = useRef({ a: new Compartment(), b: new Compartment() });
  const [counts, setCounts] = useState<DiffCounts | null>(null);

  useEffect(() => {
    const side = (compartment: Compartment, sideLabel: string) => [
      yamlBasics(true),
      compartment.of(schemeExtension(scheme)),
      EditorView.theme({ '&': { maxHeight: `${maxHeight}px` }, '.cm-scroller': { overflow: 'auto' } }),
      EditorView.contentAttributes.of({ 'aria-label': `${label}: ${sideLabel}`, 'aria-readonly': 'true', tabindex: '0' }),
    ];
    const view = new MergeView({
      parent: host.current!,
      a: { doc: before, extensions: side(schemes.current.a, beforeLabel) },
      b: { doc: after, extensions: side(schemes.current.b, afterLabel) },
      highlightChanges: true,
      gutter: true,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    merge.current = view;
    let added = 0;
    let removed = 0;
    for (const chunk of view.chunks) {
      removed += lineCount(view.a.state.doc, chunk.fromA, chunk.toA);
      added += lineCount(view.b.state.doc, chunk.fromB, chunk.toB);
    }
    setCounts({ added, removed });
    return () => {
      view.destroy();
      merge.current = null;
    };
    // The texts and labels define the comparison: a new one is built when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [before, after, beforeLabel, afterLabel, label, maxHeight]);

  useEffect(() => {
    const view = merge.current;
    if (!view) return;
    view.a.dispatch({ effects: schemes.current.a.reconfigure(schemeExtension(scheme)) });
    view.b.dispatch({ effects: schemes.current.b.reconfigure(schemeExtension(scheme)) });
  }, [scheme]);

  const identical = counts !== null && counts.added === 0 && counts.removed === 0;
  return (
    <Box role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-summary`}>
      <Group justify="space-between" align="baseline" mb={4}>
        <Input.Label id={`${id}-label`} component="div">
          {label}
        </Input.Label>
        <MantineText id={`${id}-summary`} size="sm" c="dimmed" aria-live="polite">
          {counts === null ? '' : identical ? t('yamlDiff.identical') : `${tn('yamlDiff.added', counts.added)}, ${tn('yamlDiff.removed', counts.removed)}`}
        </MantineText>
      </Group>
      <SimpleGrid cols={2} spacing="xs" mb={2}>
        <MantineText size="xs" fw={600}>
          {beforeLabel}
        </MantineText>
        <MantineText size="xs" fw={600}>
          {afterLabel}
        </MantineText>
      </SimpleGrid>
      <div ref={host} />
    </Box>
  );
}
