import { afterEach, describe, expect, it, vi } from 'vitest';
import { listClusters, showCluster, updateCluster } from '../../../contract/clusters.ts';
import { envelopeResponse, installFetch, jsonResponse } from '../test/fake-bff.ts';
import { callOperation, operationUrl, parseRetryAfter, requestJson, setCsrfToken, setUnauthenticatedHandler } from './api-client.ts';
import { ApiError, SPA_ERROR_CODES } from './api-error.ts';
import { fetchConsoleContext } from './console-context.ts';

describe('operationUrl', () => {
  it('puts the operation under /api/cce, each parameter as one encoded segment, defined query values only', () => {
    expect(operationUrl(listClusters, { project_id: 'p1' }, { status: 'Available', version: undefined })).toBe(
      '/api/cce/autopilot/v3/projects/p1/clusters?status=Available',
    );
    expect(operationUrl(showCluster, { project_id: 'p1', cluster_id: '../x/y' })).toBe('/api/cce/autopilot/v3/projects/p1/clusters/..%2Fx%2Fy');
  });
});

describe('callOperation', () => {
  it("sends the operation's method with a JSON body and returns the parsed response", async () => {
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

  it("applies the contract's lenient parsing (a null list becomes empty; unknown fields are kept)", async () => {
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
      envelopeResponse(400, 'BFF.BAD_REQUEST', 'The request is invalid', 'req-400', [
        { path: 'body.spec.description', message: 'Description must be at most 200 characters' },
      ]),
    );
    const error = await callOperation(updateCluster, { params: { project_id: 'p1', cluster_id: 'c1' }, body: { spec: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BFF.BAD_REQUEST',
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
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({
      status: 502,
      code: SPA_ERROR_CODES.http,
      requestId: 'req-proxy',
    });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    installFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({
      status: 0,
      code: SPA_ERROR_CODES.network,
      requestId: undefined,
    });
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

describe('session plumbing', () => {
  afterEach(() => {
    setCsrfToken(null);
    setUnauthenticatedHandler(null);
  });

  it('sends the CSRF token on every change and never on reads', async () => {
    const seen: Request[] = [];
    installFetch((request) => {
      seen.push(request);
      return request.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse({ metadata: { name: 'prod', uid: 'c1' } });
    });
    setCsrfToken('token-1');
    await callOperation(updateCluster, { params: { project_id: 'p1', cluster_id: 'c1' }, body: { spec: { description: 'x' } } });
    await callOperation(showCluster, { params: { project_id: 'p1', cluster_id: 'c1' } });
    await requestJson('/api/accounts', { method: 'POST', body: '{}' });
    await requestJson('/api/accounts/bob', { method: 'PATCH', body: '{}' });
    await requestJson('/api/session', { method: 'DELETE' });
    expect(seen.map((r) => [r.method, r.headers.get('x-csrf-token')])).toEqual([
      ['PUT', 'token-1'],
      ['GET', null],
      ['POST', 'token-1'],
      ['PATCH', 'token-1'],
      ['DELETE', 'token-1'],
    ]);
  });

  it('reports a 401 UNAUTHENTICATED once to the app (which sends the operator to sign in), and not other 401s or 403s', async () => {
    const ended = vi.fn();
    setUnauthenticatedHandler(ended);
    installFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/session') return envelopeResponse(401, 'BFF.INVALID_CREDENTIALS', 'Wrong username or password.', 'r1');
      if (path === '/api/accounts') return envelopeResponse(403, 'BFF.FORBIDDEN', 'Needs admin.', 'r2');
      return envelopeResponse(401, 'BFF.UNAUTHENTICATED', 'Sign in.', 'r3');
    });
    await expect(requestJson('/api/session', { method: 'POST', body: '{}' })).rejects.toMatchObject({ status: 401 });
    await expect(requestJson('/api/accounts')).rejects.toMatchObject({ status: 403 });
    expect(ended).not.toHaveBeenCalled();
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({ status: 401, code: 'BFF.UNAUTHENTICATED' });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('900', now)).toBe(900);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
