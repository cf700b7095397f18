import { Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { sortReleaseHistory, type Release } from '../../../contract/releases.ts';
import { valuesAsYaml } from '../../resources/releases/release-values.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { LazyYamlDiff } from '../../shared/ui/yaml-editor/lazy-yaml.tsx';
import './releases-messages.ts';

/** The values of any two revisions side by side (by default the one before the latest, and the latest). */
export function RevisionCompare({ history }: { history: readonly Release[] }) {
  const { t } = useI18n();
  const revisions = sortReleaseHistory(history);
  const [to, setTo] = useState<string | null>(revisions[0] ? String(revisions[0].version) : null);
  const [from, setFrom] = useState<string | null>(revisions[1] ? String(revisions[1].version) : to);
  const options = revisions.map((r) => ({
    value: String(r.version),
    label: t('releases.history.revisionOption', { revision: r.version ?? '?', chart: `${r.chart_name ?? ''} ${r.chart_version ?? ''}` }),
  }));
  const a = revisions.find((r) => String(r.version) === from);
  const b = revisions.find((r) => String(r.version) === to);
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end">
        <Select label={t('releases.history.compareFrom')} data={options} value={from} onChange={setFrom} allowDeselect={false} w={260} />
        <Select label={t('releases.history.compareTo')} data={options} value={to} onChange={setTo} allowDeselect={false} w={260} />
      </Group>
      {a && b ? (
        <LazyYamlDiff
          label={t('releases.history.diffLabel', { from: a.version ?? '?', to: b.version ?? '?' })}
          before={valuesAsYaml(a.values).text}
          after={valuesAsYaml(b.values).text}
          beforeLabel={t('releases.history.revision', { revision: a.version ?? '?' })}
          afterLabel={t('releases.history.revision', { revision: b.version ?? '?' })}
        />
      ) : null}
    </Stack>
  );
}
