import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../domain/offer-catalogue-file.js';
import { apportionCents, formatMicroEuros, formatNanoEuros, nanoToCents, parseEuros } from '../../../domain/money.js';

const line = (change: Record<string, unknown> = {}) =>
  JSON.stringify({
    provider: 'EDF',
    name: 'Base',
    offer_type: 'BASE',
    power_kva: 6,
    valid_from: '2025-02-01',
    valid_to: '2025-08-01',
    subscription_eur_per_year: '150.00',
    prices: { base: '0.2016' },
    ...change,
  });

describe('catalogue files', () => {
  it('when every line is good, then each becomes an entry in micro-euros, comments and blank lines skipped', () => {
    const parsed = parseCatalogue(['# grid', '', line(), line({ valid_from: '2025-08-01', valid_to: null, prices: { base: '0.1952' } })].join('\n'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.map((e) => [e.validFrom, e.prices.base, e.subscriptionMicroPerYear])).toEqual([
      ['2025-02-01', 201_600, 150_000_000],
      ['2025-08-01', 195_200, 150_000_000],
    ]);
  });

  it('when lines are bad, then each is named with its number and reason, and none is returned', () => {
    const parsed = parseCatalogue(
      [
        line(), // 1
        '{oops', // 2
        line({ offer_type: 'TEMPO' }), // 3: TEMPO has no base price
        line(), // 4: the same as line 1
        line({ valid_from: '2025-05-01', valid_to: null }), // 5: overlaps line 1
        line({ prices: { base: '-0.1' } }), // 6
        line({ name: 'Bad\u202Ename' }), // 7: a bidi override
      ].join('\n'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((p) => [p.line, p.field])).toEqual([
      [2, 'line'],
      [3, 'prices.base'],
      [4, 'valid_from'],
      [5, 'valid_from'],
      [6, 'prices.base'],
      [7, 'name'],
    ]);
    expect(parsed.error[2]!.message).toBe('the same offer as line 1');
    expect(parsed.error[3]!.message).toContain('overlaps the period of line 1');
  });
});

describe('money without floats', () => {
  it('when euros are parsed and printed, then they round-trip exactly', () => {
    expect(parseEuros('0.2516', 'p', 10)).toEqual({ ok: true, value: 251_600 });
    expect(parseEuros('151.86', 'p', 1000)).toEqual({ ok: true, value: 151_860_000 });
    expect(parseEuros('0.1234567', 'p', 10).ok).toBe(false);
    expect(parseEuros('11', 'p', 10).ok).toBe(false);
    expect(formatMicroEuros(251_600)).toBe('0.2516');
    expect(formatMicroEuros(12_600_000)).toBe('12.60');
    expect(formatMicroEuros(155_000)).toBe('0.155');
    expect(formatNanoEuros(1_234_567_891)).toBe('1.234567891');
  });

  it('when parts are apportioned to cents, then they add up to the rounded total, the largest remainders first', () => {
    // 3 × 0.333… € = 1.00 €; each rounds to 0.33, so one part takes the extra cent.
    const third = 333_333_333;
    expect(nanoToCents(third * 3 + 1)).toBe(100);
    expect(apportionCents([third, third, third + 1])).toEqual([33, 33, 34]);
    expect(apportionCents([5_000_000, 5_000_000])).toEqual([1, 0]);
    expect(apportionCents([]).length).toBe(0);
  });
});
