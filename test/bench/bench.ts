import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { consentOnEmulator, consentOverHttp } from '../support/consent.js';
import type { RedisClient } from '../../adapters/redis/redis-client.js';
import { addDays } from '../../domain/local-date.js';
import { parisDate } from '../../domain/paris-time.js';
import { temporaryDatabase } from '../support/postgres.js';
import { connectedRedis } from '../support/redis.js';
import { freePort, ROOT } from '../support/process.js';
import { REDIS_URL } from '../support/services.js';
import { load, type LoadResult } from './load.js';

/**
 * `npm run bench`: the gateway against its ceiling. Prints one table, writes it as JSON to
 * test-artifacts/bench/bench.json, and checks the targets of docs/performance.md.
 * BENCH_SECONDS sets the length of each load (default 10); BENCH_SMOKE=1 runs one second each, a
 * shorter cold curve, and checks nothing. The gateways run as `npm run serve` runs them, with
 * VALIDATE_RESPONSES=false (see docs/performance.md); one more reports the cost of the default.
 */
const SMOKE = process.env.BENCH_SMOKE === '1';
const SECONDS = SMOKE ? 1 : Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
/** Scenario C's load curve: two years, or eight weeks in a smoke run. */
const CURVE_DAYS = SMOKE ? 56 : 730;
const BENCH_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/8');
const json = { 'Content-Type': 'application/json' };
const today = parisDate(new Date());
const mb = (bytes: number) => Math.round(bytes / 1048576);

interface Row {
  scenario: string;
  rps: number | null;
  p50: number | null;
  p99: number | null;
  cacheTripsPerRequest: number | null;
  limiterTripsPerRequest: number | null;
  upstreamCalls: number | null;
  wallMs: number | null;
  rssMb: number | null;
  note: string;
}

function startNode(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

async function rss(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? 0);
}

/** The highest resident memory the process has had since it started (Linux' VmHWM), in bytes; null elsewhere. */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
  } catch {
    return null;
  }
}

async function commandCalls(redis: RedisClient): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  const calls: Record<string, number> = {};
  for (const m of info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)) calls[m[1]!] = Number(m[2]);
  return calls;
}

const delta = (before: Record<string, number>, after: Record<string, number>, names: string[]) =>
  names.reduce((n, c) => n + (after[c] ?? 0) - (before[c] ?? 0), 0);

async function account(base: string, email: string, pdl: string, emulator: EnedisEmulator | null = null) {
  await fetch(`${base}/api/accounts/signup`, { method: 'POST', headers: json, body: JSON.stringify({ email, password: 'Correct-Horse9' }) });
  const login = (await (
    await fetch(`${base}/api/accounts/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password: 'Correct-Horse9' }) })
  ).json()) as {
    data: { access_token: string };
  };
  const auth = { Authorization: `Bearer ${login.data.access_token}` };
  const created = await fetch(`${base}/api/pdl`, { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ usage_point_id: pdl }) });
  if (created.status !== 201) throw new Error(`meter ${pdl}: ${created.status} ${await created.text()}`);
  // Through the real Enedis adapter, a meter is read once its holder has consented.
  if (emulator) await consentOnEmulator(emulator, [pdl], consentOverHttp(base, auth.Authorization));
  return auth;
}

/**
 * The node options of `npm run serve`, the production command: the gateway is measured as it is
 * meant to run, and the ceiling runs with the same options, so the ratio compares servers, not flags.
 */
const SERVE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.serve.split(/\s+/) as string[];
const NODE_OPTIONS = SERVE.slice(1).filter((arg) => arg.startsWith('--'));

async function main() {
  console.log(`Building, then ${SMOKE ? 'a smoke run' : `${SECONDS} s per load`}, ${CONNECTIONS} connections ...`);
  await new Promise<void>((resolve, reject) =>
    spawn('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).once('exit', (c) => (c === 0 ? resolve() : reject(new Error('build failed')))),
  );

  const emulator = new EnedisEmulator({ clientId: 'bench', clientSecret: 'bench-secret', latencyMs: 50 });
  const enedis = await emulator.start();
  const database = await temporaryDatabase('med_bench');
  const redis = await connectedRedis(BENCH_REDIS_URL);
  await redis.flushDb();

  const common = {
    LOG_LEVEL: 'warn',
    DEMO_ACCOUNT: 'false',
    BCRYPT_COST: '4',
    HOST: '127.0.0.1',
    VALIDATE_RESPONSES: 'false',
    USER_DAILY_LIMIT_WITH_CACHE: '1000000000',
    USER_DAILY_LIMIT_NO_CACHE: '1000000',
    SECRET_KEY: 'bench-server-key-0123456789abcdef0123456789abcdef',
  };
  const productionPort = await freePort();
  const production = await startNode(
    [...NODE_OPTIONS, 'dist/host/main.js'],
    {
      ...common,
      PORT: String(productionPort),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'med-bench-')),
      DATABASE_URL: database.url,
      REDIS_URL: BENCH_REDIS_URL,
      ENEDIS_CLIENT_ID: 'bench',
      ENEDIS_CLIENT_SECRET: 'bench-secret',
      ENEDIS_BASE_URL: enedis,
      ENEDIS_API_VERSION: 'v5',
    },
    /listening on/,
  );
  const embeddedPort = await freePort();
  const embedded = await startNode(
    [...NODE_OPTIONS, 'dist/host/main.js'],
    { ...common, PORT: String(embeddedPort), DATA_DIR: mkdtempSync(join(tmpdir(), 'med-bench-')) },
    /listening on/,
  );
  const P = `http://127.0.0.1:${productionPort}`;
  const M = `http://127.0.0.1:${embeddedPort}`;
  // The same embedded gateway, answers checked against openapi.yaml at run time (the default).
  const validatedPort = await freePort();
  const validated = await startNode(
    [...NODE_OPTIONS, 'dist/host/main.js'],
    { ...common, VALIDATE_RESPONSES: 'true', PORT: String(validatedPort), DATA_DIR: mkdtempSync(join(tmpdir(), 'med-bench-')) },
    /listening on/,
  );
  const V = `http://127.0.0.1:${validatedPort}`;
  const rows: Row[] = [];
  let peakRss = 0;

  const measure = async (scenario: string, base: string, path: string, headers: Record<string, string>, note = '') => {
    const before = await commandCalls(redis);
    const result: LoadResult = await load(base + path, headers, CONNECTIONS, SECONDS);
    const after = await commandCalls(redis);
    const memory = await rss(base);
    peakRss = Math.max(peakRss, memory);
    const requests = Math.max(1, result.requests);
    const isProduction = base === P;
    rows.push({
      scenario,
      rps: Math.round(result.rps),
      p50: result.p50,
      p99: result.p99,
      // The day cache reads with MGET (or its read-only script, EVALSHA_RO, when it holds the values)
      // and writes with MULTI/EXEC; the limiter's scripts run GET, INCR and PTTL inside EVALSHA, which
      // commandstats counts too, so only the top-level commands are summed.
      cacheTripsPerRequest: isProduction ? +(delta(before, after, ['mget', 'exec', 'eval_ro', 'evalsha_ro']) / requests).toFixed(2) : null,
      limiterTripsPerRequest: isProduction ? +(delta(before, after, ['eval', 'evalsha']) / requests).toFixed(2) : null,
      upstreamCalls: null,
      wallMs: null,
      rssMb: mb(memory),
      note: `${note}${result.non2xx + result.errors > 0 ? ` (${result.non2xx} non-2xx, ${result.errors} errors)` : ''}`.trim(),
    });
    return result;
  };

  // A, B, F: a year of data and a week of curve, cached (warmed by one read).
  const yearStart = addDays(today, -365);
  const authP = await account(P, 'bench-p@example.org', '22516914714270', emulator);
  const authM = await account(M, 'bench-m@example.org', '22516914714270');
  const authV = await account(V, 'bench-v@example.org', '22516914714270');
  const yearPath = `/api/enedis/consumption/daily/22516914714270?start=${yearStart}&end=${today}`;
  const weekStart = addDays(today, -10);
  const weekPath = `/api/enedis/consumption/detail/22516914714270?start=${weekStart}&end=${addDays(weekStart, 7)}`;
  const spans = [30, 365, 1095].map((days) => `/api/enedis/consumption/daily/22516914714270?start=${addDays(today, -days)}&end=${today}`);
  for (const path of [yearPath, weekPath, ...spans]) {
    for (const [base, auth] of [
      [P, authP],
      [M, authM],
      [V, authV],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(base + path, { headers: auth });
        if (res.status !== 200) throw new Error(`warm-up ${path}: ${res.status} ${await res.text()}`);
      }
    }
  }
  const yearBody = await (await fetch(P + yearPath, { headers: authP })).json();
  const bodyFile = join(mkdtempSync(join(tmpdir(), 'med-bench-')), 'year.json');
  writeFileSync(bodyFile, JSON.stringify(yearBody));
  const ceiling = await startNode([...NODE_OPTIONS, '--import', 'tsx', 'test/bench/ceiling-main.ts', bodyFile], {}, /ceiling on (\S+)/);
  const ceilingUrl = /ceiling on (\S+)/.exec(ceiling.output())![1]!;

  // Every server warmed (JIT, pools, connections) before anything is measured.
  const warmUp = Math.min(2, SECONDS);
  await load(ceilingUrl, {}, CONNECTIONS, warmUp);
  await load(P + yearPath, authP, CONNECTIONS, warmUp);
  await load(M + yearPath, authM, CONNECTIONS, warmUp);

  // E just before and just after A, so that a shared machine's drift moves both alike.
  const eBefore = await load(ceilingUrl, {}, CONNECTIONS, SECONDS);
  const eRow =
    rows.push({
      scenario: 'E. ceiling: bare node:http, same year body',
      rps: null,
      p50: eBefore.p50,
      p99: eBefore.p99,
      cacheTripsPerRequest: null,
      limiterTripsPerRequest: null,
      upstreamCalls: null,
      wallMs: null,
      rssMb: null,
      note: '',
    }) - 1;
  const a = await measure('A. cached 365 days, JWT (PostgreSQL + Redis)', P, yearPath, authP);
  const eAfter = await load(ceilingUrl, {}, CONNECTIONS, SECONDS);
  const e = { rps: (eBefore.rps + eAfter.rps) / 2, p50: Math.max(eBefore.p50, eAfter.p50), p99: Math.max(eBefore.p99, eAfter.p99) };
  rows[eRow] = {
    ...rows[eRow]!,
    rps: Math.round(e.rps),
    p50: e.p50,
    p99: e.p99,
    note: `JSON.stringify per request; mean of ${Math.round(eBefore.rps)} before A and ${Math.round(eAfter.rps)} after`,
  };
  await measure('A. cached 365 days, JWT (embedded: SQLite, memory)', M, yearPath, authM);
  await measure('A. the same, answers checked at run time', V, yearPath, authV, 'embedded, VALIDATE_RESPONSES=true (no target)');
  await measure('E. /api/ping (gateway)', P, '/api/ping', {});
  await measure('B. cached 7-day load curve', P, weekPath, authP);
  const f = [];
  for (const [i, days] of [30, 365, 1095].entries()) f.push(await measure(`F. cached ${days} days`, P, spans[i]!, authP));
  // G: the same cached year grouped by month, and its load curve's week by hour: one cache read each, as without grouping.
  const g = await measure('G. cached 365 days, group_by=month', P, `${yearPath}&group_by=month`, authP);
  const gRow = rows.length - 1;
  await measure('G. cached 7-day load curve, group_by=hour', P, `${weekPath}&group_by=hour`, authP);

  // C: cold data through the real Enedis adapter, emulator latency 50 ms, throttle 5 per 1.2 s.
  const authC = await account(P, 'bench-c@example.org', '12345678901234', emulator);
  emulator.reset();
  let started = Date.now();
  const coldYear = await fetch(`${P}/api/enedis/consumption/daily/12345678901234?start=${yearStart}&end=${today}`, { headers: authC });
  const coldYearMs = Date.now() - started;
  const coldYearCalls = emulator.count(/metering_data/);
  const spacing = 1200 / 5;
  rows.push({
    scenario: 'C. cold year of daily data',
    rps: null,
    p50: null,
    p99: null,
    cacheTripsPerRequest: null,
    limiterTripsPerRequest: null,
    upstreamCalls: coldYearCalls,
    wallMs: coldYearMs,
    rssMb: mb(await rss(P)),
    note: `${coldYear.status}; least possible ${50} ms`,
  });
  emulator.reset();
  started = Date.now();
  const curveStart = addDays(today, 1 - CURVE_DAYS);
  const coldCurve = await fetch(`${P}/api/enedis/consumption/detail/12345678901234?start=${curveStart}&end=${today}`, { headers: authC });
  const curveBody = (await coldCurve.json()) as { data?: { meter_reading: { interval_reading: unknown[] } } };
  const coldCurveMs = Date.now() - started;
  const coldCurveCalls = emulator.count(/metering_data/);
  const unavoidable = (coldCurveCalls - 1) * spacing + 50;
  rows.push({
    scenario: `C. cold ${CURVE_DAYS === 730 ? '24-month' : `${CURVE_DAYS}-day`} load curve`,
    rps: null,
    p50: null,
    p99: null,
    cacheTripsPerRequest: null,
    limiterTripsPerRequest: null,
    upstreamCalls: coldCurveCalls,
    wallMs: coldCurveMs,
    rssMb: mb(await rss(P)),
    note: `${coldCurve.status}, ${curveBody.data?.meter_reading.interval_reading.length ?? 0} points; least possible ${Math.round(unavoidable)} ms (${coldCurveCalls} calls ${spacing} ms apart + 50 ms)`,
  });
  peakRss = Math.max(peakRss, await rss(P));

  // D: 32 identical cold requests at once share one call.
  emulator.reset();
  const dStart = addDays(today, -500);
  const dPath = `/api/enedis/consumption/daily/12345678901234?start=${dStart}&end=${addDays(dStart, 30)}`;
  const dStatuses = await Promise.all(Array.from({ length: 32 }, async () => (await fetch(P + dPath, { headers: authC })).status));
  rows.push({
    scenario: 'D. 32 identical cold requests at once',
    rps: null,
    p50: null,
    p99: null,
    cacheTripsPerRequest: null,
    limiterTripsPerRequest: null,
    upstreamCalls: emulator.count(/metering_data/),
    wallMs: null,
    rssMb: mb(await rss(P)),
    note: `${dStatuses.filter((s) => s === 200).length}/32 answered 200`,
  });

  // The high-water mark of each gateway process over the whole run, where Linux tells it.
  const peaks = [production.child.pid, embedded.child.pid, validated.child.pid].map(peakRssOf);
  if (peaks.every((p) => p !== null)) peakRss = Math.max(peakRss, ...(peaks as number[]));
  const peakNote = peaks.every((p) => p !== null)
    ? `VmHWM: ${mb(peaks[0]!)} MB PostgreSQL + Redis, ${mb(peaks[1]!)} MB embedded, ${mb(peaks[2]!)} MB embedded checking answers`
    : 'sampled after each scenario';

  for (const proc of [production.child, embedded.child, validated.child, ceiling.child]) proc.kill('SIGTERM');
  await emulator.stop();
  await redis.close();
  await database.drop();

  const targets = [
    { target: 'A: one cache round trip per request', met: rows[1]!.cacheTripsPerRequest !== null && rows[1]!.cacheTripsPerRequest <= 1 },
    { target: `A: at least 30 % of E's throughput (${Math.round((a.rps / e.rps) * 100)} %)`, met: a.rps >= 0.3 * e.rps },
    { target: `A: p99 at most 25 ms (${a.p99} ms)`, met: a.p99 <= 25 },
    { target: `C: one call for a cold year (${coldYearCalls})`, met: coldYearCalls === 1 },
    { target: `C: one call per 7 days of curve (${coldCurveCalls} for ${CURVE_DAYS} days)`, met: coldCurveCalls === Math.ceil(CURVE_DAYS / 7) },
    { target: `C: curve wall time within 20 % of the least possible (${coldCurveMs} / ${Math.round(unavoidable)} ms)`, met: coldCurveMs <= 1.2 * unavoidable },
    { target: `D: one upstream call for the shared span (${rows.at(-1)!.upstreamCalls})`, met: rows.at(-1)!.upstreamCalls === 1 },
    { target: `F: 1095 days cost at most 3.5 x 365 days (${(f[1]!.rps / f[2]!.rps).toFixed(2)} x)`, met: f[1]!.rps / f[2]!.rps <= 3.5 },
    {
      target: `G: a cached year by month costs at most 1.5 x the year itself (${(a.rps / g.rps).toFixed(2)} x), one cache trip (${rows[gRow]!.cacheTripsPerRequest})`,
      // Trips are Redis commands per request: the periodic statistics flush adds a few hundredths when requests are slower.
      met: a.rps / g.rps <= 1.5 && rows[gRow]!.cacheTripsPerRequest !== null && rows[gRow]!.cacheTripsPerRequest <= 1.05,
    },
    { target: `memory under 200 MB throughout (peak ${mb(peakRss)} MB; ${peakNote})`, met: peakRss < 200 * 1048576 },
  ];

  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'cache trips/req', 'limiter trips/req', 'upstream calls', 'wall ms', 'RSS MB', 'note'];
  const cells = rows.map((r) =>
    [r.scenario, r.rps, r.p50, r.p99, r.cacheTripsPerRequest, r.limiterTripsPerRequest, r.upstreamCalls, r.wallMs, r.rssMb, r.note].map((v) =>
      v === null ? '' : String(v),
    ),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line), ''].join('\n'));
  for (const t of targets) console.log(`${SMOKE ? '-' : t.met ? 'PASS' : 'FAIL'}  ${t.target}`);
  const out = join(ROOT, 'test-artifacts', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'bench.json'),
    JSON.stringify({ when: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS, rows, targets }, null, 2),
  );
  process.exit(SMOKE || targets.every((t) => t.met) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
