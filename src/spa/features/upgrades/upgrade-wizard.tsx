import { Button, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Cluster } from '../../../contract/clusters.ts';
import { workflowPoint, type UpgradeWorkflow } from '../../../contract/upgrades.ts';
import { upgradeMutations } from '../../resources/upgrades/upgrade-mutations.ts';
import { upgradeQueries } from '../../resources/upgrades/upgrade-queries.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { PrecheckStep } from './precheck-step.tsx';
import { deriveJourney, openWorkflowOf, WIZARD_STEPS, type Journey, type JourneyInput } from '../../resources/upgrades/upgrade-journey.ts';
import { BackupStep, ConfigureStep, DoneStep, PostcheckStep, ProgressStep, StartStep, TargetStep } from './wizard-steps.tsx';
import { WorkflowTimeline } from './workflow-timeline.tsx';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

/** The clock the countdowns read, ticking once a second while the wizard is open. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface WizardContext {
  cluster: Cluster;
  clusterId: string;
  workflow: UpgradeWorkflow | undefined;
  journey: Journey;
  now: Date;
  local: NonNullable<JourneyInput['local']> & { target?: string | undefined };
  setLocal: (change: Partial<WizardContext['local']>) => void;
}

/**
 * The guided upgrade. Which step shows is read from the cluster's upgrade workflow and the tasks
 * behind its points (`deriveJourney`), so a reload, another browser or another operator lands on the
 * same step; only the choices the API does not record (the target before the workflow exists, going on
 * without a fresh backup) live in the tab.
 */
export function UpgradeWizard({ cluster }: { cluster: Cluster }) {
  const { t } = useI18n();
  const clusterId = cluster.metadata.uid ?? '';
  const workflows = useQuery(upgradeQueries.workflows(clusterId));
  const [shownId, setShownId] = useState<string | undefined>();
  const [local, setLocalState] = useState<WizardContext['local']>({});
  const open = openWorkflowOf(workflows.data?.items ?? []);
  const openId = open?.metadata?.uid;
  // Once a workflow ends (Success, Cancel) the wizard keeps showing it, at `done`, until the operator plans another.
  useEffect(() => {
    if (openId) setShownId(openId);
  }, [openId]);
  const workflow = open ?? (workflows.data?.items ?? []).find((w) => w.metadata?.uid === shownId);
  const precheckId = workflow ? workflowPoint(workflow, 'PreCheck')?.taskID : undefined;
  const upgradeId = workflow ? workflowPoint(workflow, 'Cluster')?.taskID : undefined;
  const precheck = useQuery({ ...upgradeQueries.precheck(clusterId, precheckId ?? ''), enabled: precheckId !== undefined });
  const upgradeTask = useQuery({ ...upgradeQueries.upgradeTask(clusterId, upgradeId ?? ''), enabled: upgradeId !== undefined });
  const now = useNow();
  const journey = deriveJourney({ workflow, precheck: precheck.data, upgradeTask: upgradeTask.data, now, local });

  if (workflows.isError) return <ErrorPanel title={t('upgrade.page.loadFailed')} error={workflows.error} onRetry={() => void workflows.refetch()} />;
  if (!workflows.data) return null;

  const ctx: WizardContext = {
    cluster,
    clusterId,
    workflow,
    journey,
    now,
    local,
    setLocal: (change) => setLocalState((previous) => ({ ...previous, ...change })),
  };
  const planAnother = () => {
    setShownId(undefined);
    setLocalState({});
  };
  const active = WIZARD_STEPS.indexOf(journey.step);

  return (
    <Stack gap="lg">
      <nav aria-label={t('upgrade.steps.label')}>
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          {WIZARD_STEPS.map((step) => (
            <Stepper.Step key={step} label={t(`upgrade.step.${step}`)} color={journey.upgrade === 'failed' && step === 'upgrade' ? 'red' : undefined} />
          ))}
        </Stepper>
      </nav>
      {open && journey.step !== 'done' && (
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={640}>
            {t('upgrade.resumed')}
          </Text>
          <CancelWorkflow ctx={ctx} />
        </Group>
      )}
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack style={{ flex: '1 1 480px', minWidth: 0 }}>
          <CurrentStep ctx={ctx} onPlanAnother={planAnother} />
        </Stack>
        {workflow && <WorkflowTimeline workflow={workflow} />}
      </Group>
    </Stack>
  );
}

function CurrentStep({ ctx, onPlanAnother }: { ctx: WizardContext; onPlanAnother: () => void }) {
  switch (ctx.journey.step) {
    case 'target':
      return <TargetStep ctx={ctx} />;
    case 'start':
      return <StartStep ctx={ctx} />;
    case 'precheck':
      return <PrecheckStep ctx={ctx} />;
    case 'backup':
      return <BackupStep ctx={ctx} />;
    case 'configure':
      return <ConfigureStep ctx={ctx} />;
    case 'upgrade':
      return <ProgressStep ctx={ctx} />;
    case 'postcheck':
      return <PostcheckStep ctx={ctx} />;
    default:
      return <DoneStep ctx={ctx} onPlanAnother={onPlanAnother} />;
  }
}

/** "Cancel upgrade": offered only when the API allows it, otherwise disabled with the reason. */
export function CancelWorkflow({ ctx }: { ctx: WizardContext }) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure(false);
  const cancel = useMutation(upgradeMutations.cancelWorkflow());
  const { journey, workflow } = ctx;
  if (!workflow) return null;
  const reason = journey.cancel.allowed ? undefined : journey.cancel.reason === 'finished' ? t('upgrade.cancel.finished') : t('upgrade.cancel.taskRunning');
  const button = (disabled: boolean) => (
    <Button variant="default" color="red" disabled={disabled || !journey.cancel.allowed} onClick={open}>
      {t('upgrade.cancel')}
    </Button>
  );
  return (
    <>
      <PermissionGate capability="operate">
        {({ disabled }) =>
          reason && !disabled ? (
            <Tooltip label={reason}>
              <span tabIndex={0} style={{ display: 'inline-block' }}>
                {button(true)}
              </span>
            </Tooltip>
          ) : (
            button(disabled)
          )
        }
      </PermissionGate>
      <Modal opened={opened} onClose={close} title={t('upgrade.cancel.title')} closeButtonProps={{ 'aria-label': t('upgrade.cancel.keep') }}>
        <Stack>
          <Text size="sm">{t('upgrade.cancel.explain')}</Text>
          {cancel.isError && <ErrorPanel title={t('upgrade.cancel.failed')} error={cancel.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('upgrade.cancel.keep')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(
                  { params: { cluster_id: ctx.clusterId, upgrade_workflow_id: workflow.metadata?.uid ?? '' }, body: { status: { phase: 'Cancel' } } },
                  { onSuccess: close },
                )
              }
            >
              {t('upgrade.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
