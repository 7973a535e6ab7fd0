import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { freePort, startGatewayProcess, type GatewayProcess } from '../support/process.js';
import { consentOnEmulator, consentOverHttp } from '../support/consent.js';

describe('the process lifecycle', () => {
  let emulator: EnedisEmulator;
  let gateway: GatewayProcess;
  let base: string;
  let dataDir: string;

  beforeAll(async () => {
    emulator = new EnedisEmulator({ clientId: 'app', clientSecret: 'secret' });
    const enedis = await emulator.start();
    dataDir = mkdtempSync(join(tmpdir(), 'med-life-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = await startGatewayProcess(
      {
        PORT: String(port),
        DATA_DIR: dataDir,
        ENEDIS_CLIENT_ID: 'app',
        ENEDIS_CLIENT_SECRET: 'secret',
        ENEDIS_BASE_URL: enedis,
        ENEDIS_API_VERSION: 'v5',
        BCRYPT_COST: '4',
        LOG_LEVEL: 'info',
      },
      { direct: true },
    );
  }, 90_000);

  afterAll(async () => {
    await gateway?.stop();
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when it starts, then the banner gives the URLs, the adapters and the demo credentials', () => {
    const banner = gateway.output();
    expect(banner).toContain(`Docs:      ${base.replace('127.0.0.1', 'localhost')}/docs`);
    expect(banner).toMatch(/Adapters: {2}database=sqlite .*cache=memory.*metering=enedis v5/);
    expect(banner).toMatch(/Demo client_secret: \S{64}/);
  });

  it('when SIGTERM arrives during a slow request, then that request still completes and the process exits cleanly', async () => {
    const json = { 'Content-Type': 'application/json' };
    await fetch(`${base}/api/accounts/signup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'slow@example.org', password: 'Correct-Horse9' }),
    });
    const login = (await (
      await fetch(`${base}/api/accounts/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'slow@example.org', password: 'Correct-Horse9' }),
      })
    ).json()) as {
      data: { access_token: string };
    };
    const auth = { Authorization: `Bearer ${login.data.access_token}` };
    expect(
      (await fetch(`${base}/api/pdl`, { method: 'POST', headers: { ...json, ...auth }, body: JSON.stringify({ usage_point_id: '22516914714270' }) })).status,
    ).toBe(201);
    const consented = await consentOnEmulator(emulator, ['22516914714270'], consentOverHttp(base, auth.Authorization));
    expect(consented.searchParams.get('consent_success')).toBe('true');
    emulator.inject({ kind: 'latency', count: 1, latencyMs: 1500, path: 'daily_consumption$' });
    const slow = fetch(`${base}/api/enedis/consumption/daily/22516914714270?start=2025-01-01&end=2025-01-08`, { headers: auth });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const exited = new Promise<number | null>((resolve) => gateway.child.once('exit', (code) => resolve(code)));
    gateway.child.kill('SIGTERM');
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { meter_reading: { interval_reading: unknown[] } } }).data.meter_reading.interval_reading).toHaveLength(7);
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/ping`)).rejects.toThrow();
    expect(gateway.output()).toContain('"msg":"shutting down"');
  }, 30_000);
});
