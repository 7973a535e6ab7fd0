import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { CUSTOMER_DATA_KINDS } from '../../domain/customer-data.js';
import { addDays, addMonths, type LocalDate } from '../../domain/local-date.js';
import { KIND_SPECS, type MeteringKind } from '../../domain/metering.js';
import { parisDate } from '../../domain/paris-time.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';

export interface ProviderHarness {
  readonly provider: MeteringProvider;
  close(): Promise<void>;
}

const id = (value: string) => value as UsagePointId;
const MAIN = id('12345678901234');
const APARTMENT = id('98765432109876');

/**
 * The MeteringProvider contract: whatever stands behind the port, the same meter and days give the
 * same domain answers, and the same refusals come as the same failure kinds. The reference is
 * MockEnedis; the Enedis HTTP adapter on the emulator (which serves MockEnedis' data in Enedis'
 * wire formats) must agree with it in both API generations.
 */
export function meteringProviderContract(adapter: string, factory: () => Promise<ProviderHarness>) {
  describe(`MeteringProvider contract: ${adapter}`, () => {
    let harness: ProviderHarness;
    const reference = new MockEnedisProvider({ now: () => new Date() });
    const today = parisDate(new Date());
    const recent = { start: addDays(today, -4), end: addDays(today, -1) };
    beforeAll(async () => {
      harness = await factory();
    });
    afterAll(() => harness?.close());

    it.each(Object.keys(KIND_SPECS) as MeteringKind[])(
      "when %s is read for a meter that draws and produces, then the readings are the reference's",
      async (kind) => {
        const [got, want] = await Promise.all([harness.provider.readings(kind, MAIN, recent), reference.readings(kind, MAIN, recent)]);
        expect(want.ok && want.value.length).toBeGreaterThan(0);
        expect(got).toEqual(want);
      },
    );

    it.each(CUSTOMER_DATA_KINDS)("when the %s is read, then it is the reference's", async (kind) => {
      const [got, want] = await Promise.all([harness.provider.customerData(kind, MAIN), reference.customerData(kind, MAIN)]);
      expect(want.ok).toBe(true);
      expect(got).toEqual(want);
    });

    it.each([
      ['production of a meter that only draws', 'production:daily', APARTMENT, recent, 'WrongDirection'],
      ['a meter whose consent was revoked', 'consumption:daily', id('26584978546985'), recent, 'NoConsent'],
      ['the load curve of a meter that does not record one', 'consumption:detail', id('32320647321714'), recent, 'NoData'],
      ['days older than Enedis keeps', 'consumption:daily', MAIN, { start: addMonths(today, -40), end: addMonths(today, -39) }, 'BeyondHistory'],
    ] as const)('when asked for %s, then the failure is %s', async (_case, kind, usagePointId, range, failure) => {
      const answer = await harness.provider.readings(kind, usagePointId, range);
      expect(answer.ok ? 'served' : answer.error.kind).toBe(failure);
    });

    it("when a range starts before the meter's activation, then the failure is BeforeActivation naming the first day with data", async () => {
      const answer = await harness.provider.readings('consumption:daily', id('11453290002849'), {
        start: '2025-08-01' as LocalDate,
        end: '2025-10-01' as LocalDate,
      });
      expect(answer.ok ? answer : answer.error).toMatchObject({ kind: 'BeforeActivation', oldestAvailable: '2025-08-27' });
    });

    it("when customer data of a meter that only produces is asked, then the failure is NoData, as in Enedis' sandbox", async () => {
      const answer = await harness.provider.customerData('contract', id('10284856584123'));
      expect(answer.ok ? 'served' : answer.error.kind).toBe('NoData');
    });
  });
}
