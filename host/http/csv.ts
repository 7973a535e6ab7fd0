import type { Request, Response } from 'express';

/** RFC 4180 (`,`, decimal point) or what a French spreadsheet opens as is (`;`, decimal comma). */
export type CsvDialect = 'rfc4180' | 'excel-fr';

/** Whether the request asks for CSV: `format=csv`, or an `Accept` that prefers text/csv to JSON. */
export function wantsCsv(req: Request): boolean {
  if (req.query.format === 'csv') return true;
  if (req.query.format === 'json') return false;
  // Most requests name no CSV at all: no content negotiation for them.
  if (!req.headers.accept?.includes('text/csv')) return false;
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

export const dialectOf = (req: Request): CsvDialect => (req.query.csv_dialect === 'excel-fr' ? 'excel-fr' : 'rfc4180');

/** One field, quoted when it holds the separator, a quote or a line break (quotes doubled). */
function field(value: unknown, dialect: CsvDialect): string {
  const separator = dialect === 'excel-fr' ? ';' : ',';
  const text =
    value === null || value === undefined ? '' : typeof value === 'number' && dialect === 'excel-fr' ? String(value).replace('.', ',') : String(value);
  return text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export const csvLine = (cells: readonly unknown[], dialect: CsvDialect): string =>
  cells.map((c) => field(c, dialect)).join(dialect === 'excel-fr' ? ';' : ',') + '\r\n';

const ROWS_PER_WRITE = 2_000;

/**
 * Writes a header line and the rows as CSV (CRLF line ends, RFC 4180), a few thousand rows per
 * write and waiting when the socket is full: three years of load curve never sit in memory as text.
 */
export async function sendCsv(
  res: Response,
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
  dialect: CsvDialect,
  filename: string,
): Promise<void> {
  res.status(200);
  res.type('text/csv; charset=utf-8');
  res.set('Content-Disposition', `attachment; filename="${filename}"`);
  const line = (cells: readonly unknown[]) => csvLine(cells, dialect);
  let chunk = line(header);
  let count = 0;
  for (const row of rows) {
    chunk += line(row);
    if (++count % ROWS_PER_WRITE === 0) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      chunk = '';
    }
  }
  res.end(chunk);
}
