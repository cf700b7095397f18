import { Badge, Stack, Text, Timeline, Title } from '@mantine/core';
import { parseCceTimestamp } from '../../../contract/time.ts';
import { canonicalPhase, WORKFLOW_POINT_STATUSES, workflowPoint, type UpgradeWorkflow } from '../../../contract/upgrades.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { STATUS_TONE_COLORS, type StatusTone } from '../../shared/ui/status-badge.tsx';
import '../../resources/upgrades/upgrade-messages.ts';
import './upgrade-wizard-messages.ts';

const POINTS = ['PreCheck', 'Snapshot', 'Cluster', 'PostCheck'] as const;

export function pointTone(status: string | undefined): StatusTone {
  switch (status) {
    case 'Success':
      return 'ok';
    case 'Failed':
    case 'Error':
      return 'failed';
    case 'Init':
    case 'Queuing':
    case 'Running':
      return 'moving';
    default:
      return 'idle';
  }
}

/** The workflow as a timeline: each point with its status and times; the backup is off the execution path. */
export function WorkflowTimeline({ workflow }: { workflow: UpgradeWorkflow }) {
  const { t, formatDateTime } = useI18n();
  const points = POINTS.map((type) => ({ type, point: workflowPoint(workflow, type) }));
  const active = points.reduce((last, p, index) => (p.point?.status ? index : last), -1);
  return (
    <Stack gap="xs" miw={240} component="section" aria-labelledby="upgrade-timeline-title">
      <Title order={3} size="h5" id="upgrade-timeline-title">
        {t('upgrade.timeline.title')}
      </Title>
      <Timeline active={active} bulletSize={16} lineWidth={2}>
        {points.map(({ type, point }) => {
          const status = canonicalPhase(WORKFLOW_POINT_STATUSES, point?.status);
          const started = parseCceTimestamp(point?.startTimeStamp);
          const ended = parseCceTimestamp(point?.endTimeStamp);
          return (
            <Timeline.Item
              key={type}
              color={STATUS_TONE_COLORS[pointTone(status)]}
              title={
                <Text size="sm" fw={600}>
                  {t(`upgrade.point.${type}`)}
                  {type === 'Snapshot' ? ` (${t('upgrade.timeline.optional')})` : ''}
                </Text>
              }
            >
              <Badge size="sm" variant="light" color={STATUS_TONE_COLORS[pointTone(status)]} style={{ textTransform: 'none' }}>
                {status ? t(`upgrade.status.${status}`) : t('upgrade.timeline.notStarted')}
              </Badge>
              {started && (
                <Text size="xs" c="dimmed">
                  {formatDateTime(started)}
                  {ended ? ` – ${formatDateTime(ended)}` : ''}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Stack>
  );
}
