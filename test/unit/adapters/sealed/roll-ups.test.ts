import { describe, expect, it } from 'vitest';
import { arrayPieces, concatBytes, countBytes, indexOfBytes, insideOf, lastIndexOfBytes, textOf, utf8 } from '../../../../adapters/sealed/json-bytes.js';
import { addDays, type LocalDate } from '../../../../domain/local-date.js';
import { assembleRuns, coverageRuns, type RollUp, type Year } from '../../../../adapters/sealed/roll-ups.js';

describe('JSON kept as bytes', () => {
  it('when arrays are joined as pieces, then empty ones are skipped and the result is one valid array', () => {
    const joined = textOf(concatBytes(arrayPieces([insideOf(utf8('[1,2]')), insideOf(utf8('[]')), insideOf(utf8('["é"]'))])));
    expect(joined).toBe('[1,2,"é"]');
    expect(textOf(concatBytes(arrayPieces([])))).toBe('[]');
  });

  it('when a pattern is searched forwards and backwards, then every occurrence is found and nothing else', () => {
    const hay = utf8('{"date":"a"},{"date":"b"},{"dat');
    const needle = utf8('{"date":"');
    expect(indexOfBytes(hay, needle)).toBe(0);
    expect(indexOfBytes(hay, needle, 1)).toBe(13);
    expect(indexOfBytes(hay, needle, 14)).toBe(-1);
    expect(lastIndexOfBytes(hay, needle)).toBe(13);
    expect(lastIndexOfBytes(hay, needle, 12)).toBe(0);
    expect(countBytes(hay, needle)).toBe(2);
  });
});

describe('slicing a roll-up', () => {
  // Readings of very different lengths, so that where a day lies cannot be computed, only found.
  const first = '2025-01-01' as LocalDate;
  const readings = Array.from({ length: 365 }, (_, i) => ({
    date: addDays(first, i),
    value: i % 7 === 0 ? 1 : 10 ** (i % 13) + i,
    ...(i % 5 === 0 ? { note: 'x'.repeat(i % 40) } : {}),
  }));
  const rollUp: RollUp = { bytes: utf8(JSON.stringify(readings)), first, last: addDays(first, 364) };

  it('when any span of days is asked of it, then exactly those days come out, in order', () => {
    const spans: Array<[number, number]> = [
      [0, 364],
      [0, 0],
      [364, 364],
      [1, 363],
      [100, 100],
      [37, 211],
    ];
    for (let i = 0; i < 60; i++) {
      const a = (i * 97) % 365;
      const b = (i * 131) % 365;
      spans.push([Math.min(a, b), Math.max(a, b)]);
    }
    for (const [from, to] of spans) {
      const days = Array.from({ length: to - from + 1 }, (_, i) => addDays(first, from + i));
      const pieces = assembleRuns(days, coverageRuns(days, new Map([['2025' as Year, rollUp]])), new Map());
      const answer = JSON.parse(textOf(concatBytes(arrayPieces(pieces)))) as typeof readings;
      expect(answer, `${days[0]} to ${days.at(-1)}`).toEqual(readings.slice(from, to + 1));
    }
  });
});

describe('cutting days into runs', () => {
  const span = (first: string, last: string): RollUp => ({ bytes: new Uint8Array(), first: first as LocalDate, last: last as LocalDate });
  const days = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first as LocalDate, i));

  it('when roll-ups cover parts of two years, then each covered stretch is one run and every other day a run of its own', () => {
    const range = days('2024-12-28', 10);
    const runs = coverageRuns(
      range,
      new Map([
        ['2024' as Year, span('2024-01-01', '2024-12-30')],
        ['2025' as Year, span('2025-01-02', '2025-01-04')],
      ]),
    );
    expect(runs.map((r) => `${range[r.from]}..${range[r.to]}${r.rollUp ? '' : ' alone'}`)).toEqual([
      '2024-12-28..2024-12-30',
      '2024-12-31..2024-12-31 alone',
      '2025-01-01..2025-01-01 alone',
      '2025-01-02..2025-01-04',
      '2025-01-05..2025-01-05 alone',
      '2025-01-06..2025-01-06 alone',
    ]);
  });

  it('when the days are not consecutive, then runs are still exact', () => {
    const scattered = ['2025-01-01', '2025-01-03', '2025-01-09', '2025-01-20'] as LocalDate[];
    const runs = coverageRuns(scattered, new Map([['2025' as Year, span('2025-01-02', '2025-01-10')]]));
    expect(runs.map((r) => [r.from, r.to, r.rollUp !== null])).toEqual([
      [0, 0, false],
      [1, 2, true],
      [3, 3, false],
    ]);
  });
});
