import { describe, expect, it } from 'vitest';
import {
  CHART_PACKAGE_FIELD,
  chartArchiveFileName,
  chartCountQuota,
  chartFormFieldsSchema,
  chartListSchema,
  chartOperations,
  chartQuotaSchema,
  chartSchema,
  chartUploadParametersSchema,
  downloadChart,
  encodeChartUploadParameters,
  parseValuesField,
  showUserChartQuota,
  uploadChart,
} from './charts.ts';
import { matchOperation } from './operations.ts';
import { example, messages } from './test-support.ts';

describe('chart operations', () => {
  it('are the 8 documented chart operations with their ids, methods, paths and statuses', () => {
    const summary = Object.values(chartOperations).map((op) => [op.id, op.method, op.path, op.successStatus]);
    expect(summary).toEqual([
      ['UploadAutopilotChart', 'POST', '/autopilot/v2/charts', 201],
      ['ListAutopilotCharts', 'GET', '/autopilot/v2/charts', 200],
      ['ShowAutopilotChart', 'GET', '/autopilot/v2/charts/{chart_id}', 200],
      ['UpdateAutopilotChart', 'PUT', '/autopilot/v2/charts/{chart_id}', 200],
      ['DeleteAutopilotChart', 'DELETE', '/autopilot/v2/charts/{chart_id}', 200],
      ['DownloadAutopilotChart', 'GET', '/autopilot/v2/charts/{chart_id}/archive', 200],
      ['ShowAutopilotChartValues', 'GET', '/autopilot/v2/charts/{chart_id}/values', 200],
      ['ShowAutopilotUserChartsQuotas', 'GET', '/autopilot/v2/charts/{project_id}/quotas', 200],
    ]);
    for (const op of Object.values(chartOperations)) expect(op.resource).toBe('charts');
  });

  it('upload and update are multipart with the mandatory package file part `content`', () => {
    for (const op of [chartOperations.uploadChart, chartOperations.updateChart]) {
      expect(op.body.kind).toBe('multipart');
      expect(op.body.files).toEqual([{ name: CHART_PACKAGE_FIELD, required: true }]);
      expect(CHART_PACKAGE_FIELD).toBe('content');
    }
  });

  it('download is a binary response the BFF streams, not JSON', () => {
    expect(downloadChart.response).toBeNull();
    expect(downloadChart.responseKind).toBe('binary');
    expect(uploadChart).not.toHaveProperty('responseKind');
  });

  it('routes `/charts/{x}/quotas` to the quota operation with a project ID and `/values`, `/archive` to the chart ones', () => {
    const quota = matchOperation('GET', '/autopilot/v2/charts/0abdd2dce980d4162f8ac006608ee02d/quotas');
    expect(quota.kind === 'match' && quota.op.id).toBe('ShowAutopilotUserChartsQuotas');
    expect(quota.kind === 'match' && quota.params).toEqual({ project_id: '0abdd2dce980d4162f8ac006608ee02d' });
    const values = matchOperation('GET', '/autopilot/v2/charts/e99a7e86-afdd-11eb-aca3-0255ac100b0e/values');
    expect(values.kind === 'match' && values.op.id).toBe('ShowAutopilotChartValues');
    const archive = matchOperation('GET', '/autopilot/v2/charts/e99a7e86-afdd-11eb-aca3-0255ac100b0e/archive');
    expect(archive.kind === 'match' && archive.op.id).toBe('DownloadAutopilotChart');
    expect(showUserChartQuota.params.safeParse({ project_id: '../x' }).success).toBe(false);
  });
});

describe('chart upload/update form fields', () => {
  it('accept the documented example and no parameters at all', () => {
    expect(messages(chartFormFieldsSchema, example('UploadAutopilotChart.request.json'))).toEqual([]);
    expect(messages(chartFormFieldsSchema, {})).toEqual([]);
    const parsed = chartFormFieldsSchema.parse({ parameters: '{"override":true,"skip_lint":false,"visible":true}' });
    expect(parsed.parameters).toEqual({ override: true, skip_lint: false, visible: true });
  });

  it('reject a parameters field that is not a JSON object', () => {
    for (const bad of ['override=true', '[1,2]', 'null', '"x"', '{']) {
      expect(messages(chartFormFieldsSchema, { parameters: bad }), bad).toEqual([
        'parameters must be a JSON object such as {"override":true,"skip_lint":true}',
      ]);
    }
  });

  it('reject documented keys of the wrong type, naming the key', () => {
    expect(messages(chartFormFieldsSchema, { parameters: '{"override":"yes"}' })).toEqual(['override must be true or false']);
    expect(messages(chartFormFieldsSchema, { parameters: '{"skip_lint":1}' })).toEqual(['skip_lint must be true or false']);
    expect(messages(chartFormFieldsSchema, { parameters: '{"visible":"true"}' })).toEqual(['visible must be true or false']);
    expect(messages(chartFormFieldsSchema, { parameters: '{"source":""}' })).toEqual(['source must not be empty']);
    const issues = chartFormFieldsSchema.safeParse({ parameters: '{"override":"yes"}' }).error!.issues;
    expect(issues[0]!.path).toEqual(['parameters', 'override']);
  });

  it('encodes options as the form field, and nothing when no option is set', () => {
    expect(encodeChartUploadParameters({ override: true, skip_lint: true, source: 'package' })).toBe('{"override":true,"skip_lint":true,"source":"package"}');
    expect(encodeChartUploadParameters({ override: undefined })).toBeUndefined();
    const encoded = encodeChartUploadParameters({ visible: false })!;
    expect(chartUploadParametersSchema.parse(JSON.parse(encoded))).toEqual({ visible: false });
  });
});

describe('chart responses', () => {
  it('read `values` whether the cloud sends a JSON string or an object', () => {
    const asObject = chartSchema.parse(example('ShowAutopilotChart.response.json'));
    const asString = chartSchema.parse(example('ShowAutopilotChart.response.2.json'));
    const fromObject = parseValuesField(asObject.values);
    const fromString = parseValuesField(asString.values);
    expect(fromObject.kind).toBe('object');
    expect(fromString.kind).toBe('object');
    if (fromString.kind === 'object') expect(fromString.value.imageTag).toBe('4.0.3-enterprise');
  });

  it('keep unparseable values as raw text and treat empty values as none', () => {
    expect(parseValuesField('{"a":')).toEqual({ kind: 'raw', raw: '{"a":' });
    expect(parseValuesField('[1]')).toEqual({ kind: 'raw', raw: '[1]' });
    expect(parseValuesField('')).toEqual({ kind: 'none' });
    expect(parseValuesField(null)).toEqual({ kind: 'none' });
  });

  it('keep unknown fields and read a null list as empty', () => {
    const chart = chartSchema.parse({ id: 'c', newField: 1 });
    expect(chart).toEqual({ id: 'c', newField: 1 });
    expect(chartListSchema.parse(null)).toEqual([]);
    expect(chartListSchema.parse(example('ListAutopilotCharts.response.json'))).toHaveLength(1);
  });

  it('give the chart count quota', () => {
    const quota = chartQuotaSchema.parse(example('ShowAutopilotUserChartsQuotas.response.json'));
    expect(chartCountQuota(quota)).toEqual({ quota: 200, used: 2 });
    expect(chartCountQuota(chartQuotaSchema.parse({ quotas: { resources: null } }))).toBeUndefined();
  });

  it('name a downloaded package after chart_url, or name-version.tgz', () => {
    expect(chartArchiveFileName({ name: 'neo4j', version: '3.0.1', chart_url: 'neo4j-3.0.1.tgz' })).toBe('neo4j-3.0.1.tgz');
    expect(chartArchiveFileName({ name: 'neo4j', version: '3.0.1', chart_url: 'https://x/y/a b.tgz' })).toBe('neo4j-3.0.1.tgz');
    expect(chartArchiveFileName({ name: 'a/b', version: '1', chart_url: null })).toBe('a_b-1.tgz');
    expect(chartArchiveFileName({})).toBe('chart.tgz');
  });
});
