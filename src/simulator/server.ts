/**
 * `npm run simulator`: the simulator standalone over HTTP, so Huawei's SDKs, curl or a BFF in cloud
 * mode can call it like a region endpoint. Configuration: see readSimulatorEnv() in config.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { MAX_BODY_BYTES, createSimulator } from './create-simulator.ts';
import { SimulatorConfigError, readSimulatorEnv, type SimulatorEnv } from './config.ts';
import { CONTROL_HTTP_PREFIX, handleControlHttp } from './control.ts';

class BodyTooLarge extends Error {}

/**
 * Whether a request goes to the control surface: its path is under `/_simulator` and it comes from
 * this machine. To anyone else those paths do not exist (the gateway's 404), so the unauthenticated
 * control surface is never reachable over the network, even with `SIMULATOR_HOST=0.0.0.0`.
 */
export function isControlRequest(path: string, remoteAddress: string | undefined): boolean {
  const loopback = remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1';
  return loopback && (path === CONTROL_HTTP_PREFIX || path.startsWith(`${CONTROL_HTTP_PREFIX}/`));
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    // Stop buffering past the gateway's limit; the simulator answers 413 from the declared length.
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function startSimulatorServer(env: SimulatorEnv) {
  const simulator = createSimulator({
    seed: env.seed,
    speed: env.speed,
    credentials: env.credentials,
    projectId: env.projectId,
    region: env.region,
    iamUser: env.iamUser,
    ...(env.clusterQuota !== undefined ? { clusterQuota: env.clusterQuota } : {}),
  });
  const server = createServer(async (req, res) => {
    try {
      const headers = toHeaders(req);
      let body: Buffer | undefined;
      try {
        body = await readBody(req);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        headers.set('content-length', String(MAX_BODY_BYTES + 1));
        body = Buffer.alloc(0);
      }
      const path = (req.url ?? '/').split('?', 1)[0]!;
      if (isControlRequest(path, req.socket.remoteAddress)) {
        await send(res, handleControlHttp(simulator.control, req.method ?? 'GET', path, body?.toString('utf8') ?? ''));
        return;
      }
      // String concatenation, not `new URL(path, base)`: a path starting `//` must stay a path.
      const url = `http://${headers.get('host') ?? `${env.host}:${env.port}`}${req.url ?? '/'}`;
      const request = new Request(url, { method: req.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
      await send(res, await simulator.fetch(request));
    } catch (error) {
      console.error('simulator server: request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errorCode: 'CCE.01500001', errorMessage: 'Internal error.' }));
    }
  });
  return { server, simulator };
}

async function main() {
  let env: SimulatorEnv;
  try {
    env = readSimulatorEnv();
  } catch (error) {
    if (error instanceof SimulatorConfigError) {
      console.error(`simulator: invalid configuration — ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { server, simulator } = startSimulatorServer(env);
  server.listen(env.port, env.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.port;
    // The SK and the IAM password are never printed: set them through the environment or use the documented defaults.
    console.log(`CCE Autopilot simulator listening on http://${env.host}:${port}`);
    console.log(`  region ${simulator.region}, project ${simulator.projectId}`);
    console.log(`  AK ${simulator.credentials.ak} (SK from SIMULATOR_SK or the documented default)`);
    console.log(`  IAM user ${env.iamUser.name} @ ${env.iamUser.domain} (POST /v3/auth/tokens)`);
    console.log(`  seed ${env.seed}, speed ×${env.speed}`);
    console.log(`  control surface: http://${env.host}:${port}${CONTROL_HTTP_PREFIX} (reset, advance, scenarios; loopback callers only)`);
  });
  const stop = () => {
    simulator.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run only as the entry point, so tests can import startSimulatorServer().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
