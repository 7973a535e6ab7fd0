import type { LocalDate } from '../../domain/local-date.js';

/** How a simulated meter behaves. Every meter has one, derived from its usage point id. */
export interface MeterProfile {
  readonly consumes: boolean;
  readonly produces: boolean;
  /** kVA */
  readonly subscribedPower: number;
  /** Typical daily consumption in Wh before seasonal swing and noise. */
  readonly baseDailyWh: number;
  /** Peak summer production in Wh per day. */
  readonly peakSolarWh: number;
  readonly activationDate: LocalDate;
  /** When injection started, for a meter that produces; the consumption activation date if unset. */
  readonly productionActivationDate?: LocalDate;
  /** The activation date the contract states when it is not the true one (as Enedis' sometimes is). */
  readonly contractActivationDate?: LocalDate;
  readonly offpeakHours: string | null;
  readonly loadCurveEnabled: boolean;
  /** Weekdays (0 = Sunday) the meter never reports. */
  readonly holeWeekdays: readonly number[];
  readonly consentRevoked: boolean;
}

const DEFAULT: MeterProfile = {
  consumes: true,
  produces: false,
  subscribedPower: 6,
  baseDailyWh: 19_000,
  peakSolarWh: 20_000,
  activationDate: '2015-03-02' as LocalDate,
  offpeakHours: 'HC (22H00-6H00)',
  loadCurveEnabled: true,
  holeWeekdays: [],
  consentRevoked: false,
};

/**
 * The demo meters (DESIGN §8) and Enedis' published sandbox meters (reference §1.7), so that the
 * behaviours a client meets in the sandbox can be met here too.
 */
const KNOWN: Readonly<Record<string, Partial<MeterProfile>>> = {
  '12345678901234': { produces: true, subscribedPower: 9, offpeakHours: 'HC (22H00-6H00;12H00-14H00)', productionActivationDate: '2021-06-15' as LocalDate },
  '98765432109876': { subscribedPower: 6, offpeakHours: null },
  '22516914714270': {},
  '11453290002823': { activationDate: '2019-08-27' as LocalDate },
  '32320647321714': { loadCurveEnabled: false },
  '10284856584123': { consumes: false, produces: true },
  '42900589957123': { holeWeekdays: [2, 3] },
  '24880057139941': { consumes: false, produces: true },
  '12655648759651': { produces: true },
  '26584978546985': { consentRevoked: true },
  // Not Enedis' sandbox: meters whose contract misstates when their data starts.
  '11453290002831': { activationDate: '2025-08-27' as LocalDate, contractActivationDate: '2025-09-02' as LocalDate },
  '11453290002849': { activationDate: '2025-08-27' as LocalDate, contractActivationDate: '2025-08-12' as LocalDate },
};

/** FNV-1a, 32 bits: a stable seed from text. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function meterProfile(usagePointId: string): MeterProfile {
  const known = KNOWN[usagePointId];
  if (known) return { ...DEFAULT, ...known };
  const h = stableHash(usagePointId);
  const power = [3, 6, 6, 9, 9, 12][h % 6]!;
  return {
    ...DEFAULT,
    produces: h % 5 === 0,
    subscribedPower: power,
    baseDailyWh: 6_000 + power * 1_500 + (h % 4_000),
    activationDate: new Date(Date.UTC(2012, 0, 1 + (h % 2_900))).toISOString().slice(0, 10) as LocalDate,
    offpeakHours: h % 3 === 0 ? null : 'HC (23H00-7H00)',
  };
}
