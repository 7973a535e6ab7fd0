import { useEffect, useState } from 'react';
import { api, call, type Pdl } from '../api';
import type { components } from '../../../host/http/openapi-types';
import { ErrorMessage } from './ErrorMessage';

type Cost = components['schemas']['CostGroup'];
type Total = components['schemas']['CostTotal'];
type Offer = components['schemas']['EnergyOffer'];
type Comparison = { offer: components['schemas']['OfferRef']; total: Total; difference_eur: string | null };

const SLOT_LABELS: Record<string, string> = {
  base: 'Base',
  base_weekend: 'Week-end',
  hc: 'Heures creuses',
  hp: 'Heures pleines',
  blue_hc: 'Bleu HC',
  blue_hp: 'Bleu HP',
  white_hc: 'Blanc HC',
  white_hp: 'Blanc HP',
  red_hc: 'Rouge HC',
  red_hp: 'Rouge HP',
};
const euro = (text: string) => `${text.replace('.', ',')} €`;
const kwhOf = (wh: number) => `${(wh / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} kWh`;

/** What the range cost, month by month and slot by slot, under the meter's offer or one picked; and every offer side by side. */
export function CostView({ meter, start, end }: { meter: Pdl; start: string; end: string }) {
  const [offers, setOffers] = useState<Offer[]>([]);
  const [offerId, setOfferId] = useState('');
  const [cost, setCost] = useState<{ groups: Cost[]; total: Total; offer: string } | null>(null);
  const [comparison, setComparison] = useState<Comparison[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const path = { usage_point_id: meter.usage_point_id };

  useEffect(() => {
    call(api.GET('/energy/offers', { params: { query: { include_history: true } } })).then(
      (r) => setOffers(r.data.filter((o) => o.power_kva === meter.subscribed_power)),
      setError,
    );
  }, [meter.subscribed_power]);

  const compute = async () => {
    setError(null);
    try {
      const query = { start, end, group_by: 'month' as const, ...(offerId ? { offer_id: offerId } : {}) };
      const r = await call(api.GET('/enedis/cost/{usage_point_id}', { params: { path, query } }));
      setCost({ groups: r.data.groups, total: r.data.total, offer: `${r.data.offer.provider} ${r.data.offer.name} ${r.data.offer.power_kva} kVA` });
    } catch (e) {
      setError(e);
    }
  };
  const compare = async () => {
    setError(null);
    try {
      setComparison((await call(api.GET('/enedis/cost/{usage_point_id}/compare', { params: { path, query: { start, end } } }))).data.offers);
    } catch (e) {
      setError(e);
    }
  };

  const families = [...new Map(offers.map((o) => [`${o.provider_name}|${o.name}`, o])).values()];
  return (
    <section className="card" data-testid="cost">
      <h2>Coût</h2>
      <div className="controls">
        <label>
          Offre
          <select value={offerId} onChange={(e) => setOfferId(e.target.value)}>
            <option value="">Celle du compteur</option>
            {families.map((o) => (
              <option key={o.id} value={o.id}>
                {o.provider_name} — {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={compute}>
          Calculer le coût
        </button>
        <button type="button" onClick={compare}>
          Comparer les offres
        </button>
      </div>
      <ErrorMessage error={error} />
      {cost ? <CostTable cost={cost} /> : null}
      {comparison ? <ComparisonTable rows={comparison} /> : null}
    </section>
  );
}

/** A month per row, a slot per column (kWh and euros), the subscription and the total; the totals last. */
function CostTable({ cost }: { cost: { groups: Cost[]; total: Total; offer: string } }) {
  const order = Object.keys(SLOT_LABELS);
  const slots = Object.keys(cost.total.energy_eur).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return (
    <>
      <p className="muted">{cost.offer}</p>
      <table data-testid="cost-table">
        <thead>
          <tr>
            <th>Mois</th>
            {slots.map((s) => (
              <th key={s}>{SLOT_LABELS[s] ?? s}</th>
            ))}
            <th>Abonnement</th>
            <th>Total</th>
          </tr>
        </thead>
        <tbody>
          {cost.groups.map((g) => (
            <tr key={g.period}>
              <td>{g.period}</td>
              {slots.map((s) => (
                <td key={s}>{g.energy_eur[s] ? `${kwhOf(g.energy_wh[s] ?? 0)} · ${euro(g.energy_eur[s]!)}` : '—'}</td>
              ))}
              <td>{euro(g.subscription_eur)}</td>
              <td>{euro(g.total_eur)}</td>
            </tr>
          ))}
          <tr className="total">
            <td>Total</td>
            {slots.map((s) => (
              <td key={s}>{`${kwhOf(cost.total.energy_wh[s] ?? 0)} · ${euro(cost.total.energy_eur[s]!)}`}</td>
            ))}
            <td>{euro(cost.total.subscription_eur)}</td>
            <td data-testid="cost-total">{euro(cost.total.total_eur)}</td>
          </tr>
        </tbody>
      </table>
      {cost.total.unpriced_days > 0 ? (
        <p className="muted">{cost.total.unpriced_days} jour(s) non chiffré(s) (pas d’offre, pas de courbe ou couleur inconnue).</p>
      ) : null}
    </>
  );
}

/** Every offer at the meter's power, cheapest first, with its difference to the current one. */
function ComparisonTable({ rows: comparison }: { rows: Comparison[] }) {
  return (
    <table data-testid="comparison">
      <thead>
        <tr>
          <th>Offre</th>
          <th>Total</th>
          <th>Écart</th>
        </tr>
      </thead>
      <tbody>
        {comparison.map((c) => (
          <tr key={c.offer.id}>
            <td>
              {c.offer.provider} — {c.offer.name}
            </td>
            <td>{euro(c.total.total_eur)}</td>
            <td>{c.difference_eur === null ? '—' : euro(c.difference_eur)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
