import { describe, expect, it } from 'vitest';
import { groupRuns, intersectRanges, parseDateRange, parseInclusiveRange, rangeDays, rangeLength, splitRange } from '../../../domain/date-range.js';
import { addDays, addMonths, parseLocalDate, type LocalDate } from '../../../domain/local-date.js';

const d = (s: string) => s as LocalDate;

describe('LocalDate', () => {
  it('when a date is a real calendar day, then it parses', () => {
    expect(parseLocalDate('2024-02-29', 'start')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it.each(['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '', 'yesterday'])('when the date is %j, then it is refused naming the field', (raw) => {
    const parsed = parseLocalDate(raw, 'start');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ kind: 'InvalidInput', field: 'start' });
  });

  it('when adding days across a leap day and a year end, then the calendar is followed', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(d('2025-03-01'), -1)).toBe('2025-02-28');
  });

  it('when going back months from the 31st or a leap day, then the month end is kept', () => {
    expect(addMonths(d('2026-03-31'), -1)).toBe('2026-02-28');
    expect(addMonths(d('2024-02-29'), -12)).toBe('2023-02-28');
    expect(addMonths(d('2026-11-23'), -36)).toBe('2023-11-23');
  });
});

describe('DateRange', () => {
  it('when end follows start, then the range has end - start days, end excluded', () => {
    const range = parseDateRange('2024-01-01', '2024-12-31');
    expect(range.ok && rangeLength(range.value)).toBe(365);
    expect(range.ok && rangeDays(range.value).at(-1)).toBe('2024-12-30');
  });

  it('when start equals end, then the range is empty, not wrong', () => {
    const range = parseDateRange('2024-01-02', '2024-01-02');
    expect(range.ok && rangeDays(range.value)).toEqual([]);
  });

  it('when start follows end, then end is named as wrong', () => {
    for (const [start, end] of [
      ['2024-01-03', '2024-01-02'],
      ['2024-01-03', '2024-01-01'],
    ]) {
      const range = parseDateRange(start, end);
      expect(range.ok).toBe(false);
      if (!range.ok) expect(range.error.field).toBe('end');
    }
  });

  it('when days are scattered and repeated, then they group into sorted consecutive runs', () => {
    const runs = groupRuns([d('2024-01-05'), d('2024-01-02'), d('2024-01-03'), d('2024-01-03'), d('2024-01-10'), d('2024-01-04')]);
    expect(runs).toEqual([
      { start: '2024-01-02', end: '2024-01-06' },
      { start: '2024-01-10', end: '2024-01-11' },
    ]);
  });

  it('when a run is longer than the per-call limit, then it splits into adjacent parts of at most that many days', () => {
    const parts = splitRange({ start: d('2024-01-01'), end: d('2024-01-18') }, 7);
    expect(parts).toEqual([
      { start: '2024-01-01', end: '2024-01-08' },
      { start: '2024-01-08', end: '2024-01-15' },
      { start: '2024-01-15', end: '2024-01-18' },
    ]);
    expect(splitRange({ start: d('2023-01-01'), end: d('2025-01-01') }, 365).map(rangeLength)).toEqual([365, 365, 1]);
  });

  it('when two ranges do not overlap, then their intersection is null', () => {
    expect(intersectRanges({ start: d('2024-01-01'), end: d('2024-01-05') }, { start: d('2024-01-05'), end: d('2024-01-09') })).toBeNull();
    expect(intersectRanges({ start: d('2024-01-01'), end: d('2024-01-06') }, { start: d('2024-01-05'), end: d('2024-01-09') })).toEqual({
      start: '2024-01-05',
      end: '2024-01-06',
    });
  });
});

describe('inclusive ranges, as upstream grid routes take them', () => {
  it('when both ends are given, then both are included, a reversed or too long span names end_date, a bad date its own field', () => {
    expect(parseInclusiveRange('2026-01-01', '2026-01-01', 10)).toEqual({ ok: true, value: { start: '2026-01-01', end: '2026-01-02' } });
    expect(parseInclusiveRange('2026-01-01', '2026-01-10', 10).ok).toBe(true);
    const field = (r: ReturnType<typeof parseInclusiveRange>) => (r.ok ? null : r.error.field);
    expect(field(parseInclusiveRange('2026-01-01', '2026-01-11', 10))).toBe('end_date');
    expect(field(parseInclusiveRange('2026-01-05', '2026-01-04', 10))).toBe('end_date');
    expect(field(parseInclusiveRange('2026-02-30', '2026-03-01', 10))).toBe('start_date');
    expect(field(parseInclusiveRange('2026-03-01', 'soon', 10))).toBe('end_date');
  });
});
