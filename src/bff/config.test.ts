import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

const PROJECT = '0c1e7b3a5d9f4e2a8b6c4d2e0f1a3b5c';
const CLOUD = {
  CCE_ENDPOINT: 'https://cce.ap-southeast-3.myhuaweicloud.com',
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
  HUAWEICLOUD_SDK_REGION: 'ap-southeast-3',
};
const AKSK = { HUAWEICLOUD_SDK_AK: 'HPUAEXAMPLEAK0000001', HUAWEICLOUD_SDK_SK: 'example-secret' };
const IAM = { HUAWEICLOUD_IAM_USERNAME: 'ops', HUAWEICLOUD_IAM_PASSWORD: 'pw', HUAWEICLOUD_IAM_DOMAIN: 'acme' };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('defaults to simulator mode on 127.0.0.1:8080 serving dist', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8080,
      timeoutMs: 30_000,
      logLevel: 'info',
      staticDir: 'dist',
      cloud: null,
      ignored: [],
      console: {
        dataDir: './data',
        databaseUrl: null,
        admin: null,
        sessionIdleMs: 30 * 60_000,
        sessionAbsoluteMs: 12 * 3_600_000,
        trustProxy: false,
        rateLimitPerMinute: 600,
        publicUrl: null,
        requestTimeoutMs: 60_000,
        maxConnections: 1_000,
        maxConnectionsPerAddress: 100,
      },
    });
  });

  it('reads the console settings and refuses a weak or half-configured admin', () => {
    expect(
      loadConfig({
        CONSOLE_DATA_DIR: '/var/lib/console',
        DATABASE_URL: 'postgres://console@db:5432/console',
        CONSOLE_ADMIN_USER: 'alice',
        CONSOLE_ADMIN_PASSWORD: 'a long admin passphrase',
        SESSION_IDLE_MINUTES: '15',
        SESSION_MAX_HOURS: '8',
        TRUST_PROXY: 'true',
        RATE_LIMIT_PER_MINUTE: '0',
        CONSOLE_PUBLIC_URL: 'https://console.example.com/',
        REQUEST_TIMEOUT_MS: '5000',
        MAX_CONNECTIONS: '50',
        MAX_CONNECTIONS_PER_ADDRESS: '5',
      }).console,
    ).toEqual({
      dataDir: '/var/lib/console',
      databaseUrl: 'postgres://console@db:5432/console',
      admin: { username: 'alice', password: 'a long admin passphrase' },
      sessionIdleMs: 15 * 60_000,
      sessionAbsoluteMs: 8 * 3_600_000,
      trustProxy: true,
      rateLimitPerMinute: 0,
      publicUrl: 'https://console.example.com',
      requestTimeoutMs: 5_000,
      maxConnections: 50,
      maxConnectionsPerAddress: 5,
    });
    expect(() => loadConfig({ CONSOLE_PUBLIC_URL: 'console.example.com' })).toThrow(/^CONSOLE_PUBLIC_URL must be an absolute URL/);
    expect(() => loadConfig({ CONSOLE_PUBLIC_URL: 'https://console.example.com/app' })).toThrow(/^CONSOLE_PUBLIC_URL must be an origin/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/^REQUEST_TIMEOUT_MS must be an integer from 1000/);
    expect(() => loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: '0' })).toThrow(/^MAX_CONNECTIONS_PER_ADDRESS must be an integer from 1/);
    expect(() => loadConfig({ CONSOLE_ADMIN_USER: 'alice' })).toThrow(/^CONSOLE_ADMIN_PASSWORD is required/);
    expect(() => loadConfig({ CONSOLE_ADMIN_USER: 'alice', CONSOLE_ADMIN_PASSWORD: 'short' })).toThrow(/^CONSOLE_ADMIN_PASSWORD must be at least 12/);
    expect(() => loadConfig({ CONSOLE_ADMIN_USER: 'Alice!', CONSOLE_ADMIN_PASSWORD: 'a long admin passphrase' })).toThrow(/^CONSOLE_ADMIN_USER /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^DATABASE_URL /);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/^TRUST_PROXY /);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/^SESSION_IDLE_MINUTES /);
  });

  it('reads the general settings', () => {
    const config = loadConfig({ PORT: '9000', HOST: '0.0.0.0', CCE_TIMEOUT_MS: '1500', LOG_LEVEL: 'WARN', STATIC_DIR: '/srv/console' });
    expect(config).toMatchObject({ port: 9000, host: '0.0.0.0', timeoutMs: 1500, logLevel: 'warn', staticDir: '/srv/console' });
  });

  it('reads cloud mode with AK/SK, keeping only the endpoint origin', () => {
    const config = loadConfig({ ...CLOUD, ...AKSK, CCE_ENDPOINT: 'https://cce.ap-southeast-3.myhuaweicloud.com/' });
    expect(config.cloud).toEqual({
      endpoint: 'https://cce.ap-southeast-3.myhuaweicloud.com',
      vpcEndpoint: 'https://vpc.ap-southeast-3.myhuaweicloud.com',
      projectId: PROJECT,
      region: 'ap-southeast-3',
      credentials: { kind: 'aksk', ak: AKSK.HUAWEICLOUD_SDK_AK, sk: AKSK.HUAWEICLOUD_SDK_SK },
    });
  });

  it('reads cloud mode with an IAM user, defaulting the IAM endpoint to the region', () => {
    expect(loadConfig({ ...CLOUD, ...IAM }).cloud?.credentials).toEqual({
      kind: 'iam',
      endpoint: 'https://iam.ap-southeast-3.myhuaweicloud.com',
      username: 'ops',
      password: 'pw',
      domain: 'acme',
    });
    expect(loadConfig({ ...CLOUD, ...IAM, HUAWEICLOUD_IAM_ENDPOINT: 'https://iam.myhuaweicloud.com' }).cloud?.credentials).toMatchObject({
      endpoint: 'https://iam.myhuaweicloud.com',
    });
  });

  it('derives the VPC endpoint from the region, or takes VPC_ENDPOINT (an origin, https except loopback)', () => {
    expect(loadConfig({ ...CLOUD, ...AKSK, VPC_ENDPOINT: 'https://vpc.example.com/' }).cloud?.vpcEndpoint).toBe('https://vpc.example.com');
    expect(loadConfig({ ...CLOUD, ...AKSK, VPC_ENDPOINT: 'http://127.0.0.1:9443' }).cloud?.vpcEndpoint).toBe('http://127.0.0.1:9443');
    expect(configError({ ...CLOUD, ...AKSK, VPC_ENDPOINT: 'http://vpc.example.com' }).message).toMatch(/^VPC_ENDPOINT must use https:\/\//);
    expect(configError({ ...CLOUD, ...AKSK, VPC_ENDPOINT: 'https://vpc.example.com/v1' }).message).toMatch(/^VPC_ENDPOINT must be an origin/);
    expect(loadConfig({ VPC_ENDPOINT: 'https://vpc.example.com' }).ignored).toEqual(['VPC_ENDPOINT']);
  });

  it('allows plain http only to loopback (a standalone simulator)', () => {
    expect(loadConfig({ ...CLOUD, ...AKSK, CCE_ENDPOINT: 'http://127.0.0.1:9443' }).cloud?.endpoint).toBe('http://127.0.0.1:9443');
    expect(loadConfig({ ...CLOUD, ...AKSK, CCE_ENDPOINT: 'http://localhost:9443' }).cloud?.endpoint).toBe('http://localhost:9443');
    expect(configError({ ...CLOUD, ...AKSK, CCE_ENDPOINT: 'http://cce.example.com' }).message).toMatch(/^CCE_ENDPOINT must use https:\/\//);
  });

  it('lists cloud variables that have no effect in simulator mode', () => {
    expect(loadConfig({ ...AKSK, HUAWEICLOUD_SDK_REGION: 'ap-southeast-3' }).ignored).toEqual([
      'HUAWEICLOUD_SDK_AK',
      'HUAWEICLOUD_SDK_SK',
      'HUAWEICLOUD_SDK_REGION',
    ]);
  });

  it.each([
    { label: 'not a number', env: { PORT: 'eighty' }, variable: 'PORT', problem: /integer from 0 to 65535/ },
    { label: 'out of range', env: { PORT: '70000' }, variable: 'PORT', problem: /integer from 0 to 65535/ },
    { label: 'zero timeout', env: { CCE_TIMEOUT_MS: '0' }, variable: 'CCE_TIMEOUT_MS', problem: /integer from 1 to 600000/ },
    { label: 'unknown level', env: { LOG_LEVEL: 'verbose' }, variable: 'LOG_LEVEL', problem: /must be one of fatal, error, warn, info, debug, trace, silent/ },
    { label: 'not a URL', env: { ...CLOUD, ...AKSK, CCE_ENDPOINT: 'cce.example.com' }, variable: 'CCE_ENDPOINT', problem: /absolute URL/ },
    {
      label: 'with a path',
      env: { ...CLOUD, ...AKSK, CCE_ENDPOINT: 'https://cce.example.com/autopilot' },
      variable: 'CCE_ENDPOINT',
      problem: /origin without path/,
    },
    {
      label: 'with user info',
      env: { ...CLOUD, ...AKSK, CCE_ENDPOINT: 'https://user:pw@cce.example.com' },
      variable: 'CCE_ENDPOINT',
      problem: /user information/,
    },
    { label: 'missing', env: { ...CLOUD, ...AKSK, HUAWEICLOUD_SDK_PROJECT_ID: undefined }, variable: 'HUAWEICLOUD_SDK_PROJECT_ID', problem: /required/ },
    {
      label: 'not hex',
      env: { ...CLOUD, ...AKSK, HUAWEICLOUD_SDK_PROJECT_ID: 'my-project' },
      variable: 'HUAWEICLOUD_SDK_PROJECT_ID',
      problem: /32 lowercase hex/,
    },
    { label: 'empty', env: { ...CLOUD, ...AKSK, HUAWEICLOUD_SDK_REGION: '' }, variable: 'HUAWEICLOUD_SDK_REGION', problem: /required/ },
    {
      label: 'not a region name',
      env: { ...CLOUD, ...AKSK, HUAWEICLOUD_SDK_REGION: 'Singapore' },
      variable: 'HUAWEICLOUD_SDK_REGION',
      problem: /ap-southeast-3/,
    },
    { label: 'no credentials', env: { ...CLOUD }, variable: 'HUAWEICLOUD_SDK_AK', problem: /required when CCE_ENDPOINT is set/ },
    {
      label: 'AK without SK',
      env: { ...CLOUD, HUAWEICLOUD_SDK_AK: 'AK1' },
      variable: 'HUAWEICLOUD_SDK_SK',
      problem: /required when HUAWEICLOUD_SDK_AK is set/,
    },
    { label: 'SK without AK', env: { ...CLOUD, HUAWEICLOUD_SDK_SK: 'sk' }, variable: 'HUAWEICLOUD_SDK_AK', problem: /required when HUAWEICLOUD_SDK_SK is set/ },
    {
      label: 'AK with spaces',
      env: { ...CLOUD, ...AKSK, HUAWEICLOUD_SDK_AK: 'AK with spaces' },
      variable: 'HUAWEICLOUD_SDK_AK',
      problem: /letters and digits/,
    },
    { label: 'AK/SK and IAM together', env: { ...CLOUD, ...AKSK, ...IAM }, variable: 'HUAWEICLOUD_SDK_AK', problem: /not both/ },
    {
      label: 'partial IAM user',
      env: { ...CLOUD, HUAWEICLOUD_IAM_USERNAME: 'ops', HUAWEICLOUD_IAM_DOMAIN: 'acme' },
      variable: 'HUAWEICLOUD_IAM_PASSWORD',
      problem: /required when HUAWEICLOUD_IAM_USERNAME is set/,
    },
    {
      label: 'plain-http IAM endpoint',
      env: { ...CLOUD, ...IAM, HUAWEICLOUD_IAM_ENDPOINT: 'http://iam.example.com' },
      variable: 'HUAWEICLOUD_IAM_ENDPOINT',
      problem: /https/,
    },
  ])('rejects $variable: $label', ({ env, variable, problem }) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toMatch(problem);
  });

  it('never puts a secret into an error message', () => {
    const error = configError({ ...CLOUD, ...AKSK, ...IAM, HUAWEICLOUD_SDK_SK: 'TopSecretSK', HUAWEICLOUD_IAM_PASSWORD: 'TopSecretPW' });
    expect(error.message).not.toMatch(/TopSecret/);
  });
});

describe('CONFIG_VARIABLES', () => {
  it('lists exactly the variables loadConfig reads', () => {
    const read = new Set<string>();
    const recording = new Proxy({ ...CLOUD, ...IAM } as NodeJS.ProcessEnv, {
      get(target, name) {
        if (typeof name === 'string') read.add(name);
        return target[name as string];
      },
    });
    loadConfig(recording);
    loadConfig(new Proxy({ ...CLOUD, ...AKSK } as NodeJS.ProcessEnv, { get: (t, n) => (typeof n === 'string' && read.add(n), t[n as string]) }));
    loadConfig(new Proxy({} as NodeJS.ProcessEnv, { get: (t, n) => (typeof n === 'string' && read.add(n), t[n as string]) }));
    expect([...read].sort()).toEqual(CONFIG_VARIABLES.map((v) => v.name).sort());
  });

  it('gives every variable a default and a meaning', () => {
    for (const v of CONFIG_VARIABLES) {
      expect(v.default, v.name).not.toBe('');
      expect(v.meaning.length, v.name).toBeGreaterThan(10);
    }
  });

  it('is documented in the README: every variable appears there', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing = CONFIG_VARIABLES.map((v) => v.name).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
