/**
 * Simulator settings: the demo identity (key pair, IAM user, project, region) and the environment the
 * standalone server reads. The defaults are public on purpose: they only ever unlock the simulator,
 * and the BFF uses the same pair in simulator mode so its real signing path runs on every request.
 */
import { SIMULATOR_SEEDS, type SimulatorSeedName } from '../contract/simulator-control.ts';

export interface AccessKeyPairConfig {
  ak: string;
  sk: string;
}

export interface IamUserConfig {
  /** IAM user name (`auth.identity.password.user.name`). */
  name: string;
  password: string;
  /** Account (domain) name the user belongs to (`…user.domain.name`). */
  domain: string;
}

/** The seeds are named in the contract, where the control surface's reset names them too. */
export type SimulatorSeed = SimulatorSeedName;

/** Default AK/SK: a 20-character AK and a 40-character SK, the shapes Huawei Cloud issues. */
const DEFAULT_AK = 'HPUASIMDEMOAK0000001';
const DEFAULT_SK = 'sImU1aT0rDeM0sEcReTkEy0nLyF0rL0cAlUsE001';

export const DEFAULT_IAM_USER: IamUserConfig = { name: 'cce-operator', password: 'Simulator-Passw0rd!', domain: 'cce-demo-account' };

/** A realistic 32-hex project id (IAM project ids are 32 lowercase hex characters). */
export const SIMULATOR_PROJECT_ID = '0c1e7b3a5d9f4e2a8b6c4d2e0f1a3b5c';
/** AP-Singapore, the region of the reference's CCE endpoint example (`cce.ap-southeast-3.myhuaweicloud.com`). */
export const SIMULATOR_REGION = 'ap-southeast-3';

/** Key pair the simulator accepts: `SIMULATOR_AK` / `SIMULATOR_SK` when set, else the documented demo pair. */
export const SIMULATOR_DEFAULT_CREDENTIALS: AccessKeyPairConfig = {
  ak: readOptional(process.env, 'SIMULATOR_AK') ?? DEFAULT_AK,
  sk: readOptional(process.env, 'SIMULATOR_SK') ?? DEFAULT_SK,
};

export interface SimulatorEnv {
  host: string;
  port: number;
  speed: number;
  seed: SimulatorSeed;
  credentials: AccessKeyPairConfig;
  iamUser: IamUserConfig;
  projectId: string;
  region: string;
  /** Cluster quota (`autopilot_cluster` limit); undefined = the seed's default. */
  clusterQuota: number | undefined;
}

export class SimulatorConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'SimulatorConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readOptional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readNumber(env: Env, name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new SimulatorConfigError(name, `must be ${rule}, got "${raw}"`);
  return n;
}

/**
 * Reads and validates every `SIMULATOR_*` variable; throws a {@link SimulatorConfigError} naming the
 * variable when one is malformed, so a typo fails at start-up instead of producing odd behaviour.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | SIMULATOR_HOST | 127.0.0.1 | interface the standalone server listens on |
 * | SIMULATOR_PORT | 9443 | port of the standalone server |
 * | SIMULATOR_SPEED | 1 | multiplies simulated time (10 = lifecycles run ten times faster) |
 * | SIMULATOR_SEED | demo | demo (9 clusters), large (2,000 clusters), twenty (the first 20 of large) or empty |
 * | SIMULATOR_AK / SIMULATOR_SK | HPUASIMDEMOAK0000001 / sImU1aT0rDeM0sEcReTkEy0nLyF0rL0cAlUsE001 | the accepted key pair |
 * | SIMULATOR_IAM_USER / SIMULATOR_IAM_PASSWORD / SIMULATOR_IAM_DOMAIN | cce-operator / Simulator-Passw0rd! / cce-demo-account | the IAM user that may obtain tokens |
 * | SIMULATOR_PROJECT_ID | 0c1e7b3a5d9f4e2a8b6c4d2e0f1a3b5c | the one project that exists |
 * | SIMULATOR_REGION | ap-southeast-3 | region name (also the IAM project name) |
 * | SIMULATOR_CLUSTER_QUOTA | seed default (demo 12, large 2100, twenty 50, empty 5) | the cluster quota limit |
 */
export function readSimulatorEnv(env: Env = process.env): SimulatorEnv {
  const seed = readOptional(env, 'SIMULATOR_SEED') ?? 'demo';
  if (!(SIMULATOR_SEEDS as readonly string[]).includes(seed)) {
    throw new SimulatorConfigError('SIMULATOR_SEED', `must be one of ${SIMULATOR_SEEDS.join(', ')}, got "${seed}"`);
  }
  const projectId = readOptional(env, 'SIMULATOR_PROJECT_ID') ?? SIMULATOR_PROJECT_ID;
  if (!/^[0-9a-f]{32}$/.test(projectId)) throw new SimulatorConfigError('SIMULATOR_PROJECT_ID', 'must be 32 lowercase hex characters');
  const region = readOptional(env, 'SIMULATOR_REGION') ?? SIMULATOR_REGION;
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) throw new SimulatorConfigError('SIMULATOR_REGION', `must look like ap-southeast-3, got "${region}"`);
  const ak = readOptional(env, 'SIMULATOR_AK') ?? DEFAULT_AK;
  const sk = readOptional(env, 'SIMULATOR_SK') ?? DEFAULT_SK;
  if (!/^[A-Za-z0-9]+$/.test(ak)) throw new SimulatorConfigError('SIMULATOR_AK', 'must be letters and digits only');
  if (sk.length < 8) throw new SimulatorConfigError('SIMULATOR_SK', 'must be at least 8 characters');
  const quotaRaw = readOptional(env, 'SIMULATOR_CLUSTER_QUOTA');
  return {
    host: readOptional(env, 'SIMULATOR_HOST') ?? '127.0.0.1',
    port: readNumber(env, 'SIMULATOR_PORT', 9443, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer port 0–65535'),
    speed: readNumber(env, 'SIMULATOR_SPEED', 1, (n) => n > 0 && n <= 100_000, 'a number > 0 and ≤ 100000'),
    seed: seed as SimulatorSeed,
    credentials: { ak, sk },
    iamUser: {
      name: readOptional(env, 'SIMULATOR_IAM_USER') ?? DEFAULT_IAM_USER.name,
      password: readOptional(env, 'SIMULATOR_IAM_PASSWORD') ?? DEFAULT_IAM_USER.password,
      domain: readOptional(env, 'SIMULATOR_IAM_DOMAIN') ?? DEFAULT_IAM_USER.domain,
    },
    projectId,
    region,
    clusterQuota:
      quotaRaw === undefined ? undefined : readNumber(env, 'SIMULATOR_CLUSTER_QUOTA', 0, (n) => Number.isInteger(n) && n >= 0, 'a non-negative integer'),
  };
}
