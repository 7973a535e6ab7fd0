import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../host/http/csv.js';
import { parseCsv } from '../../support/csv.js';

describe('CSV lines', () => {
  it('when a field holds the separator, a quote or a line break, then it is quoted with its quotes doubled, and parses back', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', 12.5, null];
    const line = csvLine(cells, 'rfc4180');
    expect(line).toBe('plain,"a,b","say ""hi""","two\nlines",12.5,\r\n');
    expect(parseCsv(line)).toEqual([['plain', 'a,b', 'say "hi"', 'two\nlines', '12.5', '']]);
  });

  it('when the French dialect is asked, then ; separates and numbers take a decimal comma, quoted only when needed', () => {
    expect(csvLine(['2026-01-05', 1234.5, 'a;b', 'x,y'], 'excel-fr')).toBe('2026-01-05;1234,5;"a;b";x,y\r\n');
  });
});
