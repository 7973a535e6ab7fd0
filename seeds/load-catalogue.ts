import { readFile } from 'node:fs/promises';
import { loadConfig } from '../host/config.js';
import { createGateway } from '../host/container.js';
import { createLogger } from '../host/logger.js';
import { resolveSecretKey } from '../host/secret-key.js';

/**
 * Loads the catalogue files named into the configured database: every line checked first, every bad
 * one printed with its number and reason, and nothing written unless all of them are good. Running
 * it twice leaves one copy of each offer (same provider, name, type, power and first day).
 */
export async function loadCatalogueFiles(files: readonly string[]): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const problem of loaded.error) console.error(`${problem.variable}: ${problem.message}`);
    return 1;
  }
  const config = loaded.value;
  const gateway = await createGateway(
    { ...config, secretKey: await resolveSecretKey(config.secretKey, config.dataDir) },
    { logger: createLogger({ ...config, logLevel: 'warn' }) },
  );
  try {
    let failed = false;
    for (const file of files) {
      const result = await gateway.useCases.offerCatalogue.load(await readFile(file, 'utf8'));
      if (!result.ok) {
        failed = true;
        for (const p of result.error) console.error(`${file}:${p.line}: ${p.field}: ${p.message}`);
        console.error(`✗ ${file}: ${result.error.length} bad line(s), nothing written`);
        continue;
      }
      const { created, updated, unchanged } = result.value;
      console.log(`✓ ${file}: ${created} created, ${updated} updated, ${unchanged} unchanged`);
    }
    return failed ? 1 : 0;
  } finally {
    await gateway.close();
  }
}
