/**
 * What Enedis' consent redirect hands back, by API generation: v5 lists the usage points
 * (`usage_point_id`, several separated by `;`), the 2026 API gives an authorization to resolve.
 */
export type ConsentGrant = { readonly usagePointIds: readonly string[] } | { readonly authorizationId: string };

/** How long a consent `state` stays valid: the time a user takes on Enedis' consent page. */
export const CONSENT_STATE_TTL_SECONDS = 600;
