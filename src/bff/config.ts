/**
 * The BFF's configuration, read once from the environment at start-up. Every variable is validated
 * here so that a typo stops the server with a message naming the variable, instead of surfacing later
 * as an odd 401 from the cloud. There are no NODE_ENV switches: the same settings mean the same thing
 * in every environment.
 */

import { usernameSchema } from '../contract/console-api.ts';
import { passwordProblem } from './store/passwords.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface AkSkCredentials {
  kind: 'aksk';
  ak: string;
  sk: string;
}

export interface IamCredentials {
  kind: 'iam';
  /** Origin of the IAM service, e.g. `https://iam.ap-southeast-3.myhuaweicloud.com`. */
  endpoint: string;
  username: string;
  password: string;
  /** Account (domain) name the IAM user belongs to. */
  domain: string;
}

export type UpstreamCredentials = AkSkCredentials | IamCredentials;

export interface CloudConfig {
  /** Origin of the CCE endpoint (scheme, host, port), no path: e.g. `https://cce.ap-southeast-3.myhuaweicloud.com`. */
  endpoint: string;
  /** Origin of the VPC service (the network look-ups): `VPC_ENDPOINT`, else `https://vpc.{region}.myhuaweicloud.com`. */
  vpcEndpoint: string;
  projectId: string;
  region: string;
  credentials: UpstreamCredentials;
}

/** Sign-in, sessions, storage and limits of the console itself (issue 4). */
export interface ConsoleSettings {
  /** Directory of the embedded store (PGlite data directory) when `databaseUrl` is null. */
  dataDir: string;
  /** PostgreSQL connection string: several replicas share accounts, sessions and the audit trail. */
  databaseUrl: string | null;
  /** First admin, created (or its password reset) at start-up. Null: none configured. */
  admin: { username: string; password: string } | null;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Trust X-Forwarded-* from a reverse proxy (client address, https for the `Secure` cookie). */
  trustProxy: boolean;
  /** Requests per minute per client address on /api (sign-in has its own, stricter throttle); 0 = no limit. */
  rateLimitPerMinute: number;
  /** The origin operators open the console at (Host and Origin are checked against it); null: loopback names only. */
  publicUrl: string | null;
  /** A request (headers and body) must be received within this time, or it is answered 408 and closed. */
  requestTimeoutMs: number;
  /** Open connections in all, and per client (socket) address; more are closed at once. */
  maxConnections: number;
  maxConnectionsPerAddress: number;
}

export interface BffConfig {
  host: string;
  port: number;
  /** Upper bound for one upstream call, headers and body included. */
  timeoutMs: number;
  logLevel: LogLevel;
  /** Directory of the built SPA (absolute or relative to the working directory). */
  staticDir: string;
  /** Null: simulator mode (CCE_ENDPOINT unset). */
  cloud: CloudConfig | null;
  /** Cloud variables that were set but have no effect because CCE_ENDPOINT is unset; the server warns about them. */
  ignored: readonly string[];
  console: ConsoleSettings;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigVariable {
  name: string;
  /** Default as a human reads it; `—` when there is none. */
  default: string;
  meaning: string;
}

/** Every variable the BFF reads: the README's configuration table is written from this list, and a test keeps them in sync. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'PORT', default: '8080', meaning: 'TCP port the console listens on' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'interface the console listens on (0.0.0.0 to accept remote connections)' },
  {
    name: 'CCE_ENDPOINT',
    default: '— (simulator mode)',
    meaning:
      'CCE endpoint of the region, e.g. https://cce.ap-southeast-3.myhuaweicloud.com; unset = the embedded simulator. Must be https://, except http:// to localhost/127.0.0.1 (a standalone simulator)',
  },
  {
    name: 'VPC_ENDPOINT',
    default: 'https://vpc.<region>.myhuaweicloud.com',
    meaning:
      'VPC service endpoint the read-only network look-ups (VPCs, subnets, elastic IPs) go to, signed like CCE calls (cloud mode only; simulator mode: the embedded simulator)',
  },
  { name: 'HUAWEICLOUD_SDK_AK', default: '—', meaning: 'access key (AK) for AK/SK signing (cloud mode, with HUAWEICLOUD_SDK_SK)' },
  { name: 'HUAWEICLOUD_SDK_SK', default: '—', meaning: 'secret key (SK) for AK/SK signing; never logged or sent to the browser' },
  { name: 'HUAWEICLOUD_SDK_PROJECT_ID', default: '—', meaning: 'project id (32 hex characters) the console manages; required in cloud mode' },
  { name: 'HUAWEICLOUD_SDK_REGION', default: '—', meaning: 'region name, e.g. ap-southeast-3; required in cloud mode' },
  {
    name: 'HUAWEICLOUD_IAM_ENDPOINT',
    default: 'https://iam.<region>.myhuaweicloud.com',
    meaning: 'IAM endpoint used to obtain project-scoped tokens (IAM mode only)',
  },
  { name: 'HUAWEICLOUD_IAM_USERNAME', default: '—', meaning: 'IAM user name; IAM mode instead of AK/SK (with the password and domain)' },
  { name: 'HUAWEICLOUD_IAM_PASSWORD', default: '—', meaning: 'IAM user password; never logged or sent to the browser' },
  { name: 'HUAWEICLOUD_IAM_DOMAIN', default: '—', meaning: 'account (domain) name the IAM user belongs to' },
  { name: 'CCE_TIMEOUT_MS', default: '30000', meaning: 'timeout of one upstream call in milliseconds (1–600000); a timeout answers 504' },
  { name: 'LOG_LEVEL', default: 'info', meaning: `log level: ${LOG_LEVELS.join(', ')}` },
  { name: 'STATIC_DIR', default: 'dist', meaning: 'directory of the built SPA (the Vite output) the console serves' },
  {
    name: 'CONSOLE_DATA_DIR',
    default: './data (cloud mode: ./data-cloud)',
    meaning:
      "directory of the embedded store (accounts, sessions, audit trail) when DATABASE_URL is unset; cloud mode never shares the simulator's default directory",
  },
  {
    name: 'DATABASE_URL',
    default: '— (embedded store)',
    meaning:
      'PostgreSQL connection string (postgres://user:password@host:5432/db); replicas behind a load balancer share accounts, sessions and the audit trail',
  },
  {
    name: 'CONSOLE_ADMIN_USER',
    default: '— (simulator mode: demo accounts)',
    meaning:
      'username of the first admin, created at start-up (its password is reset to CONSOLE_ADMIN_PASSWORD each start); required in cloud mode until an admin exists',
  },
  { name: 'CONSOLE_ADMIN_PASSWORD', default: '—', meaning: 'password of that admin (at least 12 characters, not containing the username); never logged' },
  { name: 'SESSION_IDLE_MINUTES', default: '30', meaning: 'a session ends after this many minutes without a request (1–1440)' },
  { name: 'SESSION_MAX_HOURS', default: '12', meaning: 'a session ends this many hours after sign-in however busy (1–168)' },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    meaning: 'true behind a TLS-terminating reverse proxy: trust X-Forwarded-For/-Proto (client address, Secure __Host- cookie)',
  },
  { name: 'RATE_LIMIT_PER_MINUTE', default: '600', meaning: 'API requests per minute per client address (0 = no limit); sign-in has its own throttle' },
  {
    name: 'CONSOLE_PUBLIC_URL',
    default: '— (loopback names only)',
    meaning:
      "origin operators open the console at, e.g. https://console.example.com; requests naming another Host (DNS rebinding) are refused with 421, and changes must come from this origin or the request's own",
  },
  {
    name: 'REQUEST_TIMEOUT_MS',
    default: '60000',
    meaning: 'a request, body included, must arrive within this many milliseconds (1000–600000), else 408 and the connection closes',
  },
  { name: 'MAX_CONNECTIONS', default: '1000', meaning: 'open connections in all (1–100000); more are closed at once' },
  { name: 'MAX_CONNECTIONS_PER_ADDRESS', default: '100', meaning: "open connections per client address (1–100000; behind a proxy, the proxy's address)" },
];

const AKSK_VARIABLES = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'] as const;
const IAM_VARIABLES = ['HUAWEICLOUD_IAM_USERNAME', 'HUAWEICLOUD_IAM_PASSWORD', 'HUAWEICLOUD_IAM_DOMAIN'] as const;
const CLOUD_ONLY_VARIABLES = [
  ...AKSK_VARIABLES,
  'HUAWEICLOUD_SDK_PROJECT_ID',
  'HUAWEICLOUD_SDK_REGION',
  'HUAWEICLOUD_IAM_ENDPOINT',
  'VPC_ENDPOINT',
  ...IAM_VARIABLES,
] as const;

type Env = NodeJS.ProcessEnv;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An endpoint is an origin only: a path, query or user-info would change where signed requests go,
 * and plain http would expose tokens and signatures on the wire — except on loopback, where the
 * benchmark and local tests reach a standalone simulator.
 */
function readEndpoint(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL such as https://cce.ap-southeast-3.myhuaweicloud.com, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ConfigError(name, `must use https:// (http:// is allowed only for localhost), got "${raw}"`);
  }
  if (url.username || url.password) throw new ConfigError(name, 'must not contain user information');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ConfigError(name, `must be an origin without path or query (e.g. ${url.origin}), got "${raw}"`);
  }
  return url.origin;
}

function readCredentials(env: Env, region: string): UpstreamCredentials {
  const aksk = AKSK_VARIABLES.filter((n) => read(env, n) !== undefined);
  const iam = IAM_VARIABLES.filter((n) => read(env, n) !== undefined);
  if (aksk.length > 0 && iam.length > 0) {
    throw new ConfigError(
      aksk[0]!,
      `is set together with ${iam[0]}: configure either AK/SK (${AKSK_VARIABLES.join(', ')}) or an IAM user (${IAM_VARIABLES.join(', ')}), not both`,
    );
  }
  if (iam.length > 0) {
    const missing = IAM_VARIABLES.find((n) => read(env, n) === undefined);
    if (missing) throw new ConfigError(missing, `is required when ${iam[0]} is set (IAM mode needs ${IAM_VARIABLES.join(', ')})`);
    const endpointRaw = read(env, 'HUAWEICLOUD_IAM_ENDPOINT');
    return {
      kind: 'iam',
      endpoint: endpointRaw ? readEndpoint('HUAWEICLOUD_IAM_ENDPOINT', endpointRaw) : `https://iam.${region}.myhuaweicloud.com`,
      username: read(env, 'HUAWEICLOUD_IAM_USERNAME')!,
      password: read(env, 'HUAWEICLOUD_IAM_PASSWORD')!,
      domain: read(env, 'HUAWEICLOUD_IAM_DOMAIN')!,
    };
  }
  const missing = AKSK_VARIABLES.find((n) => read(env, n) === undefined);
  if (missing) {
    throw new ConfigError(
      missing,
      aksk.length > 0
        ? `is required when ${aksk[0]} is set`
        : `is required when CCE_ENDPOINT is set (or configure an IAM user with ${IAM_VARIABLES.join(', ')})`,
    );
  }
  const ak = read(env, 'HUAWEICLOUD_SDK_AK')!;
  if (!/^[A-Za-z0-9]+$/.test(ak)) throw new ConfigError('HUAWEICLOUD_SDK_AK', 'must contain letters and digits only');
  return { kind: 'aksk', ak, sk: read(env, 'HUAWEICLOUD_SDK_SK')! };
}

/** The region's public VPC endpoint, where the network look-ups go unless `VPC_ENDPOINT` says otherwise. */
export function regionVpcEndpoint(region: string): string {
  return `https://vpc.${region}.myhuaweicloud.com`;
}

function readCloud(env: Env, endpointRaw: string): CloudConfig {
  const endpoint = readEndpoint('CCE_ENDPOINT', endpointRaw);
  const projectId = read(env, 'HUAWEICLOUD_SDK_PROJECT_ID');
  if (projectId === undefined) throw new ConfigError('HUAWEICLOUD_SDK_PROJECT_ID', 'is required when CCE_ENDPOINT is set');
  if (!/^[0-9a-f]{32}$/.test(projectId)) {
    throw new ConfigError('HUAWEICLOUD_SDK_PROJECT_ID', `must be 32 lowercase hex characters (an IAM project id), got "${projectId}"`);
  }
  const region = read(env, 'HUAWEICLOUD_SDK_REGION');
  if (region === undefined) throw new ConfigError('HUAWEICLOUD_SDK_REGION', 'is required when CCE_ENDPOINT is set');
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) throw new ConfigError('HUAWEICLOUD_SDK_REGION', `must look like ap-southeast-3, got "${region}"`);
  const vpcRaw = read(env, 'VPC_ENDPOINT');
  const vpcEndpoint = vpcRaw ? readEndpoint('VPC_ENDPOINT', vpcRaw) : regionVpcEndpoint(region);
  return { endpoint, vpcEndpoint, projectId, region, credentials: readCredentials(env, region) };
}

/** Reads and validates the BFF's variables (see {@link CONFIG_VARIABLES}); throws {@link ConfigError} naming the first bad one. */
export function loadConfig(env: Env): BffConfig {
  const port = readInteger(env, 'PORT', 8080, 0, 65535);
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const timeoutMs = readInteger(env, 'CCE_TIMEOUT_MS', 30_000, 1, 600_000);
  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const staticDir = read(env, 'STATIC_DIR') ?? 'dist';
  const endpointRaw = read(env, 'CCE_ENDPOINT');
  const cloud = endpointRaw === undefined ? null : readCloud(env, endpointRaw);
  const ignored = cloud ? [] : CLOUD_ONLY_VARIABLES.filter((n) => read(env, n) !== undefined);
  return { host, port, timeoutMs, logLevel: logLevel as LogLevel, staticDir, cloud, ignored, console: readConsoleSettings(env, cloud !== null) };
}

function readPublicUrl(env: Env): string | null {
  const raw = read(env, 'CONSOLE_PUBLIC_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('CONSOLE_PUBLIC_URL', `must be an absolute URL such as https://console.example.com, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('CONSOLE_PUBLIC_URL', `must use https:// or http://, got "${raw}"`);
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ConfigError('CONSOLE_PUBLIC_URL', `must be an origin without path, query or user information (e.g. ${url.origin}), got "${raw}"`);
  }
  return url.origin;
}

function readConsoleSettings(env: Env, cloud: boolean): ConsoleSettings {
  const databaseUrl = read(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a PostgreSQL connection string starting with postgres:// or postgresql://');
  }
  const username = read(env, 'CONSOLE_ADMIN_USER');
  const password = env.CONSOLE_ADMIN_PASSWORD;
  if (username !== undefined && !password) throw new ConfigError('CONSOLE_ADMIN_PASSWORD', 'is required when CONSOLE_ADMIN_USER is set');
  if (username === undefined && password) throw new ConfigError('CONSOLE_ADMIN_USER', 'is required when CONSOLE_ADMIN_PASSWORD is set');
  if (username !== undefined) {
    const nameCheck = usernameSchema.safeParse(username);
    if (!nameCheck.success) throw new ConfigError('CONSOLE_ADMIN_USER', nameCheck.error.issues[0]!.message);
    const problem = passwordProblem(password!, username);
    if (problem) throw new ConfigError('CONSOLE_ADMIN_PASSWORD', problem);
  }
  const trustProxy = (read(env, 'TRUST_PROXY') ?? 'false').toLowerCase();
  if (trustProxy !== 'true' && trustProxy !== 'false') throw new ConfigError('TRUST_PROXY', `must be true or false, got "${env.TRUST_PROXY}"`);
  return {
    // Cloud mode has its own default directory: accounts made in simulator mode (demo passwords) never come along silently.
    dataDir: read(env, 'CONSOLE_DATA_DIR') ?? (cloud ? './data-cloud' : './data'),
    databaseUrl,
    admin: username !== undefined ? { username, password: password! } : null,
    sessionIdleMs: readInteger(env, 'SESSION_IDLE_MINUTES', 30, 1, 1440) * 60_000,
    sessionAbsoluteMs: readInteger(env, 'SESSION_MAX_HOURS', 12, 1, 168) * 3_600_000,
    trustProxy: trustProxy === 'true',
    rateLimitPerMinute: readInteger(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    publicUrl: readPublicUrl(env),
    requestTimeoutMs: readInteger(env, 'REQUEST_TIMEOUT_MS', 60_000, 1_000, 600_000),
    maxConnections: readInteger(env, 'MAX_CONNECTIONS', 1_000, 1, 100_000),
    maxConnectionsPerAddress: readInteger(env, 'MAX_CONNECTIONS_PER_ADDRESS', 100, 1, 100_000),
  };
}
