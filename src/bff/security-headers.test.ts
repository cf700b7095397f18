import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, helmetHeaders, registerSecurityHeaders } from './security-headers.ts';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** A small app answering 200, 404 and an error raised by a later hook, with the headers registered by `register`. */
async function appWith(register: (app: FastifyInstance) => Promise<unknown>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  apps.push(app);
  await register(app);
  app.addHook('onRequest', async (request) => {
    if (request.url === '/refused') throw Object.assign(new Error('refused'), { statusCode: 403 });
  });
  app.get('/ok', async () => ({ ok: true }));
  app.get('/refused', async () => ({ ok: true }));
  return app;
}

const securityPart = (res: LightMyRequestResponse) => {
  const { date: _date, 'content-length': _length, 'content-type': _type, connection: _connection, ...rest } = res.headers;
  return rest;
};

describe('security headers computed once', () => {
  it('are what @fastify/helmet sets per request, on answers, 404s and errors of later hooks', async () => {
    const perRequest = await appWith(async (app) => {
      await app.register(fastifyHelmet, HELMET_OPTIONS);
    });
    const once = await appWith((app) => registerSecurityHeaders(app));
    for (const url of ['/ok', '/missing', '/refused']) {
      const expected = await perRequest.inject({ method: 'GET', url });
      const actual = await once.inject({ method: 'GET', url });
      expect(actual.statusCode).toBe(expected.statusCode);
      expect(securityPart(actual)).toEqual(securityPart(expected));
    }
  });

  it('hold the strict policy and the framing, sniffing and referrer headers', async () => {
    const headers = await helmetHeaders();
    expect(headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';frame-ancestors 'none';object-src 'none';base-uri 'none'",
    );
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    expect(Object.keys(headers)).not.toContain('content-type');
  });
});
