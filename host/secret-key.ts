import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * SECRET_KEY when set; otherwise the key generated on first start and kept in `dataDir`, so that
 * tokens, sealed secrets and the cache survive restarts of the embedded mode.
 */
export async function resolveSecretKey(secretKey: string | null, dataDir: string): Promise<string> {
  if (secretKey !== null) return secretKey;
  const file = join(dataDir, 'secret_key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const generated = randomBytes(32).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${generated}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return (await readFile(file, 'utf8')).trim();
}
