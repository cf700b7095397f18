import { mutationOptions } from '@tanstack/react-query';
import { deleteChart, updateChart, uploadChart, type Chart, type ChartUploadParameters } from '../../../contract/charts.ts';
import { CHART_PACKAGE_FIELD, CHART_PARAMETERS_FIELD, encodeChartUploadParameters } from '../../../contract/charts.ts';
import { operationMutation } from '../../shared/api/operation-query.ts';
import { uploadWithProgress } from '../../shared/api/upload.ts';
import { chartQueries } from './chart-queries.ts';

export interface ChartPackageUpload {
  file: File;
  parameters: ChartUploadParameters;
  /** Replace the package of this chart (update) instead of uploading a new chart. */
  chartId?: string;
  /** 0–100 as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
}

/** The form the API takes: the package as `content`, the options as the JSON text of `parameters`. */
export function chartForm(file: File, parameters: ChartUploadParameters): FormData {
  const form = new FormData();
  form.append(CHART_PACKAGE_FIELD, file, file.name);
  const encoded = encodeChartUploadParameters(parameters);
  if (encoded !== undefined) form.append(CHART_PARAMETERS_FIELD, encoded);
  return form;
}

export const chartMutations = {
  /** Upload a new chart, or (`chartId`) replace a chart's package; progress is reported as the bytes go. */
  upload: () =>
    mutationOptions({
      mutationKey: [uploadChart.resource, 'upload'],
      mutationFn: ({ file, parameters, chartId, onProgress }: ChartPackageUpload, { client }): Promise<Chart> =>
        chartId === undefined
          ? uploadWithProgress(client, uploadChart, {}, chartForm(file, parameters), onProgress)
          : uploadWithProgress(client, updateChart, { chart_id: chartId }, chartForm(file, parameters), onProgress),
      meta: { invalidates: [chartQueries.all()] },
    }),
  /** The lists and the quota; not the chart itself, which is gone (a refetch would only say so). */
  delete: () => operationMutation(deleteChart, { invalidates: [chartQueries.lists(), chartQueries.quotas()] }),
};
