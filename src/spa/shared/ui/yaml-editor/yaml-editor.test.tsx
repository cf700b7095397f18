import { EditorView } from '@codemirror/view';
import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { LazyYamlDiff, LazyYamlEditor } from './lazy-yaml.tsx';
import { checkYamlMapping, toYamlText } from './yaml-text.ts';

/** Types into a CodeMirror editor the way its input handling does (jsdom has no contenteditable input). */
function replaceText(textbox: HTMLElement, text: string) {
  const view = EditorView.findFromDOM(textbox)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
}

function Controlled({ initial, onText }: { initial: string; onText: (text: string) => void }) {
  const [text, setText] = useState(initial);
  return (
    <LazyYamlEditor
      label="Values"
      value={text}
      mapping
      onChange={(next) => {
        setText(next);
        onText(next);
      }}
    />
  );
}

describe('YAML editor', () => {
  it('is a labelled textbox that loads lazily, shows the text and reports problems as they are typed', async () => {
    const seen: string[] = [];
    renderWithProviders(<Controlled initial={'replicaCount: 2\n'} onText={(t) => seen.push(t)} />);
    const textbox = await screen.findByRole('textbox', { name: 'Values' });
    expect(textbox).toHaveTextContent('replicaCount: 2');
    expect(textbox).toHaveAttribute('aria-invalid', 'false');

    replaceText(textbox, 'image:\n  tag: "1.2\n');
    expect(seen.at(-1)).toBe('image:\n  tag: "1.2\n');
    expect(await screen.findByText(/^Line \d+, column \d+: /)).toBeInTheDocument();
    expect(textbox).toHaveAttribute('aria-invalid', 'true');
    expect(textbox.getAttribute('aria-describedby')).toBeTruthy();

    replaceText(textbox, '- a\n- b\n');
    expect(await screen.findByText(/The top level must be a mapping/)).toBeInTheDocument();

    replaceText(textbox, 'image:\n  tag: "1.2"\n');
    await waitFor(() => expect(screen.queryByText(/^Line \d+, column/)).not.toBeInTheDocument());
    expect(textbox).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows a read-only highlighted view that can be focused but not edited', async () => {
    renderWithProviders(<LazyYamlEditor label="Default values" value={'service:\n  port: 80\n'} readOnly />);
    const view = await screen.findByRole('textbox', { name: 'Default values' });
    expect(view).toHaveAttribute('aria-readonly', 'true');
    expect(view).toHaveAttribute('contenteditable', 'false');
    expect(view).toHaveAttribute('tabindex', '0');
    expect(view).toHaveTextContent('port: 80');
  });

  it('speaks Chinese when the console does', async () => {
    renderWithProviders(<LazyYamlEditor label="值" value={'a: [1,\n'} onChange={() => {}} />, { language: 'zh-CN' });
    const textbox = await screen.findByRole('textbox', { name: '值' });
    replaceText(textbox, 'a: [1,\n');
    replaceText(textbox, 'a: [1,\n\n');
    expect(await screen.findByText(/^第 \d+ 行第 \d+ 列：/)).toBeInTheDocument();
  });
});

describe('YAML diff', () => {
  it('compares two texts side by side and says how many lines changed', async () => {
    renderWithProviders(
      <LazyYamlDiff
        label="Deployed → new"
        before={'replicaCount: 1\nimage: web:1\n'}
        after={'replicaCount: 3\nimage: web:1\nextra: true\n'}
        beforeLabel="Deployed"
        afterLabel="New"
      />,
    );
    const group = await screen.findByRole('group', { name: 'Deployed → new' });
    await waitFor(() => expect(group).toHaveAccessibleDescription(/added/));
    expect(group).toHaveAccessibleDescription('2 lines added, 1 line removed');
    expect(screen.getByRole('textbox', { name: 'Deployed → new: Deployed' })).toHaveTextContent('replicaCount: 1');
    expect(screen.getByRole('textbox', { name: 'Deployed → new: New' })).toHaveTextContent('extra: true');
  });

  it('says when there is no difference', async () => {
    renderWithProviders(<LazyYamlDiff label="Compare" before={'a: 1\n'} after={'a: 1\n'} beforeLabel="Revision 1" afterLabel="Revision 2" />);
    expect(await screen.findByText('No differences')).toBeInTheDocument();
  });
});

describe('YAML text helpers', () => {
  it('reads Helm values: a mapping, nothing as {}, and refuses other shapes with a place', () => {
    expect(checkYamlMapping('a: 1\nb: [x]\n')).toEqual({ ok: true, value: { a: 1, b: ['x'] } });
    expect(checkYamlMapping('')).toEqual({ ok: true, value: {} });
    expect(checkYamlMapping('# only a comment\n')).toEqual({ ok: true, value: {} });
    const bad = checkYamlMapping('a: 1\na: 2\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ line: 2 });
    expect(toYamlText({})).toBe('');
    expect(toYamlText({ image: { tag: 'v1' } })).toBe('image:\n  tag: v1\n');
  });
});
