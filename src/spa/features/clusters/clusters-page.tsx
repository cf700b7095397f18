import { Button, EmptyState, Group, NativeSelect, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CLUSTER_PHASES } from '../../../contract/clusters.ts';
import { PermissionGate } from '../../shared/auth/permission-gate.tsx';
import { contextQueries } from '../../shared/api/console-context.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { TableSkeleton } from '../../shared/ui/table-skeleton.tsx';
import { clusterQueries, listInMotion } from '../../resources/clusters/cluster-queries.ts';
import { upgradePathQueries } from '../../resources/upgrade-paths/upgrade-path-queries.ts';
import './clusters-messages.ts';
import { applyView, PAGE_SIZES, paramsFromView, viewFromParams, type ClusterListView, type SortKey } from './cluster-list-view.ts';
import { ClusterStatusCounts } from './cluster-status-counts.tsx';
import { ClustersTable } from './clusters-table.tsx';
import '../../resources/clusters/cluster-messages.ts';

/**
 * The list's view, kept in the URL and changed a part at a time (back to the first page unless the change names
 * one). React Router shows a new URL in a transition, so a change made right after another (a status, then a
 * search) would build on the URL before the first and undo it: each change builds on the last one asked for until
 * the page shows it.
 */
function useViewInUrl() {
  const [params, setParams] = useSearchParams();
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (asked.current === params.toString()) asked.current = null;
  }, [params]);
  const view = viewFromParams(params);
  const update = (change: Partial<ClusterListView> | ((current: ClusterListView) => Partial<ClusterListView>)) => {
    const current = asked.current === null ? view : viewFromParams(new URLSearchParams(asked.current));
    const next = paramsFromView({ ...current, page: 1, ...(typeof change === 'function' ? change(current) : change) });
    asked.current = next.toString();
    setParams(next, { replace: true });
  };
  return { view, update };
}

export function ClustersPage() {
  const { t, tn } = useI18n();
  const context = useQuery(contextQueries.current());
  const list = useQuery(clusterQueries.list());

  // Upgrade paths only decorate rows: if they fail, the list still shows (without the marks).
  const upgradePaths = useQuery(upgradePathQueries.all());
  const { view, update } = useViewInUrl();
  const onSort = (key: SortKey) =>
    update((current) => ({ sort: key, dir: current.sort === key && current.dir === 'asc' ? 'desc' : 'asc', page: current.page }));

  const polling = list.data !== undefined && listInMotion(list.data);
  const clusters = useMemo(() => list.data?.items ?? [], [list.data]);
  const versions = useMemo(() => [...new Set(clusters.map((c) => c.spec?.version).filter((v): v is string => Boolean(v)))].sort(), [clusters]);
  const result = useMemo(() => applyView(clusters, view), [clusters, view]);

  let body;
  if (context.isError) {
    body = <ErrorPanel title={t('clusters.contextFailed')} error={context.error} onRetry={() => void context.refetch()} retrying={context.isFetching} />;
  } else if (list.data) {
    const counted =
      result.matching === clusters.length
        ? tn('clusters.count', clusters.length)
        : t('clusters.matching', { matching: result.matching, total: clusters.length });
    const caption = polling ? `${counted} · ${t('clusters.polling')}` : counted;
    body = (
      <Stack gap="md">
        {/* A failed background refresh keeps the last good list on screen and says why it may be stale. */}
        {list.isError ? (
          <ErrorPanel title={t('clusters.loadFailed')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : null}
        {clusters.length === 0 ? (
          <EmptyState
            title={t('clusters.empty.title')}
            description={t('clusters.empty.description', { projectId: context.data?.projectId ?? '', region: context.data?.region ?? '' })}
          />
        ) : (
          <>
            <ClusterStatusCounts clusters={clusters} selected={view.status} onSelect={(status) => update({ status })} />
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                type="search"
                label={t('clusters.search')}
                placeholder={t('clusters.searchPlaceholder')}
                value={view.q}
                onChange={(e) => update({ q: e.currentTarget.value })}
                w={260}
              />
              <NativeSelect
                label={t('clusters.filter.status')}
                value={view.status ?? ''}
                onChange={(e) => update({ status: e.currentTarget.value || null })}
                data={[{ value: '', label: t('clusters.filter.any') }, ...CLUSTER_PHASES.map((p) => ({ value: p, label: t(`clusterPhase.${p}.label`) }))]}
              />
              <NativeSelect
                label={t('clusters.filter.version')}
                value={view.version ?? ''}
                onChange={(e) => update({ version: e.currentTarget.value || null })}
                data={[{ value: '', label: t('clusters.filter.any') }, ...versions.map((v) => ({ value: v, label: v }))]}
              />
              <NativeSelect
                label={t('clusters.pageSize')}
                value={String(view.size)}
                onChange={(e) => update({ size: Number(e.currentTarget.value) as ClusterListView['size'] })}
                data={PAGE_SIZES.map((n) => String(n))}
              />
            </Group>
            {result.matching === 0 ? (
              <Text c="dimmed">{t('clusters.noMatch')}</Text>
            ) : (
              <ClustersTable rows={result.rows} caption={caption} view={view} onSort={onSort} upgradePaths={upgradePaths.data?.upgradePaths} />
            )}
            {result.pageCount > 1 ? (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('clusters.pageOf', { page: result.page, pages: result.pageCount })}
                </Text>
                <Pagination
                  total={result.pageCount}
                  value={result.page}
                  onChange={(page) => update({ page })}
                  getControlProps={(control) => ({ 'aria-label': t(`clusters.pagination.${control}`) })}
                  getItemProps={(page) => ({ 'aria-label': t('clusters.pagination.page', { page }) })}
                />
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    );
  } else if (list.isError) {
    body = <ErrorPanel title={t('clusters.loadFailed')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  } else {
    body = <TableSkeleton label={t('clusters.loading')} />;
  }

  return (
    <>
      <PageHeader
        title={t('clusters.title')}
        description={context.data ? t('clusters.subtitle', { projectId: context.data.projectId, region: context.data.region }) : undefined}
        actions={
          <>
            {list.data ? (
              <Button variant="default" onClick={() => void list.refetch()} loading={list.isFetching}>
                {t('clusters.refresh')}
              </Button>
            ) : null}
            <PermissionGate capability="operate">
              {({ disabled, controlProps }) =>
                // Not a link while the role may not create: a disabled button, as screen readers should hear it.
                disabled ? (
                  <Button {...controlProps}>{t('clusters.create')}</Button>
                ) : (
                  <Button component={Link} to="/clusters/new">
                    {t('clusters.create')}
                  </Button>
                )
              }
            </PermissionGate>
          </>
        }
      />
      {body}
    </>
  );
}
