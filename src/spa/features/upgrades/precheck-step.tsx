import { Alert, Anchor, Badge, Button, Checkbox, Code, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { currentPatchVersion, type PrecheckBody, type PrecheckTask, type RiskSource } from '../../../contract/upgrades.ts';
import { upgradeMutations } from '../../resources/upgrades/upgrade-mutations.ts';
import { upgradeQueries } from '../../resources/upgrades/upgrade-queries.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { STATUS_TONE_COLORS, type StatusTone } from '../../shared/ui/status-badge.tsx';
import { addonsAtRisk, hasRiskSource, reviewPrecheck, skipListFor, type ReviewGroup, type ReviewItem } from './precheck-review.ts';
import { formatCountdown } from './wizard-format.ts';
import type { WizardContext } from './upgrade-wizard.tsx';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

type SkipList = NonNullable<PrecheckBody['spec']['skippedCheckItemList']>;

/** The request's skip list from the review's (response-shaped) one. */
function toRequestSkips(list: ReturnType<typeof skipListFor>): SkipList {
  return list.map((s) => ({
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.resourceSelector ? { resourceSelector: { key: 'node.uid' as const, operator: 'In' as const, values: [...(s.resourceSelector.values ?? [])] } } : {}),
  }));
}

const OUTCOME_TONE: Record<ReviewItem['outcome'], StatusTone> = { blocking: 'failed', confirm: 'moving', pending: 'idle', passed: 'ok' };

/** Step 3: run the pre-check, review what it found, fix Exceptions, acknowledge Risks and re-run skipping them. */
export function PrecheckStep({ ctx }: { ctx: WizardContext }) {
  const { t, formatDateTime } = useI18n();
  const { journey, clusterId, workflow, now } = ctx;
  const info = useQuery(upgradeQueries.info(clusterId));
  const precheckId = workflow?.status?.pointStatuses?.find((p) => p.taskType === 'PreCheck')?.taskID;
  const task = useQuery({ ...upgradeQueries.precheck(clusterId, precheckId ?? ''), enabled: precheckId !== undefined });
  const run = useMutation(upgradeMutations.runPrecheck());
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const review = reviewPrecheck(task.data);
  const allAcknowledged = review.risks.every((r) => acknowledged.has(r.key));

  const start = (skips: SkipList) =>
    run.mutate(
      {
        params: { cluster_id: clusterId },
        body: {
          kind: 'PreCheckTask',
          apiVersion: 'v3',
          spec: {
            clusterID: clusterId,
            clusterVersion: (info.data && currentPatchVersion(info.data)) ?? workflow?.spec?.clusterVersion ?? '',
            targetVersion: workflow?.spec?.targetVersion ?? '',
            ...(skips.length > 0 ? { skippedCheckItemList: skips } : {}),
          },
        },
      },
      { onSuccess: () => setAcknowledged(new Set()) },
    );
  const earlierSkips = toRequestSkips(skipListFor(task.data, [], new Set()));
  const runButton = (label: string, skips: SkipList, disabled = false) => (
    <PermissionGate capability="operate">
      {({ disabled: denied }) => (
        <Button onClick={() => start(skips)} loading={run.isPending} disabled={denied || disabled}>
          {label}
        </Button>
      )}
    </PermissionGate>
  );

  return (
    <Stack gap="md" component="section" aria-labelledby="precheck-title">
      <Title order={2} size="h4" id="precheck-title">
        {t('upgrade.precheck.title')}
      </Title>
      <Text size="sm">{t('upgrade.precheck.explain')}</Text>
      {run.isError && <ErrorPanel title={t('upgrade.precheck.failedLoad')} error={run.error} />}
      {journey.precheck === 'none' && <Group>{runButton(t('upgrade.precheck.run'), [])}</Group>}
      {journey.precheck === 'running' && (
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text size="sm" role="status">
            {t('upgrade.precheck.running')}
          </Text>
        </Group>
      )}
      {journey.precheck === 'expired' && (
        <>
          <Alert color="orange" role="alert">
            {t('upgrade.precheck.expired', { time: journey.precheckExpiresAt ? formatDateTime(journey.precheckExpiresAt) : '—' })}
          </Alert>
          <Group>{runButton(t('upgrade.precheck.rerun'), earlierSkips)}</Group>
        </>
      )}
      {journey.precheck === 'error' && (
        <>
          <Alert color="red" role="alert" title={t('upgrade.precheck.error')}>
            <Code block>{task.data?.status?.message ?? '—'}</Code>
          </Alert>
          <Group>{runButton(t('upgrade.precheck.rerun'), earlierSkips)}</Group>
        </>
      )}
      {journey.precheck === 'failed' && (
        <>
          <Alert color={review.blocking.length > 0 ? 'red' : 'orange'} role="alert" title={t('upgrade.precheck.failed')}>
            <Stack gap={4}>
              {review.blocking.length > 0 && <Text size="sm">{t('upgrade.precheck.blocking')}</Text>}
              {review.risks.length > 0 && <Text size="sm">{t('upgrade.precheck.risks')}</Text>}
            </Stack>
          </Alert>
          {review.blocking.length > 0 ? (
            <Group>{runButton(t('upgrade.precheck.rerun'), earlierSkips)}</Group>
          ) : (
            <Stack gap="xs">
              {review.risks.map((risk) => (
                <Checkbox
                  key={risk.key}
                  checked={acknowledged.has(risk.key)}
                  onChange={(e) => {
                    const next = new Set(acknowledged);
                    if (e.currentTarget.checked) next.add(risk.key);
                    else next.delete(risk.key);
                    setAcknowledged(next);
                  }}
                  label={
                    risk.node
                      ? t('upgrade.precheck.acknowledgeNode', { name: risk.item.name ?? '', node: risk.node.name ?? risk.node.uid ?? '' })
                      : t('upgrade.precheck.acknowledge', { name: risk.item.name ?? '' })
                  }
                />
              ))}
              {!allAcknowledged && (
                <Text size="sm" c="dimmed">
                  {t('upgrade.precheck.needAcknowledgement')}
                </Text>
              )}
              <Group>
                {runButton(t('upgrade.precheck.rerunSkipping'), toRequestSkips(skipListFor(task.data, review.risks, acknowledged)), !allAcknowledged)}
              </Group>
            </Stack>
          )}
        </>
      )}
      {task.data && journey.precheck !== 'none' && <PrecheckResults task={task.data} clusterId={clusterId} groups={review.groups} now={now} />}
    </Stack>
  );
}

/** The items, grouped cluster / add-ons / nodes, failed first; passed items behind a switch. */
export function PrecheckResults({ groups, clusterId }: { task: PrecheckTask; clusterId: string; groups: ReviewGroup[]; now: Date }) {
  const { t } = useI18n();
  const [showPassed, setShowPassed] = useState(false);
  return (
    <Stack gap="md">
      <Switch checked={showPassed} onChange={(e) => setShowPassed(e.currentTarget.checked)} label={t('upgrade.precheck.showPassed')} />
      {groups.map((group) => {
        const failed = group.items.filter((i) => i.outcome === 'blocking' || i.outcome === 'confirm');
        const shown = group.items.filter((i) => showPassed || i.outcome !== 'passed' || i.skipped);
        return (
          <Stack key={group.stage} gap="xs" component="section" aria-label={t(`upgrade.precheck.group.${group.stage}`)}>
            <Group gap="sm">
              <Title order={3} size="h5">
                {t(`upgrade.precheck.group.${group.stage}`)}
              </Title>
              <Badge variant="light" color={failed.length > 0 ? 'red' : 'green'} style={{ textTransform: 'none' }}>
                {t('upgrade.precheck.groupSummary', { failed: failed.length, total: group.items.length })}
              </Badge>
            </Group>
            {shown.length > 0 && (
              <Table striped withTableBorder aria-label={t(`upgrade.precheck.group.${group.stage}`)}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('upgrade.precheck.item')}</Table.Th>
                    {group.stage === 'node' && <Table.Th>{t('upgrade.precheck.node')}</Table.Th>}
                    <Table.Th>{t('upgrade.precheck.kind')}</Table.Th>
                    <Table.Th>{t('upgrade.precheck.level')}</Table.Th>
                    <Table.Th>{t('upgrade.precheck.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((item) => (
                    <Table.Tr key={item.key}>
                      <Table.Td>
                        <Stack gap={4}>
                          <Text size="sm" fw={600}>
                            {item.item.name}
                          </Text>
                          {item.outcome !== 'passed' && item.item.message && <Text size="sm">{item.item.message}</Text>}
                          {hasRiskSource(item.item.riskSource) && <RiskSourceView source={item.item.riskSource} clusterId={clusterId} />}
                          {(item.item.errorCodes?.length ?? 0) > 0 && (
                            <Text size="xs">
                              {t('upgrade.risk.errorCodes')}: <Code>{item.item.errorCodes!.join(', ')}</Code>
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      {group.stage === 'node' && <Table.Td>{item.node?.name ?? item.node?.uid}</Table.Td>}
                      <Table.Td>{item.item.kind}</Table.Td>
                      <Table.Td>{item.item.level}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_TONE_COLORS[item.skipped ? 'idle' : OUTCOME_TONE[item.outcome]]} style={{ textTransform: 'none' }}>
                          {item.skipped ? t('upgrade.precheck.outcome.skipped') : t(`upgrade.precheck.outcome.${item.outcome}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** A risk source, readable: configuration diffs, deprecated-API callers, affected nodes and add-ons. */
export function RiskSourceView({ source, clusterId }: { source: RiskSource | null | undefined; clusterId: string }) {
  const { t } = useI18n();
  if (!source) return null;
  const addons = addonsAtRisk(source);
  return (
    <Stack gap="xs">
      {(source.configurationRisks?.length ?? 0) > 0 && (
        <Table withTableBorder fz="xs" aria-label={t('upgrade.risk.configuration')}>
          <Table.Caption>{t('upgrade.risk.configuration')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('upgrade.risk.component')}</Table.Th>
              <Table.Th>{t('upgrade.risk.parameter')}</Table.Th>
              <Table.Th>{t('upgrade.risk.change')}</Table.Th>
              <Table.Th>{t('upgrade.risk.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {source.configurationRisks!.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.package}</Table.Td>
                <Table.Td>
                  <Code>{r.field}</Code>
                </Table.Td>
                <Table.Td>
                  {r.operation}: <del>{r.originalValue || '∅'}</del> → <ins>{r.value || '∅'}</ins>
                </Table.Td>
                <Table.Td>
                  <Code>{r.sourceFile}</Code> {r.nodeMsg}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(source.deprecatedAPIRisks?.length ?? 0) > 0 && (
        <Table withTableBorder fz="xs" aria-label={t('upgrade.risk.deprecated')}>
          <Table.Caption>{t('upgrade.risk.deprecated')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('upgrade.risk.url')}</Table.Th>
              <Table.Th>{t('upgrade.risk.userAgent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {source.deprecatedAPIRisks!.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Code>{r.url}</Code>
                </Table.Td>
                <Table.Td>{r.userAgent}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(source.nodeRisks?.length ?? 0) > 0 && (
        <Text size="xs">
          {t('upgrade.risk.nodes')}: {source.nodeRisks!.map((n) => n.NodeID).join(', ')}
        </Text>
      )}
      {addons.length > 0 && (
        <Group gap="xs">
          <Text size="xs">{t('upgrade.risk.addons')}:</Text>
          {addons.map((a) => (
            <Anchor
              key={a.name}
              component={Link}
              to={`/clusters/${clusterId}?tab=addons&addon=${encodeURIComponent(a.name)}`}
              size="xs"
              aria-label={t('upgrade.precheck.openAddon', { name: a.alias })}
            >
              {a.alias}
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** "Valid for another 59:12", for a passed pre-check. */
export function PrecheckValidity({ expiresAt, now }: { expiresAt: Date | undefined; now: Date }) {
  const { t } = useI18n();
  if (!expiresAt) return null;
  return (
    <Text size="sm" role="timer" aria-live="off">
      {t('upgrade.precheck.expiresIn', { time: formatCountdown(expiresAt.getTime() - now.getTime()) })}
    </Text>
  );
}
