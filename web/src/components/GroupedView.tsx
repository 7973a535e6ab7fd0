import { useEffect, useState } from 'react';
import { api, call, json, type Pdl } from '../api';
import { ChartView } from './ChartView';
import { ErrorMessage } from './ErrorMessage';

type By = 'day' | 'week' | 'month' | 'year';
const LABELS: Record<By, string> = { day: 'Jour', week: 'Semaine', month: 'Mois', year: 'Année' };

/** The range's consumption and production summed by day, ISO week, month or year, and CSV downloads of them. */
export function GroupedView({ meter, start, end }: { meter: Pdl; start: string; end: string }) {
  const [by, setBy] = useState<By>('month');
  const [groups, setGroups] = useState<{ labels: string[]; consumption: number[] | null; production: number[] | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const path = { usage_point_id: meter.usage_point_id };

  useEffect(() => {
    const query = { start, end, group_by: by };
    const grouped = (route: '/enedis/consumption/daily/{usage_point_id}' | '/enedis/production/daily/{usage_point_id}') =>
      call(api.GET(route, { params: { path, query } })).then((r) => {
        const { data } = json(r);
        return 'groups' in data ? data.groups : [];
      });
    Promise.all([
      meter.has_consumption ? grouped('/enedis/consumption/daily/{usage_point_id}') : null,
      meter.has_production ? grouped('/enedis/production/daily/{usage_point_id}') : null,
    ])
      .then(([c, p]) => {
        setError(null);
        setGroups({
          labels: (c ?? p ?? []).map((g) => g.period),
          consumption: c?.map((g) => g.value / 1000) ?? null,
          production: p?.map((g) => g.value / 1000) ?? null,
        });
      })
      .catch(setError);
  }, [meter.usage_point_id, start, end, by]);

  const csv = (direction: 'consumption' | 'production', dialect: 'rfc4180' | 'excel-fr') =>
    `/api/enedis/${direction}/daily/${meter.usage_point_id}?start=${start}&end=${end}&group_by=${by}&format=csv&csv_dialect=${dialect}`;
  const series = [
    ...(groups?.consumption ? [{ label: 'Consommation (kWh)', values: groups.consumption, color: '#2563eb' }] : []),
    ...(groups?.production ? [{ label: 'Production (kWh)', values: groups.production, color: '#f59e0b' }] : []),
  ];
  return (
    <section className="card" data-testid="grouped">
      <h2>Par période</h2>
      <div className="controls">
        <label>
          Regrouper par
          <select value={by} onChange={(e) => setBy(e.target.value as By)}>
            {(Object.keys(LABELS) as By[]).map((b) => (
              <option key={b} value={b}>
                {LABELS[b]}
              </option>
            ))}
          </select>
        </label>
        {meter.has_consumption ? (
          <>
            <a className="button" href={csv('consumption', 'rfc4180')} data-testid="csv-consumption">
              CSV consommation
            </a>
            <a className="button" href={csv('consumption', 'excel-fr')}>
              CSV (Excel FR)
            </a>
          </>
        ) : null}
        {meter.has_production ? (
          <a className="button" href={csv('production', 'rfc4180')}>
            CSV production
          </a>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      {groups ? <ChartView labels={groups.labels} series={series} unit="kWh" testId="grouped-chart" /> : null}
    </section>
  );
}
