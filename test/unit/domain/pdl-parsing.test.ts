import { describe, expect, it } from 'vitest';
import { parseOffpeakHours, parseSubscribedPower } from '../../../domain/pdl.js';
import { parseUsagePointId } from '../../../domain/usage-point-id.js';
import { checkPasswordPolicy, parseEmail } from '../../../domain/user.js';

describe('meter and account parsers', () => {
  it('when off-peak text has several ranges in mixed case, then each becomes HH:MM-HH:MM', () => {
    expect(parseOffpeakHours('HC (22H00-6H00;12h00-14h00)')).toEqual(['22:00-06:00', '12:00-14:00']);
    expect(parseOffpeakHours('HC (1H30-8H00)')).toEqual(['01:30-08:00']);
    expect(parseOffpeakHours('Base')).toBeNull();
    expect(parseOffpeakHours(null)).toBeNull();
  });

  it('when subscribed power reads "9 kVA", then it is 9', () => {
    expect(parseSubscribedPower('9 kVA')).toBe(9);
    expect(parseSubscribedPower('12kVA')).toBe(12);
    expect(parseSubscribedPower('unknown')).toBeNull();
  });

  it.each(['1234567890123', '123456789012345', '1234567890123a', '', 12345678901234])('when a usage point id is %j, then it is refused', (raw) => {
    expect(parseUsagePointId(raw).ok).toBe(false);
  });

  it('when an email has capitals and spaces, then its canonical form is trimmed lower case', () => {
    expect(parseEmail('  Jeanne@Example.ORG ')).toEqual({ ok: true, value: 'jeanne@example.org' });
    expect(parseEmail('not-an-email').ok).toBe(false);
  });

  it('when a password lacks a class of character, then the message says which', () => {
    const weak = checkPasswordPolicy('alllowercase1');
    expect(weak.ok).toBe(false);
    if (!weak.ok) expect(weak.error.message).toContain('an upper-case letter');
    expect(checkPasswordPolicy('Short1').ok).toBe(false);
    expect(checkPasswordPolicy('Correct-Horse9').ok).toBe(true);
    expect(checkPasswordPolicy(`Aa1${'x'.repeat(70)}`).ok).toBe(false);
  });
});
