/**
 * `npm start`: reads the environment (see CONFIG_VARIABLES in config.ts), composes the BFF and listens
 * on HOST:PORT. SIGTERM/SIGINT close it gracefully: in-flight requests finish, then the process exits.
 */
import { pathToFileURL } from 'node:url';
import { SimulatorConfigError } from '../simulator/config.ts';
import { BootstrapError } from './auth/bootstrap.ts';
import { compose } from './compose.ts';
import { ConfigError, loadConfig, type BffConfig } from './config.ts';

/** Hard stop when draining takes longer than this (a stuck upstream call is bounded by CCE_TIMEOUT_MS anyway). */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: BffConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`CCE Autopilot console: invalid configuration — ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  let composed;
  try {
    composed = await compose(config, process.env);
  } catch (error) {
    if (error instanceof SimulatorConfigError) {
      console.error(`CCE Autopilot console: invalid simulator configuration — ${error.message}`);
      process.exit(2);
    }
    if (error instanceof BootstrapError) {
      console.error(`CCE Autopilot console: refusing to start — ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { app, upstream } = composed;
  for (const name of config.ignored) app.log.warn(`${name} is set but CCE_ENDPOINT is not: running against the embedded simulator, ${name} is ignored`);

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const where = upstream.mode === 'simulator' ? 'simulator mode' : `cloud mode: ${upstream.endpoint}, project ${upstream.projectId}`;
  console.log(`CCE Autopilot console on http://${host}:${port}  (${where})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    composed.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('CCE Autopilot console: error while shutting down', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// Run only as the entry point, so tests can import this module without starting a server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
