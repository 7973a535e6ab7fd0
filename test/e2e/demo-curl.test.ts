import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RESP_TYPES } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDatabase } from '../support/postgres.js';
import { connectedRedis, emptyRedisDatabase } from '../support/redis.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** Starts `npm start` as the README says and waits for the banner's last line. */
function startGateway(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Demo client_secret: \S+/.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
}

async function curl(...args: string[]): Promise<{ status: number; body: any }> {
  const { stdout } = await run('curl', ['-s', '-w', '\n%{http_code}', ...args]);
  const lines = stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  return { status, body: JSON.parse(lines.join('\n')) };
}

interface Deployment {
  readonly env: Record<string, string>;
  cleanup(): Promise<void>;
}

function demoSequence(label: string, deploy: () => Promise<Deployment>, afterCalls?: (clientSecret: string) => Promise<void>) {
  describe(`the seed's "Testing the Demo Account" curl sequence, ${label}`, () => {
    let deployment: Deployment;
    let base: string;
    let child: ChildProcess;
    let clientId: string;
    let clientSecret: string;

    beforeAll(async () => {
      deployment = await deploy();
      const port = await freePort();
      base = `http://localhost:${port}`;
      const started = await startGateway({ ...deployment.env, PORT: String(port), LOG_LEVEL: 'warn' });
      child = started.child;
      const banner = started.output();
      expect(banner).toContain(`listening on ${base}`);
      clientId = /Demo client_id:\s+(\S+)/.exec(banner)![1]!;
      clientSecret = /Demo client_secret:\s+(\S+)/.exec(banner)![1]!;
    }, 90_000);

    afterAll(async () => {
      if (child?.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      await deployment?.cleanup();
    });

    it('when the demo credentials are exchanged by form and by Basic, and used, then every seed call answers as written', async () => {
      const token = await curl(
        '-X',
        'POST',
        `${base}/api/accounts/token`,
        '-H',
        'Content-Type: application/x-www-form-urlencoded',
        '-d',
        `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
      );
      expect(token.status).toBe(200);
      expect(token.body).toMatchObject({ access_token: expect.stringMatching(/^eyJ/), token_type: 'bearer' });

      const basic = await curl('-X', 'POST', `${base}/api/accounts/token`, '-u', `${clientId}:${clientSecret}`, '-d', 'grant_type=client_credentials');
      expect(basic.status).toBe(200);

      for (const bearer of [token.body.access_token, basic.body.access_token, clientSecret]) {
        const pdls = await curl(`${base}/api/pdl/`, '-H', `Authorization: Bearer ${bearer}`);
        expect(pdls.status).toBe(200);
        expect(pdls.body.success).toBe(true);
        expect(pdls.body.data.map((p: { usage_point_id: string; name: string }) => [p.usage_point_id, p.name])).toEqual([
          ['12345678901234', 'Main House'],
          ['98765432109876', 'Apartment'],
        ]);

        const consumption = await curl(
          `${base}/api/enedis/consumption/daily/12345678901234?start=2024-01-01&end=2024-12-31&use_cache=true`,
          '-H',
          `Authorization: Bearer ${bearer}`,
        );
        expect(consumption.status).toBe(200);
        const readings = consumption.body.data.meter_reading.interval_reading as Array<{ date: string; value: number; quality: string }>;
        expect(readings).toHaveLength(365);
        expect(readings[0]).toMatchObject({ date: '2024-01-01', quality: 'CORRIGE' });
        expect(readings.every((r) => r.value >= 15_000 && r.value <= 25_000)).toBe(true);
      }
      await afterCalls?.(clientSecret);
    });

    it('when the demo account tries to write, then 403 DEMO_READ_ONLY', async () => {
      const res = await curl('-X', 'DELETE', `${base}/api/pdl/12345678901234`, '-H', `Authorization: Bearer ${clientSecret}`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('DEMO_READ_ONLY');
    });

    it('when seed:demo runs twice against the same data, then it is idempotent and prints the same credentials', async () => {
      const env = { ...process.env, ...deployment.env };
      const first = await run('npm', ['run', '--silent', 'seed:demo'], { cwd: ROOT, env });
      const second = await run('npm', ['run', '--silent', 'seed:demo'], { cwd: ROOT, env });
      for (const out of [first.stdout, second.stdout]) {
        expect(out).toContain('✓ Demo user already present: demo@myelectricaldata.fr');
        expect(out).toContain(`Client ID: ${clientId}`);
        expect(out).toContain(`Client Secret: ${clientSecret}`);
      }
    }, 90_000);
  });
}

demoSequence('on the embedded default', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-e2e-'));
  return { env: { DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
});

const E2E_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/14');

await describeWithServices('production configuration', ['postgresql', 'redis'], () => {
  demoSequence(
    'on PostgreSQL and Redis',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'med-e2e-'));
      const database = await temporaryDatabase('med_e2e');
      await emptyRedisDatabase(E2E_REDIS_URL);
      return {
        env: { DATA_DIR: dataDir, DATABASE_URL: database.url, REDIS_URL: E2E_REDIS_URL },
        cleanup: async () => {
          await database.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
    async () => {
      const redis = await connectedRedis(E2E_REDIS_URL);
      try {
        // Sealed bytes: a 12-byte IV, a 16-byte tag, then ciphertext as long as the day's JSON.
        const sealed = await redis.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get('consumption:daily:12345678901234:2024-01-01');
        expect(sealed?.length).toBeGreaterThan(12 + 16 + '[{"date":"2024-01-01","value":1}]'.length);
        expect(sealed!.toString('latin1')).not.toMatch(/CORRIGE|2024-01-01|value/);
        expect(await redis.ttl('consumption:daily:12345678901234:2024-01-01')).toBeGreaterThan(86_000);
      } finally {
        await redis.close();
      }
    },
  );
});

describe('a bad configuration', () => {
  it('when a variable is wrong, then the process stops and names it', async () => {
    const failure = await run('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, CACHE_TTL_SECONDS: 'forever', DATABASE_URL: 'oracle://x' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('CACHE_TTL_SECONDS');
    expect((failure as { stderr: string }).stderr).toContain('DATABASE_URL');
  }, 60_000);
});
