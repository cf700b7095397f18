import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from './http-transport.ts';

let server: Server;
let origin: string;
const transport = createHttpTransport();
const seenSockets = new Set<unknown>();

beforeAll(async () => {
  server = createServer((req, res) => {
    seenSockets.add(req.socket);
    if (req.url === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'up-1', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ ok: true, host: req.headers.host, project: req.headers['x-project-id'] }));
    } else if (req.url === '/echo') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': req.headers['content-type'] ?? '', 'x-length': req.headers['content-length'] ?? '' });
        res.end(Buffer.concat(chunks));
      });
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      // Cut the connection once the first bytes are out: no timer, the write's callback says when.
      res.write('{"partial":', () => res.socket?.destroy());
    } else if (req.url === '/stall') {
      // Headers and the first bytes, then nothing.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":');
    } else {
      // /hang: never answers
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  transport.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createHttpTransport', () => {
  it('returns status, headers and the whole body, reusing the connection', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await transport.transport(`${origin}/ok`, {
        method: 'GET',
        headers: { 'X-Project-Id': 'p1', host: origin.slice('http://'.length) },
        signal: AbortSignal.timeout(2000),
      });
      expect(res.status).toBe(200);
      expect(res.header('x-request-id')).toBe('up-1');
      expect(res.header('set-cookie')).toBe('a=1, b=2');
      expect(res.header('x-missing')).toBeUndefined();
      expect(JSON.parse(res.body.toString())).toEqual({ ok: true, host: origin.slice('http://'.length), project: 'p1' });
    }
    expect(seenSockets.size).toBe(1);
  });

  it('sends the body bytes with their length', async () => {
    const body = Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a]);
    const res = await transport.transport(`${origin}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body,
      signal: AbortSignal.timeout(2000),
    });
    expect(res.status).toBe(201);
    expect(res.body.equals(body)).toBe(true);
    expect(res.header('x-length')).toBe(String(body.length));
    expect(res.header('content-type')).toBe('multipart/form-data; boundary=x');
  });

  it('rejects with the timeout when the upstream never answers', async () => {
    const started = Date.now();
    const error = await transport.transport(`${origin}/hang`, { method: 'GET', headers: {}, signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('rejects with the timeout when the answer stalls mid-body', async () => {
    const error = await transport.transport(`${origin}/stall`, { method: 'GET', headers: {}, signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('rejects at once with an already aborted signal, sending nothing', async () => {
    const before = seenSockets.size;
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(transport.transport(`${origin}/ok`, { method: 'GET', headers: {}, signal: controller.signal })).rejects.toThrow('cancelled');
    expect(seenSockets.size).toBe(before);
  });

  it('stops listening to the signal once the call is over, answered or failed', async () => {
    // One long-lived signal across many calls (a caller's): no listener may pile up on it.
    const signal = new AbortController().signal;
    await transport.transport(`${origin}/ok`, { method: 'GET', headers: {}, signal });
    await transport.transport(`${origin}/cut`, { method: 'GET', headers: {}, signal }).catch(() => undefined);
    await transport.transport('http://127.0.0.1:9/', { method: 'GET', headers: {}, signal }).catch(() => undefined);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('rejects when the connection is cut mid-body, instead of hanging', async () => {
    await expect(transport.transport(`${origin}/cut`, { method: 'GET', headers: {}, signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });

  it('rejects when nothing listens', async () => {
    await expect(transport.transport('http://127.0.0.1:9/', { method: 'GET', headers: {}, signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});
