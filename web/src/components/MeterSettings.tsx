import { api, call, type Pdl } from '../api';

const PRICING_LABELS: Record<NonNullable<Pdl['pricing_option']>, string> = {
  BASE: 'Base',
  HC_HP: 'Heures creuses / pleines',
  TEMPO: 'Tempo',
  EJP: 'EJP',
  HC_WEEKEND: 'Heures creuses + week-end',
};

/**
 * What the household sets on a meter for the money figures and the combined charts: its pricing
 * option and the production meter shown with it; the off-peak hours and the chosen offer as they are.
 */
export function MeterSettings({
  meter,
  meters,
  readOnly,
  act,
}: {
  meter: Pdl;
  meters: readonly Pdl[];
  readOnly: boolean;
  act: (work: () => Promise<unknown>) => void;
}) {
  const path = { params: { path: { pdl_id: meter.id } } };
  const producers = meters.filter((m) => m.id !== meter.id && m.has_production);
  return (
    <div className="meter-settings" data-testid={`settings-${meter.usage_point_id}`}>
      <label>
        Option tarifaire{' '}
        <select
          value={meter.pricing_option ?? ''}
          disabled={readOnly}
          onChange={(e) =>
            act(() => call(api.PATCH('/pdl/{pdl_id}', { ...path, body: { pricing_option: (e.target.value || null) as Pdl['pricing_option'] } })))
          }
        >
          <option value="">non renseignée</option>
          {Object.entries(PRICING_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {meter.has_consumption && producers.length > 0 ? (
        <label>
          Production associée{' '}
          <select
            value={meter.linked_production_pdl_id ?? ''}
            disabled={readOnly}
            onChange={(e) => act(() => call(api.PATCH('/pdl/{pdl_id}', { ...path, body: { linked_production_pdl_id: e.target.value || null } })))}
          >
            <option value="">aucune</option>
            {producers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name ?? m.usage_point_id}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span className="muted">
        {meter.offpeak_hours ? `Heures creuses ${meter.offpeak_hours.join(', ')}` : 'Heures creuses inconnues'}
        {meter.selected_offer_id ? ` · offre ${meter.selected_offer_id}` : ''}
      </span>
    </div>
  );
}
