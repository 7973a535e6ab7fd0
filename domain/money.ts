import { invalidInput, type InvalidInput } from './errors.js';
import { err, ok, type Result } from './result.js';

/**
 * Money without floats. Prices are integers of micro-euros (1 € = 1 000 000 µ€); a price per kWh
 * times an energy in Wh is in nano-euros (µ€ × Wh / kWh = 10⁻⁹ €), and sums stay integers.
 */
export const MICRO_PER_EURO = 1_000_000;
export const NANO_PER_MICRO = 1_000;

/** A decimal amount of euros as text (`"0.2516"`, `"151.86"`, at most 6 decimals) to micro-euros. */
export function parseEuros(raw: unknown, field: string, max: number): Result<number, InvalidInput> {
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  const match = typeof text === 'string' ? /^(\d{1,7})(?:\.(\d{1,6}))?$/.exec(text.trim()) : null;
  if (!match) return err(invalidInput(field, `${field} is an amount of euros with at most 6 decimals, such as "0.2516"`));
  const micro = Number(match[1]) * MICRO_PER_EURO + Number((match[2] ?? '').padEnd(6, '0'));
  if (micro > max * MICRO_PER_EURO) return err(invalidInput(field, `${field} is at most ${max} €`));
  return ok(micro);
}

/** Micro-euros as a decimal text of euros, trailing zeros dropped past the cents (`"0.2516"`, `"12.60"`). */
export function formatMicroEuros(micro: number): string {
  const sign = micro < 0 ? '-' : '';
  const abs = Math.abs(micro);
  const fraction = String(abs % MICRO_PER_EURO)
    .padStart(6, '0')
    .replace(/0{1,4}$/, (zeros) => zeros.slice(0, Math.max(0, zeros.length - 4)));
  return `${sign}${Math.floor(abs / MICRO_PER_EURO)}.${fraction.length < 2 ? fraction.padEnd(2, '0') : fraction}`;
}

/** Nano-euros rounded half up to whole cents (1 cent = 10⁷ n€). */
export const nanoToCents = (nano: number): number => Math.floor((nano + 5_000_000) / 10_000_000);

/** Whole cents as euros text with two decimals. */
export const formatCents = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** Nano-euros as exact euros text (nine decimals). */
export const formatNanoEuros = (nano: number): string => {
  const abs = Math.abs(nano);
  return `${nano < 0 ? '-' : ''}${Math.floor(abs / 1e9)}.${String(abs % 1e9).padStart(9, '0')}`;
};

/**
 * Whole cents for parts whose exact amounts (nano-euros) add up to a total, so that the parts' cents
 * add up to the total's rounded cents (largest remainder): a month's lines always sum to its total.
 */
export function apportionCents(parts: readonly number[]): number[] {
  const total = nanoToCents(parts.reduce((a, b) => a + b, 0));
  const floors = parts.map((p) => Math.floor(p / 10_000_000));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = parts.map((p, i) => ({ i, rest: p - floors[i]! * 10_000_000 })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors;
}
