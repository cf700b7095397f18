import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { helmetHeaders, registerSecurityHeaders } from './security-headers.ts';

/** The console's options (app.ts): helmet's defaults with a strict policy. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'none'"] },
  },
  referrerPolicy: { policy: 'no-referrer' as const },
  frameguard: { action: 'deny' as const },
};

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
    const once = await appWith((app) => registerSecurityHeaders(app, HELMET_OPTIONS));
    for (const url of ['/ok', '/missing', '/refused']) {
      const expected = await perRequest.inject({ method: 'GET', url });
      const actual = await once.inject({ method: 'GET', url });
      expect(actual.statusCode).toBe(expected.statusCode);
      expect(securityPart(actual)).toEqual(securityPart(expected));
    }
  });

  it('hold the policy and the framing, sniffing and referrer headers', async () => {
    const headers = await helmetHeaders(HELMET_OPTIONS);
    expect(headers['content-security-policy']).toBe("default-src 'self';script-src 'self';frame-ancestors 'none';object-src 'none';base-uri 'none'");
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    expect(Object.keys(headers)).not.toContain('content-type');
  });
});
