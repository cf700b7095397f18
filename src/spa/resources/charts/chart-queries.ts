import { listCharts, showChart, showChartValues, showUserChartQuota, type Chart, type ChartList } from '../../../contract/charts.ts';
import { operationKeyPrefix, operationQuery } from '../../shared/api/operation-query.ts';

export const chartQueries = {
  /** Everything read about charts: what a change to a chart makes stale. */
  all: () => [listCharts.resource] as const,
  list: () => operationQuery(listCharts, { params: {} }),
  lists: () => operationKeyPrefix(listCharts),
  detail: (chartId: string) => operationQuery(showChart, { params: { chart_id: chartId } }),
  /** The chart's values.yaml as an object (prefer it to the chart's own `values`, whose type varies). */
  values: (chartId: string) => operationQuery(showChartValues, { params: { chart_id: chartId } }),
  /** The project's chart quota (the project ID is filled from the console context). */
  quota: () => operationQuery(showUserChartQuota, { params: {} }),
  quotas: () => operationKeyPrefix(showUserChartQuota),
};

/** Versions of one chart, newest upload first (each version is its own chart ID). */
export function chartVersions(charts: ChartList | undefined, name: string | undefined): Chart[] {
  return (charts ?? []).filter((c) => c.name === name).sort((a, b) => (b.create_at ?? '').localeCompare(a.create_at ?? ''));
}

/** A release names its chart by name and version only: the chart ID is found through the chart list. */
export function chartIdOf(charts: ChartList | undefined, name: string | undefined, version: string | undefined): string | undefined {
  return (charts ?? []).find((c) => c.name === name && c.version === version)?.id;
}
