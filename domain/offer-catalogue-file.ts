import { offerKey, parseOfferEntry, type OfferEntry } from './offers.js';
import { err, ok, type Result } from './result.js';

/** What is wrong with one line of a catalogue file. */
export interface CatalogueProblem {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** At most this many offers per file. */
const MAX_OFFERS = 5_000;

const periodKey = (e: OfferEntry) => [e.provider.toLowerCase(), e.name.toLowerCase(), e.offerType, e.powerKva].join('|');

/**
 * A catalogue file: JSON Lines, one offer per line (the fields of `parseOfferEntry`), blank lines
 * and lines starting with `#` ignored. Every line is checked, and every bad one reported with its
 * number: a line that does not parse, a field out of range, the same offer twice, or two periods of
 * one offer (provider, name, type, power) that overlap. Nothing is returned unless all are good.
 */
export function parseCatalogue(text: string): Result<OfferEntry[], CatalogueProblem[]> {
  const problems: CatalogueProblem[] = [];
  const entries: Array<{ line: number; entry: OfferEntry }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      problems.push({ line, field: 'line', message: 'not a JSON object' });
      return;
    }
    const entry = parseOfferEntry(value);
    if (entry.ok) entries.push({ line, entry: entry.value });
    else problems.push({ line, field: entry.error.field, message: entry.error.message });
  });
  return wholeFile(entries, problems);
}

/** The checks of a whole file once its lines are read: its size, the same offer twice, overlapping periods. */
export function wholeFile(entries: ReadonlyArray<{ line: number; entry: OfferEntry }>, problems: CatalogueProblem[]): Result<OfferEntry[], CatalogueProblem[]> {
  if (entries.length > MAX_OFFERS) problems.push({ line: entries[MAX_OFFERS]!.line, field: 'line', message: `at most ${MAX_OFFERS} offers per file` });
  problems.push(...duplicates(entries), ...overlaps(entries));
  if (problems.length > 0) return err(problems.sort((a, b) => a.line - b.line));
  return ok(entries.map((e) => e.entry));
}

function duplicates(entries: ReadonlyArray<{ line: number; entry: OfferEntry }>): CatalogueProblem[] {
  const seen = new Map<string, number>();
  const problems: CatalogueProblem[] = [];
  for (const { line, entry } of entries) {
    const first = seen.get(offerKey(entry));
    if (first !== undefined) problems.push({ line, field: 'valid_from', message: `the same offer as line ${first}` });
    else seen.set(offerKey(entry), line);
  }
  return problems;
}

function overlaps(entries: ReadonlyArray<{ line: number; entry: OfferEntry }>): CatalogueProblem[] {
  const byOffer = new Map<string, Array<{ line: number; entry: OfferEntry }>>();
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(offerKey(e.entry))) continue; // a duplicate, reported as such
    seen.add(offerKey(e.entry));
    byOffer.set(periodKey(e.entry), [...(byOffer.get(periodKey(e.entry)) ?? []), e]);
  }
  const problems: CatalogueProblem[] = [];
  for (const periods of byOffer.values()) {
    const sorted = [...periods].sort((a, b) => a.entry.validFrom.localeCompare(b.entry.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const current = sorted[i]!;
      if (before.entry.validTo === null || before.entry.validTo > current.entry.validFrom) {
        problems.push({
          line: current.line,
          field: 'valid_from',
          message: `overlaps the period of line ${before.line} (valid_to ${before.entry.validTo ?? 'open'})`,
        });
      }
    }
  }
  return problems;
}
