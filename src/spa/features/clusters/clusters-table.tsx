import { Anchor, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import classes from '../../shared/ui/data-table.module.css';
import { Link } from 'react-router';
import type { Cluster } from '../../../contract/clusters.ts';
import { parseCceTimestamp } from '../../../contract/time.ts';
import type { UpgradePath } from '../../../contract/upgrade-paths.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { Tooltip } from '../../shared/ui/tooltip.tsx';
import { ClusterStatusBadge } from '../../resources/clusters/cluster-status.tsx';
import { upgradeTargets } from '../../resources/upgrade-paths/upgrade-targets.ts';
import { hasPublicEndpoint, tagLabels, type ClusterListView, type SortKey } from './cluster-list-view.ts';
import './clusters-messages.ts';
import { ClusterActions } from './cluster-actions.tsx';
import '../../shared/i18n/shared-messages.ts';

interface ClustersTableProps {
  rows: readonly Cluster[];
  caption: string;
  view: ClusterListView;
  onSort: (key: SortKey) => void;
  upgradePaths: readonly UpgradePath[] | undefined;
}

const MAX_TAGS_SHOWN = 2;

/** One page of the cluster list; headers sort (`aria-sort` says how), names open the cluster. */
export function ClustersTable({ rows, caption, view, onSort, upgradePaths }: ClustersTableProps) {
  const { t } = useI18n();
  const header = (key: SortKey, label: string) => {
    const active = view.sort === key;
    return (
      <th scope="col" aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton onClick={() => onSort(key)} aria-label={t('clusters.sortBy', { column: label })}>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={700}>
              {label}
            </Text>
            <Text size="xs" c={active ? undefined : 'dimmed'} aria-hidden>
              {active ? (view.dir === 'asc' ? '▲' : '▼') : '↕'}
            </Text>
          </Group>
        </UnstyledButton>
      </th>
    );
  };
  return (
    <div className={classes.scroll}>
      <table className={classes.table} style={{ minWidth: 980 }} aria-label={t('clusters.tableLabel')}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('name', t('clusters.column.name'))}
            {header('status', t('clusters.column.status'))}
            {header('version', t('clusters.column.version'))}
            {header('public', t('clusters.column.publicEndpoint'))}
            {header('tags', t('clusters.column.tags'))}
            {header('created', t('clusters.column.created'))}
            <th scope="col">{t('clusters.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((cluster, index) => (
            <ClusterRow key={cluster.metadata.uid ?? cluster.metadata.name ?? index} cluster={cluster} targets={upgradeTargets(cluster, upgradePaths)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClusterRow({ cluster, targets }: { cluster: Cluster; targets: string[] }) {
  const { t } = useI18n();
  const { name, alias, uid } = cluster.metadata;
  const tags = tagLabels(cluster);
  return (
    <tr>
      <td>
        <Stack gap={2}>
          {uid ? (
            <Anchor component={Link} to={`/clusters/${encodeURIComponent(uid)}`} fw={500} size="sm">
              {name ?? uid}
            </Anchor>
          ) : (
            <Text fw={500} size="sm">
              {name ?? t('clusters.noValue')}
            </Text>
          )}
          {alias && alias !== name ? (
            <Text size="xs" c="dimmed">
              {t('clusters.alias', { alias })}
            </Text>
          ) : null}
        </Stack>
      </td>
      <td>
        <ClusterStatusBadge status={cluster.status} />
      </td>
      <td>
        <Stack gap={2}>
          <Text size="sm">{cluster.spec?.version ?? t('clusters.noValue')}</Text>
          {cluster.spec?.platformVersion ? (
            <Text size="xs" c="dimmed">
              {cluster.spec.platformVersion}
            </Text>
          ) : null}
          {targets.length > 0 ? (
            <Tooltip label={t('clusters.upgradeTargets', { versions: targets.join(', ') })}>
              <Badge size="sm" variant="light" color="teal" tabIndex={0} style={{ textTransform: 'none', cursor: 'help' }}>
                {t('clusters.upgradeAvailable')}
              </Badge>
            </Tooltip>
          ) : null}
        </Stack>
      </td>
      <td>
        <Text size="sm">{hasPublicEndpoint(cluster) ? t('common.yes') : t('common.no')}</Text>
      </td>
      <td>
        <Group gap={4}>
          {tags.slice(0, MAX_TAGS_SHOWN).map((tag) => (
            <Badge key={tag} size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {tag}
            </Badge>
          ))}
          {tags.length > MAX_TAGS_SHOWN ? (
            <Tooltip label={tags.slice(MAX_TAGS_SHOWN).join(', ')}>
              <Badge size="sm" variant="transparent" color="gray" tabIndex={0}>
                +{tags.length - MAX_TAGS_SHOWN}
              </Badge>
            </Tooltip>
          ) : null}
          {tags.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : null}
        </Group>
      </td>
      <td>
        <CreatedAt value={cluster.metadata.creationTimestamp} />
      </td>
      <td>
        <ClusterActions cluster={cluster} />
      </td>
    </tr>
  );
}

/** Creation time in the operator's language; hovering shows the exact instant in ISO 8601 (UTC). */
function CreatedAt({ value }: { value: string | undefined }) {
  const { t, formatDateTime } = useI18n();
  if (!value)
    return (
      <Text size="sm" c="dimmed">
        {t('clusters.noValue')}
      </Text>
    );
  const date = parseCceTimestamp(value);
  // A timestamp in a format CCE has not used before is shown as sent rather than hidden.
  if (!date) return <Text size="sm">{value}</Text>;
  const iso = date.toISOString();
  return (
    <Text size="sm" component="time" dateTime={iso} title={iso}>
      {formatDateTime(date)}
    </Text>
  );
}
