import type { PdlConsent } from './pdl.js';

/**
 * What Enedis' consent redirect hands back, by API generation: v5 lists the usage points
 * (`usage_point_id`, several separated by `;`), the 2026 API gives an authorization to resolve.
 */
export type ConsentGrant = { readonly usagePointIds: readonly string[] } | { readonly authorizationId: string };

/** How long a consent `state` stays valid: the time a user takes on Enedis' consent page. */
export const CONSENT_STATE_TTL_SECONDS = 600;

/** The consent duration the gateway asks Enedis for (its maximum), in months. */
export const CONSENT_DURATION_MONTHS = 36;

/**
 * Where a meter stands for reading: `not_required` when its data does not come from Enedis (the
 * demo account, MockEnedis), else `granted` while the recorded consent runs, `expired` after, and
 * `pending` until this account completes one.
 */
export type ConsentStatus = 'not_required' | 'pending' | 'granted' | 'expired';

export function consentStatus(consent: PdlConsent, required: boolean, now: Date): ConsentStatus {
  if (!required) return 'not_required';
  if (consent.grantedAt === null) return 'pending';
  return consent.expiresAt !== null && consent.expiresAt.getTime() <= now.getTime() ? 'expired' : 'granted';
}

/** A consent granted now, running CONSENT_DURATION_MONTHS. */
export function grantedNow(now: Date): PdlConsent {
  const expiresAt = new Date(now);
  expiresAt.setUTCMonth(expiresAt.getUTCMonth() + CONSENT_DURATION_MONTHS);
  return { grantedAt: now, expiresAt };
}
