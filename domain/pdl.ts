import type { LocalDate } from './local-date.js';
import type { UsagePointId } from './usage-point-id.js';

/** How the household is billed: what the off-peak split and the euro figures are computed for. */
export type PricingOption = 'BASE' | 'HC_HP' | 'TEMPO' | 'EJP' | 'HC_WEEKEND';
export const PRICING_OPTIONS: readonly PricingOption[] = ['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND'];

/** How the last synchronisation of a meter's contract with the metering provider went. */
export interface PdlSync {
  readonly status: 'pending' | 'ok' | 'failed';
  readonly error: string | null;
  readonly syncedAt: Date | null;
}

/**
 * The consent this account completed for the meter (the consent callback with this account's own
 * state): none (`grantedAt` null) until then. A consent moves with the meter: completing one for a
 * usage point that another account holds takes it from that account.
 */
export interface PdlConsent {
  readonly grantedAt: Date | null;
  /** When Enedis' consent lapses (36 months from its grant); null for none recorded. */
  readonly expiresAt: Date | null;
}

export const NO_CONSENT: PdlConsent = { grantedAt: null, expiresAt: null };

/**
 * A registered meter (PDL). An account holds a usage point at most once; several accounts may have
 * registered the same one, but only the one whose consent is recorded reads it (see ADR 0004).
 */
export interface Pdl {
  readonly id: string;
  readonly usagePointId: UsagePointId;
  readonly userId: string;
  readonly name: string | null;
  readonly hasConsumption: boolean;
  readonly hasProduction: boolean;
  /** kVA */
  readonly subscribedPower: number | null;
  /** Off-peak ranges as `HH:MM-HH:MM`, local time. */
  readonly offpeakHours: readonly string[] | null;
  readonly activationDate: LocalDate | null;
  /** When injection started, for a meter that produces (2026 `generation_last_activation_date`). */
  readonly productionActivationDate: LocalDate | null;
  /** Set when the provider reports that older data does not exist, so later requests are clamped. */
  readonly oldestAvailableDataDate: LocalDate | null;
  readonly displayOrder: number | null;
  readonly isActive: boolean;
  /** Set by the household; null until then. */
  readonly pricingOption: PricingOption | null;
  /** The energy offer the household chose (an id of the offers catalogue), or null. */
  readonly selectedOfferId: string | null;
  /** Another meter of the same account, measuring production, shown with this one (self-consumption); null for none. */
  readonly linkedProductionPdlId: string | null;
  readonly sync: PdlSync;
  readonly consent: PdlConsent;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewPdl = Omit<Pdl, 'id' | 'createdAt' | 'updatedAt'>;

export type PdlPatch = Partial<
  Pick<
    Pdl,
    | 'name'
    | 'hasConsumption'
    | 'hasProduction'
    | 'subscribedPower'
    | 'offpeakHours'
    | 'activationDate'
    | 'productionActivationDate'
    | 'oldestAvailableDataDate'
    | 'displayOrder'
    | 'isActive'
    | 'pricingOption'
    | 'selectedOfferId'
    | 'linkedProductionPdlId'
    | 'sync'
  >
>;

/** A meter as registration creates it: directions and contract unknown until synchronised, no consent. */
export function newPdl(userId: string, usagePointId: UsagePointId, name: string | null, displayOrder: number | null = null): NewPdl {
  return {
    usagePointId,
    userId,
    name,
    hasConsumption: true,
    hasProduction: false,
    subscribedPower: null,
    offpeakHours: null,
    activationDate: null,
    productionActivationDate: null,
    oldestAvailableDataDate: null,
    displayOrder,
    isActive: true,
    pricingOption: null,
    selectedOfferId: null,
    linkedProductionPdlId: null,
    sync: { status: 'pending', error: null, syncedAt: null },
    consent: NO_CONSENT,
  };
}

/**
 * Off-peak hours from Enedis' free text, e.g. `HC (22H00-6H00;12h00-14h00)` gives
 * `["22:00-06:00", "12:00-14:00"]`; text with no readable range gives null.
 */
export function parseOffpeakHours(text: string | null | undefined): string[] | null {
  if (!text) return null;
  const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m.padStart(2, '0')}`;
  const ranges = [...text.matchAll(/(\d{1,2})\s*[hH:]\s*(\d{2})\s*-\s*(\d{1,2})\s*[hH:]\s*(\d{2})/g)].map(
    ([, h1, m1, h2, m2]) => `${pad(h1!, m1!)}-${pad(h2!, m2!)}`,
  );
  return ranges.length > 0 ? ranges : null;
}

/** `"9 kVA"` gives 9; anything unreadable gives null. */
export function parseSubscribedPower(text: string | null | undefined): number | null {
  const match = text ? /(\d+(?:[.,]\d+)?)\s*kVA/i.exec(text) : null;
  return match ? Math.round(Number(match[1]!.replace(',', '.'))) : null;
}
