import { useEffect, useState } from 'react';
import { api, call, type Pdl } from '../api';
import type { components } from '../../../host/http/openapi-types';
import { ErrorMessage } from './ErrorMessage';

type Flows = components['schemas']['EnergyFlows'];
const kwh = (wh: number) => `${(wh / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} kWh`;
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`);

/** Month by month: what the meter's production covered of its consumption, and what went to the grid. */
export function SelfConsumptionView({ meter, start, end }: { meter: Pdl; start: string; end: string }) {
  const [data, setData] = useState<{ groups: Array<Flows & { period: string }>; total: Flows } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call(
      api.GET('/enedis/self-consumption/{usage_point_id}', {
        params: { path: { usage_point_id: meter.usage_point_id }, query: { start, end, group_by: 'month' } },
      }),
    ).then((r) => setData({ groups: r.data.groups, total: r.data.total }), setError);
  }, [meter.usage_point_id, start, end]);
  const row = (label: string, f: Flows) => (
    <tr key={label}>
      <td>{label}</td>
      <td>{kwh(f.production_wh)}</td>
      <td>{kwh(f.consumption_wh)}</td>
      <td>{kwh(f.self_consumed_wh)}</td>
      <td>{kwh(f.injected_wh)}</td>
      <td>{kwh(f.drawn_wh)}</td>
      <td>{pct(f.self_consumption_rate)}</td>
      <td>{pct(f.self_sufficiency_rate)}</td>
    </tr>
  );
  return (
    <section className="card" data-testid="self-consumption">
      <h2>Autoconsommation</h2>
      <ErrorMessage error={error} />
      {data ? (
        <table>
          <thead>
            <tr>
              <th>Mois</th>
              <th>Production</th>
              <th>Consommation</th>
              <th>Autoconsommée</th>
              <th>Injectée</th>
              <th>Soutirée</th>
              <th>Taux d’autoconsommation</th>
              <th>Taux d’autoproduction</th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g) => row(g.period, g))}
            {row('Total', data.total)}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
