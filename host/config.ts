import { resolve } from 'node:path';
import { err, ok, type Result } from '../domain/result.js';
import { parseEmail } from '../domain/user.js';

export type DatabaseConfig = { readonly dialect: 'sqlite'; readonly file: string } | { readonly dialect: 'postgresql'; readonly url: string };

/** Everything the gateway reads from its environment, validated. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly redisUrl: string | null;
  readonly cacheTtlSeconds: number;
  readonly enedis: {
    readonly environment: 'sandbox' | 'production';
    readonly clientId: string | null;
    readonly clientSecret: string | null;
    /** Where Enedis' consent page sends the user back: the gateway's /api/oauth/callback by default. */
    readonly redirectUri: string;
    readonly baseUrl: string;
    readonly authorizeUrl: string;
    /** Which consent page: v1 (redirect with usage_point_id) or v2 (with autorisation_id); the callback takes both. */
    readonly authorizeVersion: 'v1' | 'v2';
    /** v5 (`metering_data_*`, retired by Enedis in autumn 2026) or 2026 (`mesure_synchrone_auto/v2`). */
    readonly apiVersion: 'v5' | '2026';
    readonly timeoutMs: number;
    /** Calls per second and per clock hour allowed to each Enedis API, shared by every process. */
    readonly rates: { readonly perSecond: number; readonly perHour: number };
  };
  /** RTE's public APIs (Tempo); null: MockRte. */
  readonly rte: { readonly clientId: string; readonly clientSecret: string; readonly baseUrl: string; readonly timeoutMs: number } | null;
  /** Null: generated on first start and kept in `dataDir`. */
  readonly secretKey: string | null;
  readonly accessTokenExpireMinutes: number;
  readonly frontendUrl: string;
  readonly backendUrl: string;
  /** Web origins allowed to call the API from a browser with credentials: FRONTEND_URL's, BACKEND_URL's and CORS_ORIGINS. */
  readonly allowedOrigins: readonly string[];
  readonly debug: boolean;
  readonly debugSql: boolean;
  readonly requireEmailVerification: boolean;
  readonly requireCaptcha: boolean;
  readonly turnstile: { readonly secretKey: string | null; readonly verifyUrl: string | null };
  /** Null: mail goes to the outbox directory under DATA_DIR instead of being sent. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly loginLimits: { readonly perAccount: number; readonly perAddress: number; readonly windowSeconds: number };
  readonly adminEmails: readonly string[];
  readonly quota: { readonly cached: number; readonly uncached: number };
  readonly demoAccount: boolean;
  /** How long who-is-the-caller and which-meter look-ups are remembered, in ms (0: never). */
  readonly lookupMemoMs: number;
  /** How often the server refreshes RTE's Tempo and EcoWatt (GRID_REFRESH_MINUTES; 0: only when asked). */
  readonly gridRefreshMs: number;
  readonly maxPdlsPerUser: number;
  readonly signUpLimits: { readonly perAddress: number; readonly windowSeconds: number };
  /** Check every answer against openapi.yaml too (requests are always checked). */
  readonly validateResponses: boolean;
  /**
   * Which relays' X-Forwarded-For is believed (Express's `trust proxy`): false, true, a number of
   * hops, or addresses, CIDRs and the names loopback, linklocal, uniquelocal.
   */
  readonly trustProxy: boolean | number | string;
  /** Bearer token for /metrics; null: /metrics answers local clients only. */
  readonly metricsToken: string | null;
  readonly bcryptCost: number;
  readonly logLevel: string;
}

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | null {
    return this.raw(name) ?? null;
  }

  int(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push({ variable: name, message: `expected an integer from ${min} to ${max}, got "${raw}"` });
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    this.problems.push({ variable: name, message: `expected true or false, got "${raw}"` });
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push({ variable: name, message: `expected one of ${allowed.join(', ')}, got "${raw}"` });
    return fallback;
  }

  url(name: string, fallback: string | null, protocols: readonly string[] = ['http:', 'https:']): string | null {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    try {
      const url = new URL(raw);
      if (protocols.includes(url.protocol)) return raw.replace(/\/+$/, '');
    } catch {
      // reported below
    }
    this.problems.push({ variable: name, message: `expected a URL starting with ${protocols.join(' or ')}, got "${raw}"` });
    return fallback;
  }

  /** A comma-separated list of web origins (`https://app.example.org`), each normalised to its origin. */
  origins(name: string): string[] {
    const raw = this.raw(name);
    if (raw === undefined) return [];
    const origins: string[] = [];
    for (const entry of raw
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '')) {
      const origin = originOf(entry);
      if (origin === null) this.problems.push({ variable: name, message: `"${entry}" is not a web origin such as https://app.example.org` });
      else origins.push(origin);
    }
    return origins;
  }

  trustProxy(name: string, fallback: string): boolean | number | string {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
    if (/^\d{1,2}$/.test(raw)) return Number(raw);
    const entries = raw.split(',').map((entry) => entry.trim());
    const address = /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d{1,2})?|[\da-f:]+(\/\d{1,3})?)$/i;
    const bad = entries.find((entry) => !address.test(entry));
    if (bad === undefined) return entries.join(',');
    this.problems.push({ variable: name, message: `expected true, false, a hop count or addresses/CIDRs (loopback, linklocal, uniquelocal), got "${bad}"` });
    return fallback;
  }

  fail(variable: string, message: string) {
    this.problems.push({ variable, message });
  }
}

/** The origin of an http(s) URL (`scheme://host[:port]`), or null. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Accepts the seed's form (`sqlite+aiosqlite:///./data/myelectricaldata.db`), `sqlite:///path`,
 * `sqlite:path`, `sqlite::memory:`, and `postgresql://` / `postgres://` URLs (with or without a
 * `+driver` suffix).
 */
export function parseDatabaseUrl(raw: string): DatabaseConfig | null {
  const sqlite = /^sqlite(?:\+\w+)?:(?:\/\/\/?)?(.+)$/.exec(raw);
  if (sqlite) return { dialect: 'sqlite', file: sqlite[1] === ':memory:' ? ':memory:' : sqlite[1]! };
  const pg = /^postgres(?:ql)?(?:\+\w+)?:\/\/(.+)$/.exec(raw);
  if (pg) return { dialect: 'postgresql', url: `postgresql://${pg[1]}` };
  return null;
}

/** Where the data lives: DATABASE_URL, or SQLite under DATA_DIR. */
function readDatabase(read: Reader, cwd: string, dataDir: string): DatabaseConfig {
  const raw = read.raw('DATABASE_URL');
  if (raw === undefined) return { dialect: 'sqlite', file: resolve(dataDir, 'myelectricaldata.db') };
  const parsed = parseDatabaseUrl(raw);
  if (!parsed) {
    read.fail('DATABASE_URL', 'expected sqlite:///path/to/file.db or postgresql://user@host:port/database');
    return { dialect: 'sqlite', file: resolve(dataDir, 'myelectricaldata.db') };
  }
  return parsed.dialect === 'sqlite' && parsed.file !== ':memory:' ? { ...parsed, file: resolve(cwd, parsed.file) } : parsed;
}

/** ADMIN_EMAILS, each checked. */
function readAdminEmails(read: Reader): string[] {
  const listed = (read.raw('ADMIN_EMAILS') ?? '').split(',').filter((e) => e.trim() !== '');
  const parsed = listed.map((e) => parseEmail(e));
  const bad = listed.find((_, i) => !parsed[i]!.ok);
  if (bad !== undefined) read.fail('ADMIN_EMAILS', `"${bad.trim()}" is not an email address (expected a comma-separated list)`);
  return parsed.flatMap((e) => (e.ok ? [e.value as string] : []));
}

/** Two variables that go together: both or neither. */
function readPair(read: Reader, idName: string, secretName: string): { id: string | null; secret: string | null } {
  const id = read.optional(idName);
  const secret = read.optional(secretName);
  if ((id === null) !== (secret === null)) read.fail(id === null ? idName : secretName, `${idName} and ${secretName} go together`);
  return { id, secret };
}

/** Enedis: credentials, hosts for the environment, the consent page, the API generation, pace. */
function readEnedis(read: Reader, backendUrl: string): Config['enedis'] {
  const { id: clientId, secret: clientSecret } = readPair(read, 'ENEDIS_CLIENT_ID', 'ENEDIS_CLIENT_SECRET');
  const environment = read.oneOf('ENEDIS_ENVIRONMENT', ['sandbox', 'production'] as const, 'sandbox');
  const baseUrl = read.url(
    'ENEDIS_BASE_URL',
    environment === 'production' ? 'https://gw.ext.prod.api.enedis.fr' : 'https://gw.ext.prod-sandbox.api.enedis.fr',
  )!;
  // Production consent moved to the v2 page on 2026-10-05 (its redirect carries autorisation_id).
  const authorizeVersion = read.oneOf('ENEDIS_AUTHORIZE_VERSION', ['v1', 'v2'] as const, environment === 'production' ? 'v2' : 'v1');
  const authorizeDefault =
    environment === 'production'
      ? `https://mon-compte-particulier.enedis.fr/dataconnect/${authorizeVersion}/oauth2/authorize`
      : `${baseUrl}/dataconnect/${authorizeVersion}/oauth2/authorize`;
  return {
    environment,
    clientId,
    clientSecret,
    redirectUri: read.url('ENEDIS_REDIRECT_URI', `${backendUrl}/api/oauth/callback`)!,
    baseUrl,
    authorizeUrl: read.url('ENEDIS_AUTHORIZE_URL', authorizeDefault)!,
    authorizeVersion,
    apiVersion: read.oneOf('ENEDIS_API_VERSION', ['v5', '2026'] as const, '2026'),
    timeoutMs: read.int('ENEDIS_TIMEOUT_MS', 15_000, 100, 120_000),
    rates: { perSecond: read.int('ENEDIS_RATE_PER_SECOND', 5, 1, 1000), perHour: read.int('ENEDIS_RATE_PER_HOUR', 1000, 1, 10_000_000) },
  };
}

/** RTE: credentials (or MockRte), endpoint, timeout. */
function readRte(read: Reader): Config['rte'] {
  const { id, secret } = readPair(read, 'RTE_CLIENT_ID', 'RTE_CLIENT_SECRET');
  const baseUrl = read.url('RTE_BASE_URL', 'https://digital.iservices.rte-france.com')!;
  const timeoutMs = read.int('RTE_TIMEOUT_MS', 15_000, 100, 120_000);
  return id && secret ? { clientId: id, clientSecret: secret, baseUrl, timeoutMs } : null;
}

/** Reads and validates the environment; every problem is reported at once, each naming its variable. */
export function loadConfig(env: Env, cwd = process.cwd()): Result<Config, ConfigProblem[]> {
  const read = new Reader(env);
  const dataDir = resolve(cwd, read.string('DATA_DIR', './data'));
  const backendUrl = read.url('BACKEND_URL', 'http://localhost:8000')!;
  const frontendUrl = read.url('FRONTEND_URL', 'http://localhost:3000')!;
  const secretKey = read.optional('SECRET_KEY');
  if (secretKey !== null && secretKey.length < 32) read.fail('SECRET_KEY', 'must be at least 32 characters (e.g. openssl rand -hex 32)');
  const requireCaptcha = read.bool('REQUIRE_CAPTCHA', false);
  const turnstileSecret = read.optional('TURNSTILE_SECRET_KEY');
  if (requireCaptcha && turnstileSecret === null) read.fail('TURNSTILE_SECRET_KEY', 'is needed when REQUIRE_CAPTCHA is on (Cloudflare Turnstile secret key)');

  const config: Config = {
    port: read.int('PORT', Number(new URL(backendUrl).port) || 8000, 0, 65535),
    host: read.string('HOST', '0.0.0.0'),
    dataDir,
    database: readDatabase(read, cwd, dataDir),
    redisUrl: read.url('REDIS_URL', null, ['redis:', 'rediss:']),
    cacheTtlSeconds: read.int('CACHE_TTL_SECONDS', 86_400, 1),
    enedis: readEnedis(read, backendUrl),
    secretKey,
    accessTokenExpireMinutes: read.int('ACCESS_TOKEN_EXPIRE_MINUTES', 43_200, 1, 525_600),
    gridRefreshMs: read.int('GRID_REFRESH_MINUTES', 15, 0, 1440) * 60_000,
    rte: readRte(read),
    frontendUrl,
    backendUrl,
    allowedOrigins: [...new Set([originOf(frontendUrl)!, originOf(backendUrl)!, ...read.origins('CORS_ORIGINS')])],
    debug: read.bool('DEBUG', false),
    debugSql: read.bool('DEBUG_SQL', false),
    requireEmailVerification: read.bool('REQUIRE_EMAIL_VERIFICATION', false),
    requireCaptcha,
    turnstile: { secretKey: turnstileSecret, verifyUrl: read.url('TURNSTILE_VERIFY_URL', null) },
    smtpUrl: read.url('SMTP_URL', null, ['smtp:', 'smtps:']),
    mailFrom: read.string('MAIL_FROM', 'MyElectricalData <no-reply@localhost>'),
    loginLimits: {
      perAccount: read.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1),
      perAddress: read.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1),
      windowSeconds: read.int('LOGIN_FAILURE_WINDOW_SECONDS', 900, 1),
    },
    adminEmails: readAdminEmails(read),
    quota: {
      cached: read.int('USER_DAILY_LIMIT_WITH_CACHE', 1000, 1),
      uncached: read.int('USER_DAILY_LIMIT_NO_CACHE', 50, 1),
    },
    demoAccount: read.bool('DEMO_ACCOUNT', true),
    metricsToken: read.optional('METRICS_TOKEN'),
    trustProxy: read.trustProxy('TRUST_PROXY', 'loopback'),
    validateResponses: read.bool('VALIDATE_RESPONSES', true),
    lookupMemoMs: read.int('LOOKUP_MEMO_MS', 1000, 0, 60_000),
    maxPdlsPerUser: read.int('MAX_PDLS_PER_USER', 20, 1, 10_000),
    signUpLimits: {
      perAddress: read.int('SIGNUP_MAX_PER_ADDRESS', 10, 1),
      windowSeconds: read.int('SIGNUP_WINDOW_SECONDS', 3600, 1),
    },
    bcryptCost: read.int('BCRYPT_COST', 12, 4, 15),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
  return read.problems.length > 0 ? err(read.problems) : ok(config);
}
