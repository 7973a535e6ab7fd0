import { describe, expect, it } from 'vitest';
import { parseMeterSettings } from '../../../domain/meter-settings.js';

const both = { hasConsumption: true, hasProduction: false };

describe('meter settings a household sets', () => {
  it('when every field is given well, then the patch holds them; absent fields stay out of it', () => {
    const parsed = parseMeterSettings(
      { hasProduction: true, subscribedPower: 9, offpeakHours: ['22:00-06:00', '12:00-14:00'], pricingOption: 'HC_HP', selectedOfferId: 'edf-hc:9' },
      both,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { hasProduction: true, subscribedPower: 9, offpeakHours: ['22:00-06:00', '12:00-14:00'], pricingOption: 'HC_HP', selectedOfferId: 'edf-hc:9' },
    });
    expect(parseMeterSettings({}, both)).toEqual({ ok: true, value: {} });
  });

  it('when off-peak hours come as upstream sends them (an object, Enedis text), then they become ranges', () => {
    const fromObject = parseMeterSettings({ offpeakHours: { monday: '22:00-06:00', tuesday: '22:00-06:00' } }, both);
    expect(fromObject.ok && fromObject.value.offpeakHours).toEqual(['22:00-06:00']);
    const fromText = parseMeterSettings({ offpeakHours: 'HC (23H30-7H30;12H00-14H00)' }, both);
    expect(fromText.ok && fromText.value.offpeakHours).toEqual(['23:30-07:30', '12:00-14:00']);
    const cleared = parseMeterSettings({ offpeakHours: null, pricingOption: null, selectedOfferId: null, subscribedPower: null }, both);
    expect(cleared).toEqual({ ok: true, value: { offpeakHours: null, pricingOption: null, selectedOfferId: null, subscribedPower: null } });
  });

  it.each([
    [{ pricingOption: 'CHEAP' }, 'pricing_option'],
    [{ subscribedPower: 0 }, 'subscribed_power'],
    [{ subscribedPower: 37 }, 'subscribed_power'],
    [{ subscribedPower: 6.5 }, 'subscribed_power'],
    [{ offpeakHours: ['25:00-06:00'] }, 'offpeak_hours'],
    [{ offpeakHours: 'whenever' }, 'offpeak_hours'],
    [{ offpeakHours: 42 }, 'offpeak_hours'],
    [{ selectedOfferId: 'no spaces allowed' }, 'selected_offer_id'],
    [{ hasProduction: 'yes' }, 'has_production'],
    [{ hasConsumption: false }, 'has_consumption'],
  ])('when %o is given, then %s is named as wrong', (input, field) => {
    const parsed = parseMeterSettings(input, both);
    expect(parsed.ok ? null : parsed.error.field).toBe(field);
  });

  it('when the directions are switched, then one at least must stay', () => {
    expect(parseMeterSettings({ hasConsumption: false, hasProduction: true }, both).ok).toBe(true);
    expect(parseMeterSettings({ hasConsumption: false }, { hasConsumption: true, hasProduction: true }).ok).toBe(true);
  });
});
