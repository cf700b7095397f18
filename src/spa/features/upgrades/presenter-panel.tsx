import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ArmScenarioBody } from '../../../contract/simulator-control.ts';
import { simulatorMutations, simulatorQueries } from '../../resources/control-surface/control-surface-queries.ts';
import { contextQueries } from '../../shared/api/console-context.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

/** What a presenter can make this cluster's next upgrade step do. */
const PRESETS = {
  upgradeFails40: { taskKind: 'upgrade.task', twist: { kind: 'fail', atProgress: 40 } },
  upgradeStalls60: { taskKind: 'upgrade.task', twist: { kind: 'stall', atProgress: 60 } },
  precheckRisks: { taskKind: 'upgrade.precheck', twist: { kind: 'precheck', outcome: 'risks' } },
  precheckException: { taskKind: 'upgrade.precheck', twist: { kind: 'precheck', outcome: 'exception' } },
  precheckClean: { taskKind: 'upgrade.precheck', twist: { kind: 'precheck', outcome: 'clean' } },
  precheckBreaks: { taskKind: 'upgrade.precheck', twist: { kind: 'fail', atProgress: 50 } },
  backupFails: { taskKind: 'upgrade.snapshot', twist: { kind: 'fail', atProgress: 50 } },
} as const satisfies Record<string, Omit<ArmScenarioBody, 'subjectId' | 'times'>>;
type Preset = keyof typeof PRESETS;

/**
 * Simulator mode only: arm what this cluster's next upgrade step does ("the next upgrade of this
 * cluster fails at 40 %"), see and disarm what is armed, and move simulated time on.
 */
export function PresenterPanel({ clusterId, clusterName }: { clusterId: string; clusterName: string }) {
  const { t } = useI18n();
  const context = useQuery(contextQueries.current());
  const simulator = context.data?.mode === 'simulator';
  const state = useQuery({ ...simulatorQueries.state(), enabled: simulator });
  const arm = useMutation(simulatorMutations.arm());
  const disarm = useMutation(simulatorMutations.disarm());
  const advance = useMutation(simulatorMutations.advance());
  const [preset, setPreset] = useState<Preset>('upgradeFails40');
  if (!simulator) return null;
  const armed = (state.data?.scenarios ?? []).filter((s) => s.subjectId === clusterId && s.taskKind.startsWith('upgrade.'));
  const describe = (kind: string, twist: { kind: string; atProgress?: number; outcome?: string }) => {
    const match = (Object.keys(PRESETS) as Preset[]).find((p) => {
      const candidate = PRESETS[p] as { taskKind: string; twist: { kind: string; atProgress?: number; outcome?: string } };
      return (
        candidate.taskKind === kind &&
        candidate.twist.kind === twist.kind &&
        candidate.twist.atProgress === twist.atProgress &&
        candidate.twist.outcome === twist.outcome
      );
    });
    return match ? t(`upgrade.presenter.preset.${match}`, { name: clusterName }) : `${kind}: ${twist.kind}`;
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="presenter-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="presenter-title">
          {t('upgrade.presenter.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('upgrade.presenter.explain')}
        </Text>
        {(arm.error ?? disarm.error ?? advance.error) && (
          <ErrorPanel title={t('upgrade.presenter.failed')} error={arm.error ?? disarm.error ?? advance.error} />
        )}
        <Group align="flex-end">
          <Select
            label={t('upgrade.presenter.scenario')}
            value={preset}
            onChange={(value) => value && setPreset(value as Preset)}
            data={(Object.keys(PRESETS) as Preset[]).map((p) => ({ value: p, label: t(`upgrade.presenter.preset.${p}`, { name: clusterName }) }))}
            allowDeselect={false}
            w={420}
          />
          <PermissionGate capability="operate">
            {({ disabled }) => (
              <Button disabled={disabled} loading={arm.isPending} onClick={() => arm.mutate({ ...PRESETS[preset], subjectId: clusterId, times: 1 })}>
                {t('upgrade.presenter.arm')}
              </Button>
            )}
          </PermissionGate>
        </Group>
        {armed.length > 0 && (
          <Stack gap={4} aria-label={t('upgrade.presenter.armed')} role="list">
            {armed.map((s) => (
              <Group key={s.id} gap="sm" role="listitem">
                <Text size="sm">{describe(s.taskKind, s.twist)}</Text>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => disarm.mutate(s.id)}
                  aria-label={t('upgrade.presenter.disarm', { scenario: describe(s.taskKind, s.twist) })}
                >
                  {t('upgrade.presenter.disarmShort')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          {[1, 10, 60].map((minutes) => (
            <PermissionGate key={minutes} capability="operate">
              {({ disabled }) => (
                <Button size="xs" variant="default" disabled={disabled} loading={advance.isPending} onClick={() => advance.mutate({ seconds: minutes * 60 })}>
                  {t('upgrade.presenter.advance', { minutes })}
                </Button>
              )}
            </PermissionGate>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
