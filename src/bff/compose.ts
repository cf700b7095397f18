/**
 * The composition root: the one place that decides what the BFF talks to. Simulator mode (no
 * CCE_ENDPOINT) starts the simulator in-process and hands the BFF its handler, key pair, project and
 * region — the BFF then signs every request exactly as it would for the cloud, and the simulator
 * verifies it. Cloud mode hands it the configured endpoint and a keep-alive node:http(s) transport.
 */
import type { FastifyInstance } from 'fastify';
import { createSimulator, type Simulator } from '../simulator/create-simulator.ts';
import { readSimulatorEnv } from '../simulator/config.ts';
import { buildApp, type BuildAppOptions } from './app.ts';
import { resolve } from 'node:path';
import { bootstrapAccounts } from './auth/bootstrap.ts';
import type { BffConfig, ConsoleSettings } from './config.ts';
import { ConsoleStore } from './store/console-store.ts';
import { openEmbedded, openPostgres } from './store/sql-client.ts';
import { createHttpTransport } from './upstream/http-transport.ts';
import { fetchTransport, type Upstream } from './upstream/upstream.ts';

/** Host the in-process simulator is addressed as; it is signed like any other host. */
export const SIMULATOR_ORIGIN = 'http://cce.simulator.local';
/** The in-process simulator as the VPC service (it serves the network look-ups too; the paths never collide). */
export const SIMULATOR_VPC_ORIGIN = 'http://vpc.simulator.local';

export interface Composed {
  app: FastifyInstance;
  upstream: Upstream;
  /** Closes the server and, in simulator mode, the simulator. */
  close(): Promise<void>;
}

export function composeUpstream(config: BffConfig, env: NodeJS.ProcessEnv): { upstream: Upstream; close(): void } {
  if (config.cloud) {
    const { endpoint, vpcEndpoint, projectId, region, credentials } = config.cloud;
    const http = createHttpTransport();
    return { upstream: { mode: 'cloud', endpoint, vpcEndpoint, projectId, region, credentials, transport: http.transport }, close: () => http.close() };
  }
  // SIMULATOR_* variables (seed, speed, key pair, project, …) configure the embedded simulator too.
  const simEnv = readSimulatorEnv(env);
  const simulator = createSimulator({
    seed: simEnv.seed,
    speed: simEnv.speed,
    credentials: simEnv.credentials,
    projectId: simEnv.projectId,
    region: simEnv.region,
    iamUser: simEnv.iamUser,
    ...(simEnv.clusterQuota !== undefined ? { clusterQuota: simEnv.clusterQuota } : {}),
  });
  return { upstream: simulatorUpstream(simulator, simEnv.speed), close: () => simulator.close() };
}

/** The in-process simulator as the BFF's upstream: its key pair, project and region, signed like the cloud. */
export function simulatorUpstream(simulator: Simulator, speed: number): Upstream {
  return {
    mode: 'simulator',
    endpoint: SIMULATOR_ORIGIN,
    vpcEndpoint: SIMULATOR_VPC_ORIGIN,
    projectId: simulator.projectId,
    region: simulator.region,
    credentials: { kind: 'aksk', ...simulator.credentials },
    transport: fetchTransport((url, init) => simulator.fetch(new Request(url, init))),
    simulator: { speed, control: simulator.control },
  };
}

/** The embedded store in CONSOLE_DATA_DIR, or PostgreSQL when DATABASE_URL is set; migrated on open. */
export async function openStore(settings: ConsoleSettings): Promise<ConsoleStore> {
  const db = settings.databaseUrl ? await openPostgres(settings.databaseUrl) : await openEmbedded(resolve(settings.dataDir));
  return ConsoleStore.open(db);
}

export async function compose(config: BffConfig, env: NodeJS.ProcessEnv = process.env, logger?: BuildAppOptions['logger']): Promise<Composed> {
  const store = await openStore(config.console);
  const { upstream, close } = composeUpstream(config, env);
  try {
    const accounts = await bootstrapAccounts(store, config.console, upstream.mode);
    const app = await buildApp({ config, upstream, store, demoAccounts: accounts.shown, ...(logger ? { logger } : {}) });
    if (accounts.disabled.length > 0) {
      app.log.warn(
        { accounts: accounts.disabled },
        'demo accounts with their public passwords were disabled and their sessions ended: they are usable only in simulator mode without CONSOLE_ADMIN_USER',
      );
    }
    return {
      app,
      upstream,
      async close() {
        await app.close();
        close();
        await store.close();
      },
    };
  } catch (error) {
    close();
    await store.close();
    throw error;
  }
}
