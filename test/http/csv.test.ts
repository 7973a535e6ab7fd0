import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv.js';
import { household } from '../support/household.js';

const MAIN = '12345678901234';

describe('CSV on the metering routes', () => {
  const h = household([MAIN]);

  const get = (path: string) => h.get(path);
  const text = (path: string, accept?: string) => {
    const req = get(path)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => done(null, body));
      });
    return accept ? req.set('Accept', accept) : req;
  };

  it('when daily consumption is asked as CSV, then parsed back it equals the JSON, with a header line', async () => {
    const url = `/api/enedis/consumption/daily/${MAIN}?start=2026-01-01&end=2026-02-01`;
    const json = (await get(url).expect(200)).body.data.meter_reading.interval_reading as Array<{ date: string; value: number; quality: string }>;
    const csv = await text(`${url}&format=csv`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const [header, ...rows] = parseCsv(csv.body as string);
    expect(header).toEqual(['date', 'value_Wh', 'quality']);
    expect(rows.map(([date, value, quality]) => ({ date, value: Number(value), quality }))).toEqual(
      json.map(({ date, value, quality }) => ({ date, value, quality })),
    );
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${MAIN}-consumption-daily-2026-01-01-2026-02-01.csv"`);
    const accepted = await text(url, 'text/csv').expect(200);
    expect(accepted.body).toBe(csv.body);
  });

  it('when two years of load curve are asked as CSV, then every half-hour is a row, ISO with its offset', async () => {
    const url = `/api/enedis/consumption/detail/${MAIN}?start=2024-12-01&end=2026-11-23`;
    const json = (await get(url).expect(200)).body.data.meter_reading.interval_reading as Array<{ date: string; value: number }>;
    const csv = await text(`${url}&format=csv`).expect(200);
    const [header, ...rows] = parseCsv(csv.body as string);
    expect(header).toEqual(['date', 'value_W', 'quality', 'interval_length']);
    expect(rows).toHaveLength(json.length);
    expect(rows.length).toBeGreaterThan(34_000);
    expect(rows[0]![0]).toMatch(/^2024-12-01T00:00:00\+01:00$/);
    expect(rows.map((r) => Number(r[1]))).toEqual(json.map((r) => r.value));
  });

  it('when groups are asked as CSV in the French dialect, then fields are ;-separated with decimal commas, and equal the JSON groups', async () => {
    const url = `/api/enedis/consumption/detail/${MAIN}?start=2026-10-25&end=2026-10-26&group_by=hour`;
    const groups = (await get(url).expect(200)).body.data.groups as Array<{ period: string; value: number; complete: boolean }>;
    const csv = await text(`${url}&format=csv&csv_dialect=excel-fr`).expect(200);
    const [header, ...rows] = parseCsv(csv.body as string, 'excel-fr');
    expect(header).toEqual(['period', 'start', 'end', 'value_Wh', 'complete']);
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => ({ period: r[0], value: Number(r[3]!.replace(',', '.')), complete: r[4] === 'true' }))).toEqual(
      groups.map(({ period, value, complete }) => ({ period, value, complete })),
    );
    expect((csv.body as string).split('\r\n')[1]).toContain(';');
  });
});
