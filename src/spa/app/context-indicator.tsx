import { Badge, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { contextQueries } from '../shared/api/console-context.ts';
import { useI18n } from '../shared/i18n/i18n-context.ts';
import { Tooltip } from '../shared/ui/tooltip.tsx';
import './shell-messages.ts';

/** Which project and region every call goes to, and — unmistakably — whether it is the simulator. */
export function ContextIndicator() {
  const { t } = useI18n();
  const context = useQuery(contextQueries.current());

  if (context.isPending) {
    return (
      <Group gap={6} role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {t('header.contextLoading')}
        </Text>
      </Group>
    );
  }
  if (context.isError) {
    return (
      <Text size="sm" c="red">
        {t('header.contextFailed')}
      </Text>
    );
  }

  const { mode, region, projectId, simulator } = context.data;
  return (
    <Group gap="sm" wrap="nowrap">
      {mode === 'simulator' ? (
        <Tooltip
          label={
            simulator && simulator.speed !== 1
              ? `${t('header.simulatorHint')} ${t('header.simulatorSpeed', { speed: simulator.speed })}`
              : t('header.simulatorHint')
          }
        >
          <Badge tabIndex={0} color="orange" variant="filled" style={{ cursor: 'help' }}>
            {t('header.simulator')}
          </Badge>
        </Tooltip>
      ) : null}
      <Group gap="md" wrap="nowrap" visibleFrom="md">
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Text span c="dimmed">
            {t('header.region')}
          </Text>{' '}
          {region}
        </Text>
        {/* The whole project id: an operator compares it with the one in their cloud console. */}
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          <Text span c="dimmed">
            {t('header.project')}
          </Text>{' '}
          <Text span ff="monospace">
            {projectId}
          </Text>
        </Text>
      </Group>
    </Group>
  );
}
