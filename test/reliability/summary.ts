import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const SUMMARY_DIR = join(new URL('../..', import.meta.url).pathname, 'test-artifacts', 'reliability');

/** A row of the summary table, written by each part of the suite. */
export interface SummaryRow {
  readonly part: string;
  readonly tried: number;
  readonly outcome: string;
  readonly detail: string;
}

/** Clears the previous run's rows before the suite, prints the table after it. */
export function setup() {
  rmSync(SUMMARY_DIR, { recursive: true, force: true });
  mkdirSync(SUMMARY_DIR, { recursive: true });
  return () => {
    const rows = readdirSync(SUMMARY_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => JSON.parse(readFileSync(join(SUMMARY_DIR, f), 'utf8')) as SummaryRow[]);
    const header: SummaryRow = { part: 'part', tried: 0, outcome: 'outcome', detail: 'detail' };
    const cells = (r: SummaryRow) => [r.part, r === header ? 'tried' : String(r.tried), r.outcome, r.detail];
    const widths = [0, 1, 2, 3].map((i) => Math.max(...[header, ...rows].map((r) => cells(r)[i]!.length)));
    const line = (r: SummaryRow) =>
      `| ${cells(r)
        .map((c, i) => c.padEnd(widths[i]!))
        .join(' | ')} |`;
    console.log(['', 'Reliability summary', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''].join('\n'));
  };
}
