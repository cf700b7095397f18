import { describe, expect, it, vi } from 'vitest';
import { listClusters, showCluster, updateCluster } from '../../../contract/clusters.ts';
import { envelopeResponse, installFetch, jsonResponse } from '../test/fake-bff.ts';
import { callOperation, operationUrl } from './api-client.ts';
import { ApiError, SPA_ERROR_CODES } from './api-error.ts';
import { fetchConsoleContext } from './console-context.ts';

describe('operationUrl', () => {
  it('puts the operation under /api/cce, each parameter as one encoded segment, defined query values only', () => {
    expect(operationUrl(listClusters, { project_id: 'p1' }, { status: 'Available', version: undefined })).toBe('/api/cce/autopilot/v3/projects/p1/clusters?status=Available');
    expect(operationUrl(showCluster, { project_id: 'p1', cluster_id: '../x/y' })).toBe('/api/cce/autopilot/v3/projects/p1/clusters/..%2Fx%2Fy');
  });
});

describe('callOperation', () => {
  it('sends the operation\'s method with a JSON body and returns the parsed response', async () => {
    const fetchMock = installFetch(async (request) => {
      expect(request.method).toBe('PUT');
      expect(new URL(request.url).pathname).toBe('/api/cce/autopilot/v3/projects/p1/clusters/c1');
      expect(request.headers.get('Content-Type')).toBe('application/json');
      expect(await request.json()).toEqual({ spec: { description: 'payments' } });
      return jsonResponse({ metadata: { name: 'prod', uid: 'c1' }, spec: { description: 'payments' } });
    });
    const cluster = await callOperation(updateCluster, { params: { project_id: 'p1', cluster_id: 'c1' }, body: { spec: { description: 'payments' } } });
    expect(cluster.metadata.name).toBe('prod');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('applies the contract\'s lenient parsing (a null list becomes empty; unknown fields are kept)', async () => {
    installFetch(() => jsonResponse({ kind: 'Cluster', items: null, newField: 1 }));
    const list = await callOperation(listClusters, { params: { project_id: 'p1' } });
    expect(list.items).toEqual([]);
    expect(list).toMatchObject({ newField: 1 });
  });

  it('keeps a response that drifted from the contract as received, and warns once per operation', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const drifted = { items: [{ metadata: 'not-an-object' }] };
    installFetch(() => jsonResponse(drifted));
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).resolves.toEqual(drifted);
    await callOperation(listClusters, { params: { project_id: 'p1' } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('ListAutopilotClusters');
  });

  it('throws the BFF envelope as an ApiError with status, code, message, request id and field errors', async () => {
    installFetch(() =>
      envelopeResponse(400, 'BFF.VALIDATION', 'The request is invalid', 'req-400', [{ path: 'body.spec.description', message: 'Description must be at most 200 characters' }]),
    );
    const error = await callOperation(updateCluster, { params: { project_id: 'p1', cluster_id: 'c1' }, body: { spec: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BFF.VALIDATION',
      message: 'The request is invalid',
      requestId: 'req-400',
      fields: [{ path: 'body.spec.description', message: 'Description must be at most 200 characters' }],
      isClientError: true,
    });
  });

  it('reads a bare CCE error body, and falls back to the X-Request-Id header', async () => {
    installFetch(() => jsonResponse({ error_code: 'CCE.01404001', error_msg: 'The cluster does not exist.' }, 404, 'req-hdr'));
    await expect(callOperation(showCluster, { params: { project_id: 'p1', cluster_id: 'c1' } })).rejects.toMatchObject({
      status: 404,
      code: 'CCE.01404001',
      message: 'The cluster does not exist.',
      requestId: 'req-hdr',
    });
  });

  it('turns a non-JSON failure (a proxy page) into an ApiError with the status', async () => {
    installFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'X-Request-Id': 'req-proxy' } }));
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({ status: 502, code: SPA_ERROR_CODES.http, requestId: 'req-proxy' });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    installFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({ status: 0, code: SPA_ERROR_CODES.network, requestId: undefined });
  });

  it('refuses a 200 answer that is not JSON', async () => {
    installFetch(() => new Response('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({ code: SPA_ERROR_CODES.badResponse });
  });
});

describe('fetchConsoleContext', () => {
  it('reads the mode, region and project', async () => {
    installFetch(() => jsonResponse({ mode: 'cloud', region: 'cn-north-4', projectId: 'abc' }));
    await expect(fetchConsoleContext()).resolves.toEqual({ mode: 'cloud', region: 'cn-north-4', projectId: 'abc' });
  });

  it('fails loudly when the answer has no project to call', async () => {
    installFetch(() => jsonResponse({ mode: 'cloud', region: 'cn-north-4' }));
    await expect(fetchConsoleContext()).rejects.toBeInstanceOf(ApiError);
  });
});
