import { fileURLToPath } from 'node:url';
import { loadCatalogueFiles } from './load-catalogue.js';

/** `npm run seed:offers`: the catalogue shipped in seeds/offers/ (idempotent). */
const shipped = [fileURLToPath(new URL('./offers/tarif-bleu.jsonl', import.meta.url))];

loadCatalogueFiles(shipped).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Seeding the offers failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
