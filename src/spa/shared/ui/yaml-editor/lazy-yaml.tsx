import { Skeleton, VisuallyHidden } from '@mantine/core';
import { Suspense, lazy } from 'react';
import { useI18n } from '../../i18n/i18n-context.ts';
import type { YamlDiffProps } from './yaml-diff.tsx';
import type { YamlEditorProps } from './yaml-editor.tsx';
import './yaml-editor-messages.ts';

// CodeMirror (≈ 150 KB gzip with the merge view) is fetched the first time an editor or a diff is
// shown, never with the console's first page.
const YamlEditorImpl = lazy(async () => ({ default: (await import('./yaml-editor.tsx')).YamlEditor }));
const YamlDiffImpl = lazy(async () => ({ default: (await import('./yaml-diff.tsx')).YamlDiff }));

function EditorLoading({ label, height }: { label: string; height: number }) {
  const { t } = useI18n();
  return (
    <div role="status">
      <VisuallyHidden>{t('yamlEditor.loading', { label })}</VisuallyHidden>
      <Skeleton height={height} aria-hidden="true" />
    </div>
  );
}

/** The YAML editor, its code loaded on first use (see `YamlEditor`). */
export function LazyYamlEditor(props: YamlEditorProps) {
  return (
    <Suspense fallback={<EditorLoading label={props.label} height={props.minHeight ?? 120} />}>
      <YamlEditorImpl {...props} />
    </Suspense>
  );
}

/** The YAML diff, its code loaded on first use (see `YamlDiff`). */
export function LazyYamlDiff(props: YamlDiffProps) {
  return (
    <Suspense fallback={<EditorLoading label={props.label} height={160} />}>
      <YamlDiffImpl {...props} />
    </Suspense>
  );
}
