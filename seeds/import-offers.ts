import { loadCatalogueFiles } from './load-catalogue.js';

/** `npm run import:offers -- FILE [FILE...]`: catalogue files in the seed's format (JSON Lines). */
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run import:offers -- FILE [FILE...]   (JSON Lines, one offer per line: docs/offers-catalogue.md)');
  process.exit(2);
}

loadCatalogueFiles(files).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Importing the offers failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
