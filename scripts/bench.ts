/**
 * `npm run bench`: prints the console's speed and size figures in one run, as a user and a real API
 * client meet them. A benchmark, not a test: it measures and prints; the budgets are printed beside the
 * figures for a reader to compare. The machine is shared: its load average is printed before and after.
 *
 * 1. The first page as Chromium gets it. Two BFFs in simulator mode (SIMULATOR_SEED `twenty` and
 *    `large`: 20 and 2,000 clusters), the demo viewer, BENCH_NAVIGATIONS (default 7) journeys each:
 *    - cold: a fresh browser context (empty cache, no session) opens the console, the viewer types
 *      their name and password and presses "Sign in"; measured from the form's submit to the first
 *      cluster row in the DOM (a MutationObserver sets the performance mark `cluster-list:first-row`);
 *    - warm: a reload of the signed-in cluster list with the HTTP cache of the cold journeys; measured
 *      from navigation start to the first row.
 *    Median of each, and the 2,000 / 20 ratio. Budget: 2,000 ≤ 2 × 20.
 *    Bytes on the wire come from the DevTools protocol (`Network.loadingFinished.encodedDataLength`:
 *    headers and body as transferred, after Content-Encoding), summed per kind — JavaScript, CSS, the
 *    HTML document, API answers, other — for the first cold and the first warm journey, until the first
 *    row is drawn and the network is quiet. Budget: JavaScript transferred ≤ 200 KB (cold).
 *    The API waterfall: the API requests sent after the trigger (the sign-in answer, or the reload)
 *    and before the first row, grouped into rounds — a request is in round n + 1 when it was sent after
 *    a request of round n had finished. Depth 1: everything the first rows need is requested at once.
 * 2. Throughput, latency and CPU of `GET clusters` through the BFF and directly against the standalone
 *    simulator, on loopback, BENCH_CONCURRENCY (16) clients for BENCH_DURATION_MS (5 s) per run, and one
 *    client through the BFF; each run follows BENCH_WARMUP_MS (3 s) of the same load that is not counted
 *    (a cold server's JIT compilation otherwise doubles the CPU figures of short runs). The BFF runs in cloud mode pointed at the standalone simulator, so the
 *    comparison includes everything the BFF adds: session, routing, validation, signing, one more HTTP
 *    hop. Both clients send over one keep-alive node:http agent; the direct one signs as Huawei's SDKs
 *    do (node:crypto HMAC-SHA256). CPU per request is each process's CPU time (user + system, all
 *    threads, from /proc/<pid>/stat) over the run divided by the requests it served. The three runs are
 *    repeated BENCH_ROUNDS (3) times, alternating, and each figure is the median of its rounds with every
 *    round's value beside it: on a shared virtual machine one run can be a third slower than the next,
 *    and the share of CPU time the hypervisor gave to other guests (steal, /proc/stat) is printed too.
 *    Budget: the BFF spends ≤ 0.5 ms of CPU per forwarded call under load.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { signRequest } from '../src/contract/signing.ts';
import { DEMO_ACCOUNTS } from '../src/bff/auth/bootstrap.ts';
import { createHttpTransport } from '../src/bff/upstream/http-transport.ts';
import { nodeCryptoPrimitives } from '../src/bff/upstream/node-crypto.ts';
import { SIMULATOR_DEFAULT_CREDENTIALS, SIMULATOR_PROJECT_ID, SIMULATOR_REGION } from '../src/simulator/config.ts';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_HELP } from './chromium.ts';

/** BENCH_PORT and the next three: the standalone simulator, the BFF in front of it, the 20- and 2,000-cluster BFFs. */
const BASE_PORT = Number(process.env.BENCH_PORT ?? 8531);
const [SIM_PORT, BFF_PORT, SMALL_PORT, LARGE_PORT] = [0, 1, 2, 3].map((i) => BASE_PORT + i) as [number, number, number, number];
const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 7);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** The throughput runs are repeated this many times; figures are medians of the rounds. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
/** Unmeasured load before each measured run: JIT compilation, keep-alive sockets and caches warm up first. */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3000);
/** BENCH_CPU_PROF=<dir>: the load runs' BFF writes a V8 CPU profile there when it stops (open it in Chrome DevTools). */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const JS_BUDGET_KB = 200;
const CPU_BUDGET_MS = 0.5;
const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];

function start(script: string, env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function stopAll(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within 180 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function machine(): string {
  const [one, five] = loadavg();
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${one!.toFixed(2)} / ${five!.toFixed(2)} (1 / 5 min)`;
}

/** The machine's CPU time so far, in clock ticks: all of it, and what the hypervisor gave to other guests (steal). */
function machineTicks(): { total: number; steal: number } | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

// ─── CPU time of a process ──────────────────────────────────────────────────────────────────────────

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of a process and all its threads, in ms; undefined where there is no /proc. */
function cpuTimeMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

// ─── 1. The first page in Chromium ──────────────────────────────────────────────────────────────────

const FIRST_ROW_MARK = 'cluster-list:first-row';
const SUBMIT_MARK = 'sign-in:submit';

/**
 * Marks, in the page itself, the moment the sign-in form is submitted and the moment the first cluster
 * row is inserted: polling from the test runner would add its own round trips to the figures.
 * (Source text: the scripts are compiled without the DOM library.)
 */
const MARKS_SCRIPT = `{
  document.addEventListener('submit', () => performance.mark(${JSON.stringify(SUBMIT_MARK)}), { capture: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('table[aria-label="Clusters"] tbody tr')) return;
    performance.mark(${JSON.stringify(FIRST_ROW_MARK)});
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

type Kind = 'js' | 'css' | 'html' | 'api' | 'other';

interface Fetched {
  path: string;
  method: string;
  kind: Kind;
  status: number;
  encoding: string;
  fromCache: boolean;
  /** Wall-clock ms (epoch) the request was sent and its last byte arrived. */
  sent: number;
  finished: number;
  /** Bytes on the wire: headers and body as transferred. */
  bytes: number;
}

function kindOf(cdpType: string | undefined, path: string): Kind {
  if (path.startsWith('/api/')) return 'api';
  if (cdpType === 'Script') return 'js';
  if (cdpType === 'Stylesheet') return 'css';
  if (cdpType === 'Document') return 'html';
  return 'other';
}

interface CdpRequestWillBeSent {
  requestId: string;
  request: { url: string; method: string };
  timestamp: number;
  wallTime: number;
  type?: string;
}
interface CdpResponseReceived {
  requestId: string;
  type?: string;
  response: { status: number; headers: Record<string, string>; fromDiskCache?: boolean; fromServiceWorker?: boolean };
}
interface CdpLoadingFinished {
  requestId: string;
  timestamp: number;
  encodedDataLength: number;
}

/** Everything the page fetches, from the DevTools protocol's Network domain. */
async function recordNetwork(page: Page): Promise<{ requests: Fetched[]; session: CDPSession }> {
  const session = await page.context().newCDPSession(page);
  const requests: Fetched[] = [];
  const pending = new Map<string, { sent: CdpRequestWillBeSent; response?: CdpResponseReceived; fromCache: boolean }>();
  // CDP timestamps are monotonic seconds; wallTime (epoch seconds) comes with each request sent.
  let monotonicToEpochMs = 0;
  session.on('Network.requestWillBeSent', (event: CdpRequestWillBeSent) => {
    monotonicToEpochMs = event.wallTime * 1000 - event.timestamp * 1000;
    pending.set(event.requestId, { sent: event, fromCache: false });
  });
  session.on('Network.requestServedFromCache', (event: { requestId: string }) => {
    const entry = pending.get(event.requestId);
    if (entry) entry.fromCache = true;
  });
  session.on('Network.responseReceived', (event: CdpResponseReceived) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    entry.response = event;
    if (event.response.fromDiskCache) entry.fromCache = true;
  });
  session.on('Network.loadingFinished', (event: CdpLoadingFinished) => {
    const entry = pending.get(event.requestId);
    if (!entry) return;
    pending.delete(event.requestId);
    const url = new URL(entry.sent.request.url);
    const headers = entry.response?.response.headers ?? {};
    const encoding = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
    requests.push({
      path: url.pathname + url.search,
      method: entry.sent.request.method,
      kind: kindOf(entry.response?.type ?? entry.sent.type, url.pathname),
      status: entry.response?.response.status ?? 0,
      encoding,
      fromCache: entry.fromCache,
      sent: entry.sent.timestamp * 1000 + monotonicToEpochMs,
      finished: event.timestamp * 1000 + monotonicToEpochMs,
      bytes: event.encodedDataLength,
    });
  });
  await session.send('Network.enable');
  return { requests, session };
}

/** Epoch ms of a performance mark in the page, or NaN. */
function markTime(page: Page, mark: string): Promise<number> {
  return page.evaluate((name: string) => {
    const entry = performance.getEntriesByName(name)[0];
    return entry ? performance.timeOrigin + entry.startTime : NaN;
  }, mark);
}

interface Round {
  n: number;
  request: Fetched;
}

/** API requests sent at or after `from` and before `until`, each in the round it waited for (see the header). */
function waterfall(requests: Fetched[], from: number, until: number): Round[] {
  const api = requests
    .filter((r) => r.kind === 'api' && r.sent >= from && r.sent < until && !(r.method === 'POST' && r.path === '/api/session'))
    .sort((a, b) => a.sent - b.sent);
  const rounds: Round[] = [];
  for (const request of api) {
    const before = rounds.filter((r) => r.request.finished <= request.sent).map((r) => r.n);
    rounds.push({ n: 1 + Math.max(0, ...before), request });
  }
  return rounds;
}

interface Journey {
  /** ms from the trigger (submit, or navigation start) to the first row. */
  ms: number;
  rows: number;
  requests: Fetched[];
  rounds: Round[];
}

async function firstRows(page: Page): Promise<{ at: number; rows: number }> {
  const table = page.getByRole('table', { name: 'Clusters' });
  await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  const at = await markTime(page, FIRST_ROW_MARK);
  if (Number.isNaN(at)) throw new Error(`no ${FIRST_ROW_MARK} mark`);
  return { at, rows: await table.locator('tbody tr').count() };
}

/** Lets the first page finish what it fetches on its own (lazy chunks after the first render), up to 5 s. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

/** Cold: a fresh context opens the console, signs in through the form, and waits for the first row. */
async function coldJourney(
  context: BrowserContext,
  origin: string,
  account: { username: string; password: string },
): Promise<{ journey: Journey; page: Page }> {
  const page = await context.newPage();
  const { requests } = await recordNetwork(page);
  await page.goto(`${origin}/`);
  await page.getByRole('textbox', { name: 'Username' }).fill(account.username);
  await page.getByRole('textbox', { name: 'Password' }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const { at, rows } = await firstRows(page);
  const submitted = await markTime(page, SUBMIT_MARK);
  await settle(page);
  const signIn = requests.find((r) => r.method === 'POST' && r.path === '/api/session');
  return { journey: { ms: at - submitted, rows, requests: [...requests], rounds: waterfall(requests, signIn?.finished ?? submitted, at) }, page };
}

/** Cold and signed in: the cluster list opened with an empty cache by a browser that holds a session. */
async function signedInColdJourney(browser: Browser, origin: string, account: { username: string; password: string }): Promise<Journey> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: MARKS_SCRIPT });
    const signedIn = await context.request.post(`${origin}/api/session`, { data: { username: account.username, password: account.password } });
    if (!signedIn.ok()) throw new Error(`bench sign-in failed: ${signedIn.status()}`);
    const page = await context.newPage();
    const { requests } = await recordNetwork(page);
    await page.goto(`${origin}/clusters`);
    const { at, rows } = await firstRows(page);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    await settle(page);
    return { ms: at - navigationStart, rows, requests: [...requests], rounds: waterfall(requests, navigationStart, at) };
  } finally {
    await context.close();
  }
}

/** Warm: the signed-in cluster list reloaded with a warm HTTP cache. */
async function warmJourney(page: Page): Promise<Journey> {
  const { requests, session } = await recordNetwork(page);
  await page.reload();
  const { at, rows } = await firstRows(page);
  const navigationStart = await page.evaluate(() => performance.timeOrigin);
  await settle(page);
  await session.detach();
  return { ms: at - navigationStart, rows, requests: [...requests], rounds: waterfall(requests, navigationStart, at) };
}

interface SeedFigures {
  cold: Journey[];
  warm: Journey[];
  signedInCold: Journey;
}

async function journeys(browser: Browser, origin: string, account: { username: string; password: string }): Promise<SeedFigures> {
  const cold: Journey[] = [];
  const warm: Journey[] = [];
  let last: { context: BrowserContext; page: Page } | undefined;
  // One unmeasured cold journey first: the BFF's own start-up (first compiles, first store queries) is not the user's.
  for (let i = 0; i <= NAVIGATIONS; i++) {
    await last?.context.close();
    const context = await browser.newContext();
    await context.addInitScript({ content: MARKS_SCRIPT });
    const { journey, page } = await coldJourney(context, origin, account);
    if (i > 0) cold.push(journey);
    last = { context, page };
  }
  for (let i = 0; i < NAVIGATIONS; i++) warm.push(await warmJourney(last!.page));
  await last?.context.close();
  return { cold, warm, signedInCold: await signedInColdJourney(browser, origin, account) };
}

function printBytes(label: string, journey: Journey, listFiles: boolean): number {
  const byKind = (kind: Kind) => journey.requests.filter((r) => r.kind === kind);
  const sum = (kind: Kind) => byKind(kind).reduce((n, r) => n + r.bytes, 0);
  console.log(`  ${label}: ${journey.requests.length} requests, ${kb(journey.requests.reduce((n, r) => n + r.bytes, 0))} transferred`);
  for (const kind of ['js', 'css', 'html', 'api', 'other'] as const) {
    const list = byKind(kind);
    const cached = list.filter((r) => r.fromCache || r.status === 304).length;
    console.log(
      `    ${kind.padEnd(5)} ${kb(sum(kind)).padStart(10)}   ${String(list.length).padStart(3)} requests${cached ? ` (${cached} from cache or 304)` : ''}`,
    );
  }
  if (listFiles) {
    for (const r of journey.requests.filter((q) => q.kind === 'js' || q.kind === 'css').sort((a, b) => b.bytes - a.bytes)) {
      console.log(`      ${r.kind.padEnd(3)} ${r.path.padEnd(52)} ${kb(r.bytes).padStart(9)}  ${r.encoding}`);
    }
  }
  return sum('js');
}

function printWaterfall(label: string, journey: Journey) {
  const depth = Math.max(0, ...journey.rounds.map((r) => r.n));
  const t0 = journey.rounds[0]?.request.sent ?? 0;
  console.log(`  ${label}: ${depth} round${depth === 1 ? '' : 's'} of API requests before the first row`);
  for (const { n, request } of journey.rounds) {
    const span = `${(request.sent - t0).toFixed(0).padStart(5)}–${(request.finished - t0).toFixed(0).padStart(5)} ms`;
    console.log(`    round ${n}  ${span}  ${request.method.padEnd(6)} ${request.path} → ${request.status}`);
  }
}

async function firstPage(): Promise<void> {
  const sized = (port: number, seed: string) => {
    const dir = mkdtempSync(join(tmpdir(), `cce-console-bench-${seed}-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    start('src/bff/server.ts', { PORT: String(port), HOST: '127.0.0.1', SIMULATOR_SEED: seed, CONSOLE_DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '0' });
  };
  sized(SMALL_PORT, 'twenty');
  sized(LARGE_PORT, 'large');
  await waitFor(`http://127.0.0.1:${SMALL_PORT}/api/health`);
  await waitFor(`http://127.0.0.1:${LARGE_PORT}/api/health`);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    // The demo viewer exists in simulator mode; reading the list is all this needs.
    const viewer = DEMO_ACCOUNTS.find((a) => a.role === 'viewer')!;
    const small = await journeys(browser, `http://127.0.0.1:${SMALL_PORT}`, viewer);
    const large = await journeys(browser, `http://127.0.0.1:${LARGE_PORT}`, viewer);

    console.log(`1. The first page (cluster list) in headless Chromium ${browser.version()}, loopback, bytes from the DevTools protocol`);
    console.log(`\nBytes on the wire (headers + body as transferred), 20 clusters:`);
    const firstPageJs = printBytes('cold, signed in — empty cache, a session from an earlier visit: /clusters to its first row', small.signedInCold, true);
    const coldJs = printBytes('cold — empty cache, no session: the sign-in page, "Sign in", the first cluster row', small.cold[0]!, true);
    printBytes('warm — reload of the signed-in list with a warm cache', small.warm[0]!, false);
    console.log(
      `  → JavaScript transferred: first page (cluster list, cold) ${kb(firstPageJs)}; sign-in page + cluster list (cold) ${kb(coldJs)} (budget ≤ ${JS_BUDGET_KB} KB)`,
    );

    console.log(`\nAPI request waterfall before the first row, 20 clusters:`);
    printWaterfall('cold, after the sign-in answer', small.cold[0]!);
    printWaterfall('warm, from navigation start', small.warm[0]!);
    const depths = (list: Journey[]) => list.map((j) => Math.max(0, ...j.rounds.map((r) => r.n))).join(', ');
    console.log(
      `  depth per journey: 20 clusters cold ${depths(small.cold)} · warm ${depths(small.warm)}; 2,000 clusters cold ${depths(large.cold)} · warm ${depths(large.warm)}`,
    );

    console.log(`\nTime to the first cluster row, median of ${NAVIGATIONS} journeys each:`);
    const line = (label: string, list: Journey[]) =>
      console.log(
        `  ${label.padEnd(44)} ${median(list.map((j) => j.ms))
          .toFixed(0)
          .padStart(6)} ms   (${list[0]!.rows} rows drawn; samples ${list.map((j) => j.ms.toFixed(0)).join(', ')})`,
      );
    line('cold, "Sign in" → first row, 20 clusters', small.cold);
    line('cold, "Sign in" → first row, 2,000 clusters', large.cold);
    line('warm, reload → first row, 20 clusters', small.warm);
    line('warm, reload → first row, 2,000 clusters', large.warm);
    const ratio = (a: Journey[], b: Journey[]) => (median(a.map((j) => j.ms)) / median(b.map((j) => j.ms))).toFixed(2);
    console.log(`  ratio 2,000 / 20: cold ${ratio(large.cold, small.cold)}×, warm ${ratio(large.warm, small.warm)}× (budget ≤ 2×)`);
  } finally {
    await browser.close();
    await stopAll();
  }
}

// ─── 2. Throughput and CPU ─────────────────────────────────────────────────────────────────────────

/** The benchmark's own admin in the BFF's throw-away store; the load runs as a signed-in operator would. */
const BENCH_ADMIN = { username: 'bench-admin', password: 'bench admin passphrase' };

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  bytes: number;
  /** CPU ms per request of each measured process, and of the load generator itself. */
  cpu: Record<string, number | undefined>;
}

type Send = () => Promise<{ status: number; body: Buffer }>;

/** A closed loop: `concurrency` clients each sending the next request when the last is answered, for `ms`. */
async function closedLoop(send: Send, concurrency: number, ms: number, onAnswer: (res: { status: number; body: Buffer }, latency: number) => void) {
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const res = await send();
        onAnswer(res, performance.now() - t0);
      }
    }),
  );
}

async function load(send: Send, concurrency: number, processes: Record<string, number | undefined>): Promise<LoadResult> {
  // Warm-up, not counted: the same load for WARMUP_MS (JIT, keep-alive connections, caches), then the measured run.
  let warmUpErrors = 0;
  await closedLoop(send, concurrency, WARMUP_MS, (res) => {
    if (res.status !== 200) warmUpErrors++;
  });
  if (warmUpErrors > 0) throw new Error(`${warmUpErrors} requests failed during the warm-up`);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuTimeMs(pid)]));
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  await closedLoop(send, concurrency, DURATION_MS, (res, latency) => {
    if (res.status !== 200) errors++;
    bytes = res.body.byteLength;
    latencies.push(latency);
  });
  const seconds = (performance.now() - started) / 1000;
  const self = process.cpuUsage(selfBefore);
  const cpu: Record<string, number | undefined> = {};
  for (const [name, pid] of Object.entries(processes)) {
    const after = cpuTimeMs(pid);
    const before = cpuBefore[name];
    cpu[name] = after !== undefined && before !== undefined ? (after - before) / latencies.length : undefined;
  }
  cpu.client = (self.user + self.system) / 1000 / latencies.length;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { requests: latencies.length, errors, seconds, p50: pct(0.5), p99: pct(0.99), bytes, cpu };
}

function row(name: string, r: LoadResult): void {
  const rps = r.requests / r.seconds;
  const cpu = Object.entries(r.cpu)
    .map(([who, ms]) => `${who} ${ms === undefined ? 'n/a' : `${ms.toFixed(3)} ms`}`)
    .join(', ');
  console.log(
    `  ${name.padEnd(30)} ${rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  errors ${r.errors}  │ CPU per request: ${cpu}`,
  );
}

async function throughput(): Promise<void> {
  const keys = SIMULATOR_DEFAULT_CREDENTIALS;
  const dataDir = mkdtempSync(join(tmpdir(), 'cce-console-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const simulator = start('src/simulator/server.ts', { SIMULATOR_PORT: String(SIM_PORT), SIMULATOR_HOST: '127.0.0.1' });
  const bff = start(
    'src/bff/server.ts',
    {
      PORT: String(BFF_PORT),
      HOST: '127.0.0.1',
      CCE_ENDPOINT: `http://127.0.0.1:${SIM_PORT}`,
      HUAWEICLOUD_SDK_AK: keys.ak,
      HUAWEICLOUD_SDK_SK: keys.sk,
      HUAWEICLOUD_SDK_PROJECT_ID: SIMULATOR_PROJECT_ID,
      HUAWEICLOUD_SDK_REGION: SIMULATOR_REGION,
      CONSOLE_DATA_DIR: dataDir,
      CONSOLE_ADMIN_USER: BENCH_ADMIN.username,
      CONSOLE_ADMIN_PASSWORD: BENCH_ADMIN.password,
      // The load comes from one address far faster than an operator clicks; the API rate limit would cap it.
      RATE_LIMIT_PER_MINUTE: '0',
      // The default level, as deployed: an access-log line per request (to /dev/null here) is part of the cost.
      LOG_LEVEL: 'info',
    },
    CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [],
  );
  await waitFor(`http://127.0.0.1:${SIM_PORT}/`);
  await waitFor(`http://127.0.0.1:${BFF_PORT}/api/health`);

  // One keep-alive node:http agent for both clients: the BFF's own cloud transport.
  const http = createHttpTransport({ maxSockets: CONCURRENCY });
  cleanups.push(() => http.close());
  const signal = new AbortController().signal;
  // Every request in flight listens on it: more than Node's default of 10 listeners, and no leak.
  setMaxListeners(0, signal);
  const send = (url: string, headers: Record<string, string>) =>
    http.transport(url, { method: 'GET', headers, signal }).then((res) => ({ status: res.status, body: res.body }));

  const path = `/autopilot/v3/projects/${SIMULATOR_PROJECT_ID}/clusters`;
  const host = `127.0.0.1:${SIM_PORT}`;
  // As Huawei's SDKs send it: X-Project-Id and Content-Type, signed with HMAC-SHA256 from node:crypto.
  const direct: Send = async () =>
    send(
      `http://${host}${path}`,
      await signRequest(
        { method: 'GET', host, path, query: {}, headers: { 'X-Project-Id': SIMULATOR_PROJECT_ID, 'Content-Type': 'application/json' } },
        keys,
        new Date(),
        nodeCryptoPrimitives,
      ),
    );
  const signedIn = await fetch(`http://127.0.0.1:${BFF_PORT}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (signedIn.status !== 200) throw new Error(`bench sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
  const cookie = signedIn.headers.get('set-cookie')!.split(';', 1)[0]!;
  const viaBff: Send = () => send(`http://127.0.0.1:${BFF_PORT}/api/cce${path}`, { cookie });

  console.log(
    `\n2. GET clusters (simulator seed demo), loopback, ${DURATION_MS / 1000} s per run, BFF at LOG_LEVEL=info; CPU = process CPU time (user + system) / requests`,
  );
  console.log(`  each run after ${WARMUP_MS / 1000} s of the same load, not counted (warm-up: JIT, keep-alive connections, caches)`);
  const ticksBefore = machineTicks();
  const rounds: { direct: LoadResult; bff: LoadResult; single: LoadResult }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`  round ${round} of ${ROUNDS}`);
    const directRun = await load(direct, CONCURRENCY, { simulator: simulator.pid });
    if (round === 1) console.log(`  answer: ${kb(directRun.bytes)} of JSON`);
    row(`direct → simulator, ${CONCURRENCY} clients`, directRun);
    const bffRun = await load(viaBff, CONCURRENCY, { bff: bff.pid, simulator: simulator.pid });
    row(`via BFF → simulator, ${CONCURRENCY} clients`, bffRun);
    const single = await load(viaBff, 1, { bff: bff.pid, simulator: simulator.pid });
    row('via BFF → simulator, 1 client', single);
    rounds.push({ direct: directRun, bff: bffRun, single });
  }
  const ticksAfter = machineTicks();
  if (ticksBefore && ticksAfter && ticksAfter.total > ticksBefore.total) {
    const steal = (100 * (ticksAfter.steal - ticksBefore.steal)) / (ticksAfter.total - ticksBefore.total);
    console.log(
      `  CPU time the hypervisor gave to other guests during the runs (steal, as /proc/stat reports it; some hypervisors never do): ${steal.toFixed(1)} %`,
    );
  }
  const rps = (r: LoadResult) => r.requests / r.seconds;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  /** The median of the rounds and each round's value, e.g. "0.412 ms (rounds 0.398, 0.412, 0.530)". */
  const summary = (values: (number | undefined)[], digits: number, unit: string) => {
    const known = values.filter((v): v is number => v !== undefined);
    if (known.length === 0) return 'n/a (no /proc)';
    return `${median(known).toFixed(digits)}${unit} (rounds ${known.map((v) => v.toFixed(digits)).join(', ')})`;
  };
  console.log(`  medians of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}:`);
  console.log(
    `    direct → simulator, ${CONCURRENCY} clients: ${summary(
      rounds.map((r) => rps(r.direct)),
      0,
      ' req/s',
    )}`,
  );
  console.log(
    `    via BFF → simulator, ${CONCURRENCY} clients: ${summary(
      rounds.map((r) => rps(r.bff)),
      0,
      ' req/s',
    )}`,
  );
  console.log(
    `    ratio BFF / direct (${CONCURRENCY} clients): ${summary(
      rounds.map((r) => (100 * rps(r.bff)) / rps(r.direct)),
      1,
      ' %',
    )} — on a 2-core machine the three processes share the CPU`,
  );
  console.log(
    `    simulator CPU per answered call, direct: ${summary(
      rounds.map((r) => r.direct.cpu.simulator),
      3,
      ' ms',
    )}`,
  );
  console.log(
    `    BFF CPU per forwarded call, 1 client: ${summary(
      rounds.map((r) => r.single.cpu.bff),
      3,
      ' ms',
    )}`,
  );
  console.log(
    `  → BFF CPU per forwarded GET clusters under load: ${summary(
      rounds.map((r) => r.bff.cpu.bff),
      3,
      ' ms',
    )} (budget ≤ ${CPU_BUDGET_MS} ms)`,
  );
  await stopAll();
  if (CPU_PROF_DIR) console.log(`  the BFF's CPU profile is in ${CPU_PROF_DIR}`);
}

/** BENCH_ONLY=first-page or throughput runs one section. */
const ONLY = process.env.BENCH_ONLY;

async function main() {
  // The first page needs the built SPA; the throughput part only the API.
  if (ONLY !== 'throughput' && !existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does).');
  console.log(`npm run bench — ${new Date().toISOString()}, Node ${process.version}, ${machine()}\n`);
  if (ONLY !== 'throughput') await firstPage();
  if (ONLY !== 'first-page') await throughput();
  console.log(`\nafter the runs: ${machine()}`);
}

try {
  await main();
} finally {
  await stopAll();
  for (const cleanup of cleanups) cleanup();
}
