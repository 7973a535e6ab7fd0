import { invalidInput, type InvalidInput } from './errors.js';
import { parseOffpeakHours, PRICING_OPTIONS, type PdlPatch, type PricingOption } from './pdl.js';
import { err, ok, type Result } from './result.js';

/** What a household may set on a meter besides its name, order and state (the upstream clients' fields). */
export interface MeterSettingsInput {
  readonly hasConsumption?: unknown;
  readonly hasProduction?: unknown;
  readonly subscribedPower?: unknown;
  readonly offpeakHours?: unknown;
  readonly pricingOption?: unknown;
  readonly selectedOfferId?: unknown;
}

type Settings = Pick<PdlPatch, 'hasConsumption' | 'hasProduction' | 'subscribedPower' | 'offpeakHours' | 'pricingOption' | 'selectedOfferId'>;

/** The highest subscribed power of a household meter (C5), in kVA. */
const MAX_KVA = 36;
const RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** Off-peak hours as a list of `HH:MM-HH:MM`, or as upstream also sends them: an object of such values, or Enedis' text. */
function parseOffpeakInput(raw: unknown): Result<string[] | null, InvalidInput> {
  const wrong = () =>
    err(invalidInput('offpeak_hours', 'offpeak_hours is a list of HH:MM-HH:MM ranges (at most 10), Enedis\' text such as "HC (22H00-6H00)", or null'));
  if (raw === null) return ok(null);
  const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : typeof raw === 'object' ? Object.values(raw as Record<string, unknown>) : null;
  if (values === null || values.length > 10) return wrong();
  const ranges: string[] = [];
  for (const value of values) {
    const parsed = typeof value === 'string' ? (RANGE.test(value) ? [value] : parseOffpeakHours(value)) : null;
    if (parsed === null || !parsed.every((range) => RANGE.test(range))) return wrong();
    ranges.push(...parsed);
  }
  return ok(ranges.length === 0 ? null : [...new Set(ranges)]);
}

/**
 * The settings given, checked: directions (at least one), subscribed power (whole kVA, 1 to 36),
 * off-peak hours, pricing option, selected offer (an id of at most 100 characters). Each field is
 * optional; null clears it.
 */
export function parseMeterSettings(input: MeterSettingsInput, current: { hasConsumption: boolean; hasProduction: boolean }): Result<Settings, InvalidInput> {
  const patch: { -readonly [K in keyof Settings]: Settings[K] } = {};
  for (const [field, value, key] of [
    ['has_consumption', input.hasConsumption, 'hasConsumption'],
    ['has_production', input.hasProduction, 'hasProduction'],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return err(invalidInput(field, `${field} is a boolean`));
    patch[key] = value;
  }
  if (!(patch.hasConsumption ?? current.hasConsumption) && !(patch.hasProduction ?? current.hasProduction)) {
    return err(invalidInput('has_consumption', 'a meter measures consumption, production or both'));
  }
  if (input.subscribedPower !== undefined) {
    const kva = input.subscribedPower;
    if (kva !== null && (!Number.isInteger(kva) || (kva as number) < 1 || (kva as number) > MAX_KVA)) {
      return err(invalidInput('subscribed_power', `subscribed_power is a whole number of kVA from 1 to ${MAX_KVA}, or null`));
    }
    patch.subscribedPower = kva as number | null;
  }
  if (input.offpeakHours !== undefined) {
    const hours = parseOffpeakInput(input.offpeakHours);
    if (!hours.ok) return hours;
    patch.offpeakHours = hours.value;
  }
  if (input.pricingOption !== undefined) {
    if (input.pricingOption !== null && !PRICING_OPTIONS.includes(input.pricingOption as PricingOption)) {
      return err(invalidInput('pricing_option', `pricing_option is one of ${PRICING_OPTIONS.join(', ')}, or null`));
    }
    patch.pricingOption = input.pricingOption as PricingOption | null;
  }
  if (input.selectedOfferId !== undefined) {
    const id = input.selectedOfferId;
    if (id !== null && (typeof id !== 'string' || !/^[\w.:-]{1,100}$/.test(id))) {
      return err(invalidInput('selected_offer_id', 'selected_offer_id is an offer id (letters, digits, . _ : -, at most 100) or null'));
    }
    patch.selectedOfferId = id as string | null;
  }
  return ok(patch);
}
