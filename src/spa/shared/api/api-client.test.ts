import { afterEach, describe, expect, it, vi } from 'vitest';
import { listClusters, showCluster, updateCluster } from '../../../contract/clusters.ts';
import { openWorld } from '../test/world.ts';
import { callOperation, operationUrl, parseRetryAfter, requestJson, setCsrfToken, setUnauthenticatedHandler } from './api-client.ts';
import { ApiError, SPA_ERROR_CODES } from './api-error.ts';
import { fetchConsoleContext } from './console-context.ts';

/**
 * Answers every request with `answer()`: only for answers no real BFF gives (a response that drifted
 * from the contract, a proxy's HTML page, a network failure, a context without a project), to show
 * how the client copes with them. Everything the BFF does answer is asked of a real world.
 */
function answerEveryRequest(answer: () => Response) {
  vi.stubGlobal('fetch', async () => answer());
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

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
    const world = await openWorld();
    const params = { project_id: world.projectId, cluster_id: world.demo.clusters['prod-payments']! };
    const cluster = await callOperation(updateCluster, { params, body: { spec: { description: 'payments' } } });
    expect(cluster.metadata.name).toBe('prod-payments');
    expect(cluster.spec?.description).toBe('payments');
    expect(world.sent).toHaveLength(1);
    const [sent] = world.sent;
    expect(sent).toMatchObject({ method: 'PUT', path: `/api/cce/autopilot/v3/projects/${params.project_id}/clusters/${params.cluster_id}`, status: 200 });
    expect(sent!.headers.get('Content-Type')).toBe('application/json');
    expect(sent!.body).toEqual({ spec: { description: 'payments' } });
  });

  it("applies the contract's lenient parsing (a null list becomes empty; unknown fields are kept)", async () => {
    answerEveryRequest(() => json({ kind: 'Cluster', items: null, newField: 1 }));
    const list = await callOperation(listClusters, { params: { project_id: 'p1' } });
    expect(list.items).toEqual([]);
    expect(list).toMatchObject({ newField: 1 });
  });

  it('keeps a response that drifted from the contract as received, and warns once per operation', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const drifted = { items: [{ metadata: 'not-an-object' }] };
    answerEveryRequest(() => json(drifted));
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).resolves.toEqual(drifted);
    await callOperation(listClusters, { params: { project_id: 'p1' } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('ListAutopilotClusters');
  });

  it('throws the BFF envelope as an ApiError with status, code, message, request id and field errors', async () => {
    const world = await openWorld();
    const params = { project_id: world.projectId, cluster_id: world.demo.clusters['prod-payments']! };
    const error = await callOperation(updateCluster, { params, body: { spec: { description: 'x'.repeat(201) } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BFF.BAD_REQUEST',
      requestId: world.sent[0]!.requestId,
      fields: [expect.objectContaining({ path: 'body.spec.description' })],
      isClientError: true,
    });
    expect((error as ApiError).message).not.toBe('');
  });

  it("passes on the cloud's own error (code, message) with the cloud's request id, the one its support asks for", async () => {
    const world = await openWorld();
    const missing = '00000000-0000-4000-8000-00000000dead';
    const error = await callOperation(showCluster, { params: { project_id: world.projectId, cluster_id: missing } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'CCE.01404001', message: expect.stringContaining(missing) as unknown });
    const { requestId } = error as ApiError;
    expect(requestId).toBeTruthy();
    // Not the BFF's own X-Request-Id: the envelope carries the upstream's.
    expect(requestId).not.toBe(world.sent[0]!.requestId);
  });

  it('reads a bare CCE error body, and falls back to the X-Request-Id header', async () => {
    // The BFF always answers its envelope; a bare CCE body is what a console pointed past it would get.
    answerEveryRequest(() => json({ error_code: 'CCE.01404001', error_msg: 'The cluster does not exist.' }, 404, { 'X-Request-Id': 'req-hdr' }));
    await expect(callOperation(showCluster, { params: { project_id: 'p1', cluster_id: 'c1' } })).rejects.toMatchObject({
      status: 404,
      code: 'CCE.01404001',
      message: 'The cluster does not exist.',
      requestId: 'req-hdr',
    });
  });

  it('turns a non-JSON failure (a proxy page) into an ApiError with the status', async () => {
    answerEveryRequest(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'X-Request-Id': 'req-proxy' } }));
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({
      status: 502,
      code: SPA_ERROR_CODES.http,
      requestId: 'req-proxy',
    });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    answerEveryRequest(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({
      status: 0,
      code: SPA_ERROR_CODES.network,
      requestId: undefined,
    });
  });

  it('refuses a 200 answer that is not JSON', async () => {
    answerEveryRequest(() => new Response('<html>login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(callOperation(listClusters, { params: { project_id: 'p1' } })).rejects.toMatchObject({ code: SPA_ERROR_CODES.badResponse });
  });
});

describe('fetchConsoleContext', () => {
  it('reads the mode, region and project', async () => {
    const world = await openWorld({ mode: 'cloud' });
    await expect(fetchConsoleContext()).resolves.toEqual({ mode: 'cloud', region: world.region, projectId: world.projectId });
  });

  it('fails loudly when the answer has no project to call', async () => {
    answerEveryRequest(() => json({ mode: 'cloud', region: 'cn-north-4' }));
    await expect(fetchConsoleContext()).rejects.toBeInstanceOf(ApiError);
  });
});

describe('session plumbing', () => {
  afterEach(() => {
    setCsrfToken(null);
    setUnauthenticatedHandler(null);
  });

  it('sends the CSRF token on every change and never on reads', async () => {
    const world = await openWorld({ role: null });
    const { csrfToken } = await world.signIn('admin');
    world.sent.length = 0;
    const params = { project_id: world.projectId, cluster_id: world.demo.clusters['prod-payments']! };
    await callOperation(updateCluster, { params, body: { spec: { description: 'x' } } });
    await callOperation(showCluster, { params });
    const headers = { 'Content-Type': 'application/json' };
    await requestJson('/api/accounts', {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'bob', password: 'correct-horse-battery', role: 'viewer' }),
    });
    await requestJson('/api/accounts/bob', { method: 'PATCH', headers, body: JSON.stringify({ role: 'operator' }) });
    await requestJson('/api/session', { method: 'DELETE' });
    // Each change was taken: the BFF refuses one without the session's token.
    expect(world.sent.map((r) => [r.method, r.headers.get('x-csrf-token'), r.status])).toEqual([
      ['PUT', csrfToken, 200],
      ['GET', null, 200],
      ['POST', csrfToken, 201],
      ['PATCH', csrfToken, 200],
      ['DELETE', csrfToken, 204],
    ]);
  });

  it('reports a 401 UNAUTHENTICATED once to the app (which sends the operator to sign in), and not other 401s or 403s', async () => {
    const world = await openWorld({ role: 'operator' });
    const ended = vi.fn();
    setUnauthenticatedHandler(ended);
    const wrong = { username: world.user('operator').username, password: 'not-the-password' };
    const headers = { 'Content-Type': 'application/json' };
    await expect(requestJson('/api/session', { method: 'POST', headers, body: JSON.stringify(wrong) })).rejects.toMatchObject({
      status: 401,
      code: 'BFF.INVALID_CREDENTIALS',
    });
    await expect(requestJson('/api/accounts')).rejects.toMatchObject({ status: 403 });
    expect(ended).not.toHaveBeenCalled();
    // The session idles out on the server: the next call is refused as unauthenticated.
    await world.advance(31 * 60_000);
    await expect(callOperation(listClusters, { params: { project_id: world.projectId } })).rejects.toMatchObject({ status: 401, code: 'BFF.UNAUTHENTICATED' });
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
