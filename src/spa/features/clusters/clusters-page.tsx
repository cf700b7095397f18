import { Button, EmptyState, Skeleton, Stack, Table, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { contextQueries } from '../../shared/api/console-context.ts';
import { useI18n } from '../../shared/i18n/i18n-context.ts';
import { ErrorPanel } from '../../shared/ui/error-panel.tsx';
import { PageHeader } from '../../shared/ui/page-header.tsx';
import { clusterListRefetchInterval, clusterQueries } from './cluster-queries.ts';
import { ClustersTable } from './clusters-table.tsx';

export function ClustersPage() {
  const { t, tn } = useI18n();
  const context = useQuery(contextQueries.current());
  const projectId = context.data?.projectId;
  const list = useQuery({ ...clusterQueries.list({ projectId: projectId ?? '' }), enabled: projectId !== undefined });

  const polling = clusterListRefetchInterval(list.data) !== false;
  const clusters = list.data?.items ?? [];

  let body;
  if (context.isError) {
    body = <ErrorPanel title={t('clusters.contextFailed')} error={context.error} onRetry={() => void context.refetch()} retrying={context.isFetching} />;
  } else if (list.data) {
    const caption = polling ? `${tn('clusters.count', clusters.length)} · ${t('clusters.polling')}` : tn('clusters.count', clusters.length);
    body = (
      <Stack gap="md">
        {/* A failed background refresh keeps the last good list on screen and says why it may be stale. */}
        {list.isError ? <ErrorPanel title={t('clusters.loadFailed')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} /> : null}
        {clusters.length === 0 ? (
          <EmptyState
            title={t('clusters.empty.title')}
            description={t('clusters.empty.description', { projectId: context.data?.projectId ?? '', region: context.data?.region ?? '' })}
          />
        ) : (
          <ClustersTable clusters={clusters} caption={caption} />
        )}
      </Stack>
    );
  } else if (list.isError) {
    body = <ErrorPanel title={t('clusters.loadFailed')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  } else {
    body = <ClustersSkeleton />;
  }

  return (
    <>
      <PageHeader
        title={t('clusters.title')}
        description={context.data ? t('clusters.subtitle', { projectId: context.data.projectId, region: context.data.region }) : undefined}
        actions={
          list.data ? (
            <Button variant="default" onClick={() => void list.refetch()} loading={list.isFetching}>
              {t('clusters.refresh')}
            </Button>
          ) : null
        }
      />
      {body}
    </>
  );
}

/** Placeholder rows shaped like the table, so the page does not jump when the list arrives. */
function ClustersSkeleton() {
  const { t } = useI18n();
  return (
    <div role="status" aria-busy="true">
      <VisuallyHidden>{t('clusters.loading')}</VisuallyHidden>
      <Table verticalSpacing="sm" aria-hidden="true">
        <Table.Tbody>
          {Array.from({ length: 5 }, (_, row) => (
            <Table.Tr key={row}>
              {[40, 20, 15, 25].map((width, col) => (
                <Table.Td key={col} w={`${width}%`}>
                  <Skeleton height={14} width={`${60 + ((row * 7 + col * 13) % 35)}%`} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
