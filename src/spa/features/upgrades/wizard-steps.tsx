import { Alert, Badge, Button, Checkbox, Group, NumberInput, Progress, Radio, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { parseKubernetesVersion } from '../../../contract/upgrade-paths.ts';
import {
  canonicalPhase,
  currentPatchVersion,
  IN_PLACE_UPGRADE_SCOPES,
  progressValue,
  UPGRADE_TASK_PHASES,
  USER_DEFINED_STEP_DEFAULT,
  USER_DEFINED_STEP_MAX,
  USER_DEFINED_STEP_MIN,
  workflowPoint,
  type InPlaceUpgradeScope,
} from '../../../contract/upgrades.ts';
import { clusterQueries } from '../../resources/clusters/cluster-queries.ts';
import { ClusterStatusBadge } from '../../resources/clusters/cluster-status.tsx';
import { upgradeMutations } from '../../resources/upgrades/upgrade-mutations.ts';
import { upgradeQueries } from '../../resources/upgrades/upgrade-queries.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { auditQueries } from '../../resources/audit/audit-queries.ts';
import { buildChangeRecord, changeRecordMarkdown, type ChangeRecordLabels } from './change-record.ts';
import { PrecheckValidity } from './precheck-step.tsx';
import type { WizardContext } from './upgrade-wizard.tsx';
import { rampText } from './wizard-format.ts';
import { ConfigureAddons, TargetAddons, useAddonPlan } from './addon-impact.tsx';
import { addonPatches } from './addon-plan.ts';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

function StepSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** An operator's action; a viewer sees it disabled with the reason. */
function Action({
  children,
  onClick,
  loading,
  disabled,
  color,
  variant,
}: {
  children: ReactNode;
  onClick: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: string;
  variant?: string;
}) {
  return (
    <PermissionGate capability="operate">
      {({ disabled: denied }) => (
        <Button onClick={onClick} loading={loading} disabled={denied || disabled} color={color} variant={variant}>
          {children}
        </Button>
      )}
    </PermissionGate>
  );
}

/** A failed change, where the operator is looking: what failed, why, the request id. */
function ErrorAlert({ title, error }: { title: string; error: unknown }) {
  return error ? <ErrorPanel title={title} error={error} /> : null;
}

function isPatchOf(target: string, current: string | undefined): boolean {
  const t = parseKubernetesVersion(target);
  const c = parseKubernetesVersion(current ?? '');
  return !!t && !!c && t.major === c.major && t.minor === c.minor;
}

/** Step 1: the target version, patch and minor told apart, the suggested patch marked, what it means for each add-on. */
export function TargetStep({ ctx }: { ctx: WizardContext }) {
  const { t } = useI18n();
  const info = useQuery(upgradeQueries.info(ctx.clusterId));
  const current = info.data ? currentPatchVersion(info.data) : undefined;
  const targets = info.data?.spec?.versionInfo?.targetVersions ?? [];
  const suggest = info.data?.spec?.versionInfo?.suggestPatch;
  const [target, setTarget] = useState<string | undefined>(ctx.local.target ?? targets[0]);
  const phase = ctx.cluster.status?.phase;
  return (
    <StepSection id="target-title" title={t('upgrade.target.title')}>
      <ErrorAlert title={t('upgrade.page.loadFailed')} error={info.error} />
      {current && <Text size="sm">{t('upgrade.target.current', { patch: current })}</Text>}
      {info.data && targets.length === 0 && <Alert color="green">{t('upgrade.target.none')}</Alert>}
      {phase && phase !== 'Available' && <Alert color="orange">{t('upgrade.target.notAvailable', { phase })}</Alert>}
      {targets.length > 0 && (
        <Radio.Group value={target ?? null} onChange={setTarget} label={t('upgrade.target.label')}>
          <Stack gap="xs" mt="xs">
            {targets.map((version) => {
              const patch = isPatchOf(version, current);
              const suggested = patch && suggest !== undefined && version.endsWith(`-${suggest}`);
              return (
                <Radio.Card key={version} value={version} p="sm" radius="md" aria-label={version}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={600}>{version}</Text>
                        <Badge variant="light" color={patch ? 'green' : 'blue'} style={{ textTransform: 'none' }}>
                          {patch ? t('upgrade.target.patch') : t('upgrade.target.minor')}
                        </Badge>
                        {suggested && (
                          <Badge variant="filled" color="green" style={{ textTransform: 'none' }}>
                            {t('upgrade.target.suggested')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {patch ? t('upgrade.target.patchMeaning') : t('upgrade.target.minorMeaning')}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              );
            })}
          </Stack>
        </Radio.Group>
      )}
      {target && <TargetAddons clusterId={ctx.clusterId} target={target} />}
      <Group>
        <Button disabled={!target || phase !== 'Available'} onClick={() => ctx.setLocal({ target, targetChosen: true })}>
          {t('upgrade.target.continue')}
        </Button>
      </Group>
    </StepSection>
  );
}

/** Step 2: open the workflow in the cloud. */
export function StartStep({ ctx }: { ctx: WizardContext }) {
  const { t } = useI18n();
  const info = useQuery(upgradeQueries.info(ctx.clusterId));
  const create = useMutation(upgradeMutations.createWorkflow());
  const from = (info.data && currentPatchVersion(info.data)) ?? ctx.cluster.spec?.version ?? '';
  const to = ctx.local.target ?? '';
  return (
    <StepSection id="start-title" title={t('upgrade.start.title')}>
      <Text>{t('upgrade.start.summary', { name: ctx.cluster.metadata.name ?? ctx.clusterId, from, to })}</Text>
      <Text size="sm" c="dimmed">
        {t('upgrade.start.explain')}
      </Text>
      <ErrorAlert title={t('upgrade.start.failed')} error={create.error} />
      <Group>
        <Button variant="default" onClick={() => ctx.setLocal({ targetChosen: false })}>
          {t('upgrade.start.back')}
        </Button>
        <Action
          loading={create.isPending}
          onClick={() =>
            create.mutate({
              params: { cluster_id: ctx.clusterId },
              body: {
                kind: 'WorkFlowTask',
                apiVersion: 'v3',
                spec: { clusterID: ctx.clusterId, ...(from ? { clusterVersion: from } : {}), targetVersion: to },
              },
            })
          }
        >
          {t('upgrade.start.button')}
        </Action>
      </Group>
    </StepSection>
  );
}

/** Step 4: a fresh backup, or an explicit confirmation to go on without one. */
export function BackupStep({ ctx }: { ctx: WizardContext }) {
  const { t, formatDateTime } = useI18n();
  const snapshots = useQuery(upgradeQueries.snapshots(ctx.clusterId));
  const backup = useMutation(upgradeMutations.backup());
  const [confirmSkip, setConfirmSkip] = useState(false);
  const pointId = ctx.workflow ? workflowPoint(ctx.workflow, 'Snapshot')?.taskID : undefined;
  const task = snapshots.data?.items.find((s) => s.metadata?.uid === pointId);
  const phase = canonicalPhase(UPGRADE_TASK_PHASES, task?.status?.phase);
  const running = phase === 'Init' || phase === 'Queuing' || phase === 'Running';
  const latest = parseCceTimestamp(snapshots.data?.status?.latestBackupTime);
  const progress = progressValue(task?.status?.progress) ?? 0;
  return (
    <StepSection id="backup-title" title={t('upgrade.backup.title')}>
      <Alert color="green">
        <Stack gap={2}>
          <Text size="sm">{t('upgrade.precheck.passed')}</Text>
          <PrecheckValidity expiresAt={ctx.journey.precheckExpiresAt} now={ctx.now} />
        </Stack>
      </Alert>
      <Text size="sm">{t('upgrade.backup.explain')}</Text>
      <Text size="sm">{latest ? t('upgrade.backup.latest', { time: formatDateTime(latest) }) : t('upgrade.backup.none')}</Text>
      <ErrorAlert title={t('upgrade.backup.failed')} error={backup.error} />
      {running && (
        <Stack gap={4}>
          <Text size="sm" role="status">
            {t('upgrade.backup.running', { progress: Math.round(progress) })}
          </Text>
          <Progress value={progress} aria-label={t('upgrade.backup.progressLabel')} animated />
        </Stack>
      )}
      {phase === 'Failed' && (
        <Alert color="red" role="alert">
          {t('upgrade.backup.failed')}
        </Alert>
      )}
      <Group>
        <Action loading={backup.isPending} disabled={running} onClick={() => backup.mutate({ params: { cluster_id: ctx.clusterId } })}>
          {t('upgrade.backup.run')}
        </Action>
      </Group>
      <Stack gap="xs">
        <Checkbox checked={confirmSkip} onChange={(e) => setConfirmSkip(e.currentTarget.checked)} label={t('upgrade.backup.skipConfirm')} disabled={running} />
        <Group>
          <Button variant="default" disabled={!confirmSkip || running} onClick={() => ctx.setLocal({ backupSkipped: true })}>
            {t('upgrade.backup.skip')}
          </Button>
        </Group>
      </Stack>
    </StepSection>
  );
}

/** Step 5: strategy, batch size with its ramp, scope, add-on versions; then start the upgrade. */
export function ConfigureStep({ ctx }: { ctx: WizardContext }) {
  const { t } = useI18n();
  const gates = useQuery(upgradeQueries.featureGates());
  const precheckId = ctx.workflow ? workflowPoint(ctx.workflow, 'PreCheck')?.taskID : undefined;
  const precheck = useQuery({ ...upgradeQueries.precheck(ctx.clusterId, precheckId ?? ''), enabled: precheckId !== undefined });
  const upgrade = useMutation(upgradeMutations.upgrade());
  const [step, setStep] = useState<number | string>(USER_DEFINED_STEP_DEFAULT);
  const [scope, setScope] = useState<InPlaceUpgradeScope>('Cluster');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const target = ctx.workflow?.spec?.targetVersion ?? '';
  const addons = useAddonPlan(ctx.clusterId, target || undefined);
  const patches = addonPatches(addons.plan ?? [], chosen);
  const strategyGate = gates.data?.upgradeFeatureGates?.UpgradeStrategy;
  const strategyConfigurable = strategyGate === undefined || strategyGate === 'Support' || strategyGate === 'Default';
  const size = typeof step === 'number' ? step : Number.parseInt(step, 10);
  const valid = Number.isInteger(size) && size >= USER_DEFINED_STEP_MIN && size <= USER_DEFINED_STEP_MAX;
  const nodes = precheck.data?.status?.nodeCheckStatus?.nodeStageStatus?.length ?? 0;
  return (
    <StepSection id="configure-title" title={t('upgrade.configure.title')}>
      <PrecheckValidity expiresAt={ctx.journey.precheckExpiresAt} now={ctx.now} />
      <Text size="sm" fw={600}>
        {t('upgrade.configure.strategy')}
      </Text>
      {strategyConfigurable && (
        <>
          <NumberInput
            label={t('upgrade.configure.batch')}
            description={t('upgrade.configure.batchHint')}
            min={USER_DEFINED_STEP_MIN}
            max={USER_DEFINED_STEP_MAX}
            clampBehavior="none"
            allowDecimal={false}
            value={step}
            onChange={setStep}
            error={valid ? undefined : t('upgrade.configure.batchHint')}
            maw={280}
          />
          <Stack gap={4}>
            <Text size="sm" id="upgrade-scope-label">
              {t('upgrade.configure.scope')}
            </Text>
            <SegmentedControl
              aria-labelledby="upgrade-scope-label"
              value={scope}
              onChange={(v) => setScope(v as InPlaceUpgradeScope)}
              data={IN_PLACE_UPGRADE_SCOPES.map((s) => ({ value: s, label: t(`upgrade.configure.scope.${s}`) }))}
              maw={420}
            />
          </Stack>
          {valid && (
            <Stack gap={2}>
              {nodes > 0 && <Text size="sm">{t('upgrade.configure.ramp', { nodes, batches: rampText(nodes, size) })}</Text>}
              <Text size="sm" c="dimmed">
                {t('upgrade.configure.rampExample', { batches: rampText(100, size) })}
              </Text>
            </Stack>
          )}
        </>
      )}
      <ConfigureAddons
        plan={addons.plan}
        error={addons.error}
        target={target}
        chosen={chosen}
        onChoose={(name, version) => setChosen((previous) => ({ ...previous, [name]: version }))}
      />
      <ErrorAlert title={t('upgrade.configure.failed')} error={upgrade.error} />
      <Group>
        <Action
          disabled={!valid || (!addons.plan && !addons.error)}
          loading={upgrade.isPending}
          onClick={() =>
            upgrade.mutate({
              params: { cluster_id: ctx.clusterId },
              body: {
                metadata: { apiVersion: 'v3', kind: 'UpgradeTask' },
                spec: {
                  clusterUpgradeAction: {
                    strategy: { type: 'inPlaceRollingUpdate', inPlaceRollingUpdate: strategyConfigurable ? { userDefinedStep: size, scope } : {} },
                    targetVersion: target,
                    ...(patches.length > 0 ? { addons: patches } : {}),
                  },
                },
              },
            })
          }
        >
          {t('upgrade.configure.start')}
        </Action>
      </Group>
    </StepSection>
  );
}

/** Step 6: the upgrade followed live; Retry and Cancel offered only when the API allows them. */
export function ProgressStep({ ctx }: { ctx: WizardContext }) {
  const { t } = useI18n();
  const taskId = ctx.workflow ? workflowPoint(ctx.workflow, 'Cluster')?.taskID : undefined;
  const task = useQuery({ ...upgradeQueries.upgradeTask(ctx.clusterId, taskId ?? ''), enabled: taskId !== undefined });
  const cluster = useQuery(clusterQueries.detail(ctx.clusterId));
  const retry = useMutation(upgradeMutations.retry());
  const phase = canonicalPhase(UPGRADE_TASK_PHASES, task.data?.status?.phase);
  const progress = progressValue(task.data?.status?.progress) ?? 0;
  const failure = (task.data?.spec?.items as { message?: unknown } | null | undefined)?.message;
  const retryReason = ctx.journey.retry.allowed
    ? undefined
    : ctx.journey.retry.reason === 'running'
      ? t('upgrade.retry.running')
      : t('upgrade.retry.notFailed');
  return (
    <StepSection id="progress-title" title={t('upgrade.progress.title')}>
      <Group gap="md">
        <Text size="sm">{t('upgrade.progress.task')}:</Text>
        <Badge variant="light" color={phase === 'Failed' ? 'red' : phase === 'Success' ? 'green' : 'blue'} style={{ textTransform: 'none' }}>
          {phase ? t(`upgrade.status.${phase === 'Queueing' ? 'Queuing' : phase}`) : '—'}
        </Badge>
        <Text size="sm">{t('upgrade.progress.cluster')}:</Text>
        {cluster.data && <ClusterStatusBadge status={cluster.data.status} />}
      </Group>
      <Progress
        value={progress}
        color={phase === 'Failed' ? 'red' : undefined}
        animated={phase !== 'Failed'}
        aria-label={t('upgrade.progress.label')}
        size="lg"
      />
      <Text size="sm" role="status">
        {Math.round(progress)} %
      </Text>
      {phase === 'Failed' && (
        <Alert color="red" role="alert" title={t('upgrade.progress.failed', { progress: Math.round(progress) })}>
          {typeof failure === 'string' ? failure : null}
        </Alert>
      )}
      <ErrorAlert title={t('upgrade.retry.failed')} error={retry.error} />
      <Group>
        {retryReason ? (
          <Tooltip label={retryReason}>
            <span tabIndex={0} style={{ display: 'inline-block' }}>
              <Button disabled>{t('upgrade.retry')}</Button>
            </span>
          </Tooltip>
        ) : (
          <Action loading={retry.isPending} onClick={() => retry.mutate({ params: { cluster_id: ctx.clusterId } })}>
            {t('upgrade.retry')}
          </Action>
        )}
      </Group>
    </StepSection>
  );
}

/** Step 7: once the operator has checked the workloads, the post-check closes the workflow. */
export function PostcheckStep({ ctx }: { ctx: WizardContext }) {
  const { t } = useI18n();
  const [confirmed, setConfirmed] = useState(false);
  const post = useMutation(upgradeMutations.postcheck());
  const point = ctx.workflow ? workflowPoint(ctx.workflow, 'PostCheck') : undefined;
  return (
    <StepSection id="postcheck-title" title={t('upgrade.postcheck.title')}>
      <Alert color="green">{t('upgrade.progress.succeeded', { version: ctx.workflow?.spec?.targetVersion ?? '' })}</Alert>
      <Text size="sm">{t('upgrade.postcheck.explain')}</Text>
      {point?.status === 'Failed' && (
        <Alert color="red" role="alert">
          {t('upgrade.postcheck.failed', { phase: point.status })}
        </Alert>
      )}
      <ErrorAlert title={t('upgrade.postcheck.title')} error={post.error} />
      <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} label={t('upgrade.postcheck.confirm')} />
      <Group>
        <Action
          disabled={!confirmed}
          loading={post.isPending}
          onClick={() =>
            post.mutate({
              params: { cluster_id: ctx.clusterId },
              body: {
                kind: 'PostCheckTask',
                apiVersion: 'v3',
                spec: { clusterID: ctx.clusterId, clusterVersion: ctx.workflow?.spec?.clusterVersion, targetVersion: ctx.workflow?.spec?.targetVersion },
              },
            })
          }
        >
          {t('upgrade.postcheck.run')}
        </Action>
      </Group>
    </StepSection>
  );
}

export function useRecordLabels(): ChangeRecordLabels {
  const { t } = useI18n();
  return {
    title: t('upgrade.record.title'),
    cluster: t('upgrade.record.cluster'),
    workflow: t('upgrade.record.workflow'),
    from: t('upgrade.record.from'),
    to: t('upgrade.record.to'),
    outcome: t('upgrade.record.outcome'),
    outcomeValue: { success: t('upgrade.record.outcome.success'), cancelled: t('upgrade.record.outcome.cancelled'), open: t('upgrade.record.outcome.open') },
    started: t('upgrade.record.started'),
    steps: t('upgrade.record.steps'),
    stepName: {
      PreCheck: t('upgrade.point.PreCheck'),
      Snapshot: t('upgrade.point.Snapshot'),
      Cluster: t('upgrade.point.Cluster'),
      PostCheck: t('upgrade.point.PostCheck'),
      Rollback: t('upgrade.point.Rollback'),
    },
    status: t('upgrade.record.status'),
    notRun: t('upgrade.record.notRun'),
    duration: t('upgrade.record.duration'),
    by: t('upgrade.record.by'),
    risks: t('upgrade.record.risks'),
    noRisks: t('upgrade.record.noRisks'),
    nodes: t('upgrade.record.nodes'),
    backup: t('upgrade.record.backup'),
    noBackup: t('upgrade.record.noBackup'),
    attempts: t('upgrade.record.attempts'),
    unknown: t('upgrade.record.unknown'),
  };
}

/** Step 8: the outcome and the change record, printable and downloadable. */
export function DoneStep({ ctx, onPlanAnother }: { ctx: WizardContext; onPlanAnother: () => void }) {
  const { t, formatDateTime } = useI18n();
  const labels = useRecordLabels();
  const prechecks = useQuery(upgradeQueries.prechecks(ctx.clusterId));
  const tasks = useQuery(upgradeQueries.upgradeTasks(ctx.clusterId));
  const snapshots = useQuery(upgradeQueries.snapshots(ctx.clusterId));
  const audit = useInfiniteQuery(auditQueries.list({ target: ctx.clusterId }));
  if (!ctx.workflow) return null;
  const name = ctx.cluster.metadata.name ?? ctx.clusterId;
  const record = buildChangeRecord({
    cluster: { name, id: ctx.clusterId },
    workflow: ctx.workflow,
    prechecks: prechecks.data?.items ?? [],
    upgradeTasks: tasks.data?.items ?? [],
    snapshots: snapshots.data?.items ?? [],
    latestBackupTime: snapshots.data?.status?.latestBackupTime,
    audit: audit.data?.pages.flatMap((p) => p.items) ?? [],
  });
  const text = changeRecordMarkdown(record, labels, formatDateTime);
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `upgrade-${name}-${record.workflowId}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <StepSection id="done-title" title={t('upgrade.step.done')}>
      <Alert color={record.outcome === 'success' ? 'green' : 'gray'} role="status">
        {record.outcome === 'success' ? t('upgrade.done.success', { name, to: record.to ?? '' }) : t('upgrade.done.cancelled')}
      </Alert>
      <Table withTableBorder aria-label={labels.steps}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{labels.steps}</Table.Th>
            <Table.Th>{labels.status}</Table.Th>
            <Table.Th>{labels.started}</Table.Th>
            <Table.Th>{labels.by}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.steps.map((s) => (
            <Table.Tr key={s.step}>
              <Table.Td>{labels.stepName[s.step]}</Table.Td>
              <Table.Td>{s.status ? t(`upgrade.status.${s.status as 'Success'}`) : labels.notRun}</Table.Td>
              <Table.Td>{s.startedAt ? formatDateTime(s.startedAt) : ''}</Table.Td>
              <Table.Td>{s.by ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {record.risksAccepted.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {labels.risks}
          </Text>
          {record.risksAccepted.map((r) => (
            <Text key={r.name} size="sm">
              {r.name} — {labels.by} {r.by ?? labels.unknown}
            </Text>
          ))}
        </Stack>
      )}
      <Group>
        <Button onClick={download}>{t('upgrade.done.download')}</Button>
        <Button variant="default" onClick={() => window.print()}>
          {t('upgrade.done.print')}
        </Button>
        <Button variant="subtle" onClick={onPlanAnother}>
          {t('upgrade.done.again')}
        </Button>
      </Group>
    </StepSection>
  );
}
