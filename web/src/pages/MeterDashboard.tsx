import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, call, json, type MeterData, type Pdl, type Usage } from '../api';
import { ChartView } from '../components/ChartView';
import { CostView } from '../components/CostView';
import { ErrorMessage } from '../components/ErrorMessage';
import { TempoCalendar } from '../components/TempoCalendar';
import { GroupedView } from '../components/GroupedView';
import { SelfConsumptionView } from '../components/SelfConsumptionView';
import { addDays, frDay, frTime, kwh, parisToday } from '../format';

type Route =
  | '/enedis/consumption/daily/{usage_point_id}'
  | '/enedis/production/daily/{usage_point_id}'
  | '/enedis/consumption/max_power/{usage_point_id}'
  | '/enedis/consumption/detail/{usage_point_id}'
  | '/enedis/production/detail/{usage_point_id}';

/** Our own shape: the dashboard never sends X-MED-Format, so the 2026 measure shape never comes. */
const read = (route: Route, usagePointId: string, start: string, end: string): Promise<MeterData> =>
  call(
    api.GET(route, { params: { path: { usage_point_id: usagePointId }, query: { start, end, ...(route.includes('max_power') ? { summary: true } : {}) } } }),
  ).then((r) => {
    const { data } = json(r);
    if (!('meter_reading' in data)) throw new Error('unexpected measure shape');
    return data;
  });

const byDate = (data: MeterData | null) => new Map((data?.meter_reading.interval_reading ?? []).map((r) => [r.date.slice(0, 10), r.value]));

export function MeterDashboard({ id }: { id: string }) {
  const [meter, setMeter] = useState<Pdl | null>(null);
  const [start, setStart] = useState(() => addDays(parisToday(), -365));
  const [end, setEnd] = useState(() => parisToday());
  const [day, setDay] = useState(() => addDays(parisToday(), -1));
  const [consumption, setConsumption] = useState<MeterData | null>(null);
  const [production, setProduction] = useState<MeterData | null>(null);
  const [maxPower, setMaxPower] = useState<MeterData | null>(null);
  const [curve, setCurve] = useState<{ consumption: MeterData | null; production: MeterData | null } | null>(null);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call(api.GET('/pdl/{pdl_id}', { params: { path: { pdl_id: id } } })).then((r) => setMeter(r.data), setError);
  }, [id]);

  const loadRange = useCallback(async () => {
    if (!meter) return;
    setError(null);
    try {
      const [c, p, m] = await Promise.all([
        meter.has_consumption ? read('/enedis/consumption/daily/{usage_point_id}', meter.usage_point_id, start, end) : null,
        meter.has_production ? read('/enedis/production/daily/{usage_point_id}', meter.usage_point_id, start, end) : null,
        meter.has_consumption ? read('/enedis/consumption/max_power/{usage_point_id}', meter.usage_point_id, start, end) : null,
      ]);
      setConsumption(c);
      setProduction(p);
      setMaxPower(m);
    } catch (e) {
      setError(e);
    }
    call(api.GET('/accounts/usage')).then((r) => setUsage(r.data), setError);
  }, [meter, start, end]);

  useEffect(() => {
    void loadRange();
  }, [loadRange]);

  const loadDay = async () => {
    if (!meter) return;
    try {
      setError(null);
      const next = addDays(day, 1);
      const [c, p] = await Promise.all([
        meter.has_consumption ? read('/enedis/consumption/detail/{usage_point_id}', meter.usage_point_id, day, next) : null,
        meter.has_production ? read('/enedis/production/detail/{usage_point_id}', meter.usage_point_id, day, next) : null,
      ]);
      setCurve({ consumption: c, production: p });
      call(api.GET('/accounts/usage')).then((r) => setUsage(r.data), setError);
    } catch (e) {
      setError(e);
    }
  };

  const daily = useMemo(() => {
    const c = byDate(consumption);
    const p = byDate(production);
    const days = [...new Set([...c.keys(), ...p.keys()])].sort();
    const series = [];
    if (consumption) series.push({ label: 'Consommation (kWh)', values: days.map((d) => (c.has(d) ? c.get(d)! / 1000 : null)), color: '#2563eb' });
    if (production) series.push({ label: 'Production (kWh)', values: days.map((d) => (p.has(d) ? p.get(d)! / 1000 : null)), color: '#f59e0b' });
    return { labels: days.map(frDay), series };
  }, [consumption, production]);

  const power = useMemo(() => {
    const readings = maxPower?.meter_reading.interval_reading ?? [];
    const limit = (meter?.subscribed_power ?? 0) * 1000;
    return {
      labels: readings.map((r) => frDay(r.date.slice(0, 10))),
      series: [
        { label: 'Puissance max (kVA)', values: readings.map((r) => r.value / 1000), color: '#dc2626', kind: 'line' as const },
        ...(limit
          ? [{ label: 'Puissance souscrite (kVA)', values: readings.map(() => limit / 1000), color: '#6b7280', kind: 'line' as const, dashed: true }]
          : []),
      ],
    };
  }, [maxPower, meter]);

  const halfHours = useMemo(() => {
    if (!curve) return null;
    const c = curve.consumption?.meter_reading.interval_reading ?? [];
    const p = curve.production?.meter_reading.interval_reading ?? [];
    const points = c.length > 0 ? c : p;
    const series = [];
    if (curve.consumption) series.push({ label: 'Consommation (W)', values: c.map((r) => r.value), color: '#2563eb', kind: 'line' as const });
    if (curve.production) series.push({ label: 'Production (W)', values: p.map((r) => r.value), color: '#f59e0b', kind: 'line' as const });
    return { labels: points.map((r) => frTime(r.date)), series };
  }, [curve]);

  const total = (data: MeterData | null) => (data?.meter_reading.interval_reading ?? []).reduce((sum, r) => sum + r.value, 0);
  const missing = [...(consumption?.missing ?? []), ...(production?.missing ?? [])];

  if (!meter) return <ErrorMessage error={error} />;
  return (
    <>
      <h1>{meter.name ?? meter.usage_point_id}</h1>
      <p className="muted">
        PDL {meter.usage_point_id} · {meter.subscribed_power ?? '?'} kVA{meter.offpeak_hours ? ` · heures creuses ${meter.offpeak_hours.join(', ')}` : ''}
      </p>
      <ErrorMessage error={error} />
      <section className="card">
        <h2>Par jour</h2>
        <div className="controls">
          <label>
            Du
            <input type="date" value={start} max={end} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label>
            au (exclu)
            <input type="date" value={end} min={start} onChange={(e) => setEnd(e.target.value)} />
          </label>
        </div>
        <p className="totals" data-testid="totals">
          {consumption ? `Consommation : ${kwh(total(consumption))}` : ''}
          {production ? ` · Production : ${kwh(total(production))}` : ''}
        </p>
        {missing.length > 0 ? (
          <p className="muted">Jours manquants : {missing.map((m) => `${frDay(m.start)} → ${frDay(addDays(m.end, -1))} (${m.reason})`).join(' ; ')}</p>
        ) : null}
        <ChartView labels={daily.labels} series={daily.series} unit="kWh" testId="daily-chart" />
      </section>
      {maxPower ? (
        <section className="card">
          <h2>Puissance maximale</h2>
          {maxPower.headroom ? (
            <p className="muted" data-testid="headroom">
              {maxPower.headroom.over_days} jour(s) au-dessus de {maxPower.headroom.subscribed_power_kva} kVA
              {maxPower.headroom.highest
                ? ` · pic ${(maxPower.headroom.highest.value / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} kVA (${Math.round(maxPower.headroom.highest.share_of_subscribed * 100)} % de la puissance souscrite)`
                : ''}
            </p>
          ) : null}
          <ChartView labels={power.labels} series={power.series} unit="kVA" testId="power-chart" />
        </section>
      ) : null}
      <section className="card">
        <h2>Courbe d’une journée</h2>
        <div className="controls">
          <label>
            Jour
            <input type="date" value={day} max={addDays(parisToday(), -1)} onChange={(e) => setDay(e.target.value)} />
          </label>
          <button type="button" onClick={loadDay}>
            Afficher la courbe
          </button>
        </div>
        {halfHours ? <ChartView labels={halfHours.labels} series={halfHours.series} unit="W (moyenne par demi-heure)" testId="curve-chart" /> : null}
      </section>
      <GroupedView meter={meter} start={start} end={end} />
      {meter.has_consumption && (meter.has_production || meter.linked_production_pdl_id) ? <SelfConsumptionView meter={meter} start={start} end={end} /> : null}
      {meter.has_consumption ? <CostView meter={meter} start={start} end={end} /> : null}
      <TempoCalendar />
      {usage ? (
        <section className="card" data-testid="usage">
          <h2>Quota du jour</h2>
          <p>
            {usage.unlimited
              ? 'Illimité (administrateur).'
              : `Depuis le cache : ${usage.cached.used} / ${usage.cached.limit} · Avec appel à Enedis : ${usage.uncached.used} / ${usage.uncached.limit}`}
          </p>
        </section>
      ) : null}
    </>
  );
}
