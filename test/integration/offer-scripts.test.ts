import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlClient } from '../../adapters/sql/sql-client.js';

const run = promisify(execFile);

/** The scripts as an operator runs them, on a SQLite file of their own. */
describe('npm run seed:offers and import:offers', () => {
  let dir: string;
  const env = () => ({ ...process.env, DATABASE_URL: `sqlite:///${join(dir, 'gateway.db')}`, DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const script = (name: string, ...args: string[]) =>
    run('npx', ['tsx', `seeds/${name}.ts`, ...args], { env: env() }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  const count = async () => {
    const knex = createSqlClient({ dialect: 'sqlite', connection: join(dir, 'gateway.db') });
    try {
      return Number(((await knex('energy_offers').count('* as n')) as Array<{ n: number }>)[0]!.n);
    } finally {
      await knex.destroy();
    }
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offers-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('when the seed runs twice, then one copy of each offer exists, the second run changing nothing', async () => {
    const first = await script('seed-offers');
    expect(first.stdout).toMatch(/11 created, 0 updated, 0 unchanged/);
    const second = await script('seed-offers');
    expect(second.stdout).toMatch(/0 created, 0 updated, 11 unchanged/);
    expect(await count()).toBe(11);
  }, 60_000);

  it('when an invalid file is imported, then it is refused with each line and reason, and nothing is written', async () => {
    const bad = join(dir, 'bad.jsonl');
    const good =
      '{"provider":"Alt","name":"Base","offer_type":"BASE","power_kva":6,"valid_from":"2026-02-01","subscription_eur_per_year":"140","prices":{"base":"0.19"}}';
    await writeFile(bad, [good, '{"provider":"Alt","name":"Base","offer_type":"BASE","power_kva":6,"valid_from":"2026-02-01"}', 'nope'].join('\n'));
    const refused = await script('import-offers', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:2: subscription_eur_per_year:`);
    expect(refused.stderr).toContain(`${bad}:3: line: not a JSON object`);
    expect(await count()).toBe(11);
    await writeFile(bad, good);
    const accepted = await script('import-offers', bad);
    expect(accepted.stdout).toMatch(/1 created/);
    expect(await count()).toBe(12);
    expect((await script('import-offers')).code).toBe(2);
    // The regulator's own file, as data.gouv.fr publishes it: one new period at 6 kVA; the 2024 one is the seed's (no second copy), its source now the file.
    const cre = join(dir, 'Option_Base.csv');
    await writeFile(
      cre,
      'DATE_DEBUT;DATE_FIN;P_SOUSCRITE;PART_FIXE_HT;PART_FIXE_TTC;PART_VARIABLE_HT;PART_VARIABLE_TTC\n01/02/2024;31/01/2025;6;;151,86;;0,2516\n01/02/2025;;6;;150;;0,2016\n',
    );
    expect((await script('import-offers', cre)).stdout).toMatch(/1 created, 1 updated, 0 unchanged/);
    expect(await count()).toBe(13);
  }, 60_000);
});
