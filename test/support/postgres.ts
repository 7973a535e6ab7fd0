import { randomBytes } from 'node:crypto';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { PG_URL } from './services.js';

/** A database of its own for one test file, dropped afterwards. */
export async function temporaryDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = createSqlClient({ dialect: 'postgresql', connection: PG_URL, poolMax: 1 });
  await admin.raw(`create database ${name}`);
  await admin.destroy();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = createSqlClient({ dialect: 'postgresql', connection: PG_URL, poolMax: 1 });
      await again.raw(`drop database if exists ${name} with (force)`);
      await again.destroy();
    },
  };
}
