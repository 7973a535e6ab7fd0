import { describe, expect, it } from 'vitest';
import { loadConfig, parseDatabaseUrl } from '../../../host/config.js';

describe('configuration', () => {
  it('when no variable is set, then the embedded default is chosen', () => {
    const config = loadConfig({}, '/srv/gw');
    expect(config.ok && config.value).toMatchObject({
      port: 8000,
      database: { dialect: 'sqlite', file: '/srv/gw/data/myelectricaldata.db' },
      redisUrl: null,
      cacheTtlSeconds: 86400,
      secretKey: null,
      accessTokenExpireMinutes: 43200,
      quota: { cached: 1000, uncached: 50 },
    });
  });

  it("when DATABASE_URL is the seed's SQLite form, then it names the same file", () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite+aiosqlite:///./data/myelectricaldata.db' }, '/srv/gw');
    expect(config.ok && config.value.database).toEqual({ dialect: 'sqlite', file: '/srv/gw/data/myelectricaldata.db' });
    expect(parseDatabaseUrl('postgresql+asyncpg://u:p@db:5432/med')).toEqual({ dialect: 'postgresql', url: 'postgresql://u:p@db:5432/med' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' });
    expect(parseDatabaseUrl('mysql://x')).toBeNull();
  });

  it('when several variables are wrong, then every one is reported by name', () => {
    const config = loadConfig({
      CACHE_TTL_SECONDS: 'a day',
      DEBUG: 'maybe',
      ENEDIS_ENVIRONMENT: 'staging',
      SECRET_KEY: 'short',
      REDIS_URL: 'http://localhost',
      ADMIN_EMAILS: 'root@example.org, nobody',
      DATABASE_URL: 'oracle://db',
      ENEDIS_CLIENT_ID: 'only-the-id',
      ACCESS_TOKEN_EXPIRE_MINUTES: '0',
    });
    expect(config.ok).toBe(false);
    const variables = config.ok ? [] : config.error.map((p) => p.variable).sort();
    expect(variables).toEqual(
      [
        'ACCESS_TOKEN_EXPIRE_MINUTES',
        'ADMIN_EMAILS',
        'CACHE_TTL_SECONDS',
        'DATABASE_URL',
        'DEBUG',
        'ENEDIS_CLIENT_SECRET',
        'ENEDIS_ENVIRONMENT',
        'REDIS_URL',
        'SECRET_KEY',
      ].sort(),
    );
  });

  it('when BACKEND_URL names a port, then the gateway listens there unless PORT says otherwise', () => {
    const fromBackend = loadConfig({ BACKEND_URL: 'http://localhost:9000' });
    expect(fromBackend.ok && fromBackend.value.port).toBe(9000);
    const explicit = loadConfig({ BACKEND_URL: 'http://localhost:9000', PORT: '8080' });
    expect(explicit.ok && explicit.value.port).toBe(8080);
  });

  it('when ADMIN_EMAILS has spaces and capitals, then they are normalised', () => {
    const config = loadConfig({ ADMIN_EMAILS: ' Admin@Example.org , second@example.org' });
    expect(config.ok && config.value.adminEmails).toEqual(['admin@example.org', 'second@example.org']);
  });

  it.each([
    [undefined, 'loopback'],
    ['false', false],
    ['TRUE', true],
    ['2', 2],
    ['loopback, 10.0.0.0/8, fd00::/8', 'loopback,10.0.0.0/8,fd00::/8'],
  ])('when TRUST_PROXY is %s, then express is told %s', (raw, expected) => {
    const config = loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw });
    expect(config.ok && config.value.trustProxy).toEqual(expected);
  });

  it('when TRUST_PROXY names something that is no address, then the start stops naming it', () => {
    const config = loadConfig({ TRUST_PROXY: 'loopback, my proxy' });
    expect(!config.ok && config.error).toEqual([{ variable: 'TRUST_PROXY', message: expect.stringContaining('"my proxy"') }]);
  });

  it('when the environment is production, then consent goes to the v2 page unless ENEDIS_AUTHORIZE_VERSION says v1; the sandbox keeps v1', () => {
    const production = loadConfig({ ENEDIS_ENVIRONMENT: 'production' });
    expect(production.ok && production.value.enedis).toMatchObject({
      authorizeVersion: 'v2',
      authorizeUrl: 'https://mon-compte-particulier.enedis.fr/dataconnect/v2/oauth2/authorize',
    });
    const v1 = loadConfig({ ENEDIS_ENVIRONMENT: 'production', ENEDIS_AUTHORIZE_VERSION: 'v1' });
    expect(v1.ok && v1.value.enedis.authorizeUrl).toBe('https://mon-compte-particulier.enedis.fr/dataconnect/v1/oauth2/authorize');
    const sandbox = loadConfig({});
    expect(sandbox.ok && sandbox.value.enedis).toMatchObject({
      authorizeVersion: 'v1',
      authorizeUrl: 'https://gw.ext.prod-sandbox.api.enedis.fr/dataconnect/v1/oauth2/authorize',
    });
    const bad = loadConfig({ ENEDIS_AUTHORIZE_VERSION: 'v3' });
    expect(!bad.ok && bad.error.map((p) => p.variable)).toEqual(['ENEDIS_AUTHORIZE_VERSION']);
  });
});
