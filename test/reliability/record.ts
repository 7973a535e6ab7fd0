import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_DIR, type SummaryRow } from './summary.js';

/** Writes this part's rows for the summary table. */
export function record(file: string, rows: SummaryRow[]): void {
  mkdirSync(SUMMARY_DIR, { recursive: true });
  writeFileSync(join(SUMMARY_DIR, `${file}.json`), JSON.stringify(rows, null, 2));
}

/** How long the load and fault phases run: `short` for CI, `full` by default. */
export const PROFILE = process.env.RELIABILITY_PROFILE === 'short' ? 'short' : 'full';
