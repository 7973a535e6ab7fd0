import type { UseCases } from '../../../domain/use-cases/index.js';
import { consentErrorCode, consentFailureUrl, unwrap } from '../error-mapping.js';
import { principalOf, queryOf, type TagRouter } from '../operations.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** What the consent link is for, as the upstream web app shows it beside the link. */
const CONSENT_DESCRIPTION = 'Ouvrez ce lien pour autoriser la passerelle à lire les données de vos compteurs chez Enedis (36 mois, révocable).';

export function consentRouter(useCases: UseCases, frontendUrl: string): TagRouter {
  return {
    tag: 'Consent',
    handlers: {
      startConsent: async (_req, res) => {
        const start = unwrap(await useCases.startConsent(principalOf(res)));
        res.set('Cache-Control', 'no-store');
        res.json({
          success: true,
          data: { authorize_url: start.url, state: start.state, expires_in: start.expiresInSeconds, description: CONSENT_DESCRIPTION },
        });
      },
      completeConsent: async (req, res) => {
        const query = queryOf(req, 'completeConsent');
        const outcome = await useCases.completeConsent({
          state: query.state,
          usagePointIds: text(query.usage_point_id),
          authorizationId: text(query.autorisation_id),
          error: text(query.error),
          errorDescription: text(query.error_description),
        });
        if (!outcome.ok) {
          res.redirect(302, consentFailureUrl(frontendUrl, consentErrorCode(outcome.error)));
          return;
        }
        const { created, existing, refused } = outcome.value;
        const target = new URL(`${frontendUrl}/dashboard`);
        target.searchParams.set('consent_success', 'true');
        target.searchParams.set('pdl_count', String(created.length + existing.length));
        target.searchParams.set('created_count', String(created.length));
        if (refused.length > 0) target.searchParams.set('pdl_limit_reached', refused.join(';'));
        res.redirect(302, target.toString());
      },
    },
  };
}
