import { formatCents } from '../../domain/money.js';
import type { Offer, PriceSlot } from '../../domain/offers.js';
import { apportion, groupTotal, unitsToCents, type CostGroup } from '../../domain/pricing.js';
import type { PricedOffer } from '../../domain/use-cases/consumption-cost.js';

const wh = (wmin: bigint) => Math.round(Number(wmin) / 6) / 10;
const euros = (cents: bigint) => formatCents(Number(cents));

export const offerRef = (o: Offer) => ({ id: o.id, provider: o.provider, name: o.name, offer_type: o.offerType, power_kva: o.powerKva });

/**
 * An offer's pricing as served: each group's lines in whole cents, apportioned so that a group's
 * lines add up to its total and the groups to the grand total (itself the exact sum, rounded once).
 */
export function pricedToWire({ offer, groups }: PricedOffer) {
  const grand = unitsToCents(groups.reduce((sum, g) => sum + groupTotal(g), 0n));
  const groupCents = apportion(groups.map(groupTotal), grand);
  const slotTotals = new Map<PriceSlot, { wmin: bigint; cents: bigint }>();
  let subscriptionCents = 0n;
  let unpricedDays = 0;
  const rows = groups.map((g: CostGroup, i) => {
    const slots = [...g.energy.keys()];
    const cents = apportion([...slots.map((s) => g.energy.get(s)!), g.subscription], groupCents[i]!);
    slots.forEach((slot, j) => {
      const total = slotTotals.get(slot) ?? { wmin: 0n, cents: 0n };
      slotTotals.set(slot, { wmin: total.wmin + g.wmin.get(slot)!, cents: total.cents + cents[j]! });
    });
    subscriptionCents += cents.at(-1)!;
    unpricedDays += new Set(g.unpriced.map((u) => u.date)).size;
    return {
      period: g.period,
      energy_wh: Object.fromEntries(slots.map((s) => [s, wh(g.wmin.get(s)!)])),
      energy_eur: Object.fromEntries(slots.map((s, j) => [s, euros(cents[j]!)])),
      subscription_eur: euros(cents.at(-1)!),
      total_eur: euros(groupCents[i]!),
      unpriced: g.unpriced.map((u) => ({ date: u.date, reason: u.reason, energy_wh: wh(u.wmin) })),
    };
  });
  const total = {
    energy_wh: Object.fromEntries([...slotTotals].map(([s, t]) => [s, wh(t.wmin)])),
    energy_eur: Object.fromEntries([...slotTotals].map(([s, t]) => [s, euros(t.cents)])),
    subscription_eur: euros(subscriptionCents),
    total_eur: euros(grand),
    unpriced_days: unpricedDays,
  };
  return { offer: offerRef(offer), groups: rows, total, grandCents: grand };
}
