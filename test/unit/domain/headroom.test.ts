import { describe, expect, it } from 'vitest';
import { headroomOf } from '../../../domain/headroom.js';

describe('max-power headroom', () => {
  it('when peaks are compared with 6 kVA, then only those above 6000 VA count as over, and the highest is its share', () => {
    const readings = [
      { date: '2026-01-05T19:30:00+01:00', value: 6000, quality: 'BRUT' },
      { date: '2026-01-06T08:00:00+01:00', value: 6420, quality: 'BRUT' },
      { date: '2026-01-07T20:10:00+01:00', value: 7100, quality: 'BRUT' },
    ];
    expect(headroomOf(readings, 6)).toEqual({
      subscribedPowerKva: 6,
      over: [
        { date: '2026-01-06', at: '2026-01-06T08:00:00+01:00', value: 6420 },
        { date: '2026-01-07', at: '2026-01-07T20:10:00+01:00', value: 7100 },
      ],
      highest: { at: '2026-01-07T20:10:00+01:00', value: 7100, share: 1.183 },
    });
    expect(headroomOf([], 6)).toEqual({ subscribedPowerKva: 6, over: [], highest: null });
  });
});
