import { CONSENT_STATE_TTL_SECONDS, type ConsentGrant } from '../consent.js';
import type { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { UsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { providerFor, syncPdl } from './sync-pdl.js';

export interface ConsentStart {
  readonly url: string;
  readonly state: string;
  readonly expiresInSeconds: number;
}

export interface ConsentOutcome {
  readonly userId: string;
  readonly created: UsagePointId[];
  /** Already on this account: nothing to do. */
  readonly existing: UsagePointId[];
  /** Held by another account: not added. */
  readonly conflicts: UsagePointId[];
}

/** What the consent redirect carries back, as received. */
export interface ConsentReturn {
  readonly state: string;
  readonly usagePointIds?: string;
  readonly authorizationId?: string;
  readonly error?: string;
  readonly errorDescription?: string;
}

/** A consent `state` bound to the account, single-use, valid ten minutes, and the provider's page to go to. */
export const startConsent =
  (deps: Dependencies) =>
  async (principal: Principal): Promise<Result<ConsentStart, DomainError>> => {
    if (principal.user.isDemo) return err({ kind: 'DemoReadOnly' });
    const state = deps.keyring.newOneTimeToken();
    const expiresAt = new Date(deps.clock.now().getTime() + CONSENT_STATE_TTL_SECONDS * 1000);
    await deps.oneTimeTokens.save({ purpose: 'consent', tokenHash: deps.keyring.oneTimeTokenHash(state), userId: principal.user.id, expiresAt });
    return ok({ url: providerFor(deps, principal.user).consentUrl(state), state, expiresInSeconds: CONSENT_STATE_TTL_SECONDS });
  };

/**
 * Ends a consent: the state must be live (and is used up), then the meters granted are registered
 * on the account that asked and synchronised; meters held by another account are reported, not taken.
 */
export const completeConsent = (deps: Dependencies) => {
  const sync = syncPdl(deps);
  return async (input: ConsentReturn): Promise<Result<ConsentOutcome, DomainError>> => {
    const userId = await deps.oneTimeTokens.take('consent', deps.keyring.oneTimeTokenHash(input.state), deps.clock.now());
    const user = userId ? await deps.users.findById(userId) : null;
    if (!user) return err({ kind: 'ConsentStateInvalid' });
    if (input.error) return err({ kind: 'ConsentDenied', message: input.errorDescription ?? input.error });
    const grant: ConsentGrant = input.authorizationId
      ? { authorizationId: input.authorizationId }
      : { usagePointIds: (input.usagePointIds ?? '').split(/[;,]/).filter((id) => id.trim() !== '') };
    const granted = await providerFor(deps, user).resolveConsent(grant);
    if (!granted.ok) return granted;
    const outcome: ConsentOutcome = { userId: user.id, created: [], existing: [], conflicts: [] };
    for (const usagePointId of granted.value) {
      const created = await deps.pdls.create({
        usagePointId,
        userId: user.id,
        name: null,
        hasConsumption: true,
        hasProduction: false,
        subscribedPower: null,
        offpeakHours: null,
        activationDate: null,
        oldestAvailableDataDate: null,
        displayOrder: null,
        isActive: true,
        sync: { status: 'pending', error: null, syncedAt: null },
      });
      if (created.ok) {
        await sync(user, created.value);
        outcome.created.push(usagePointId);
        continue;
      }
      const holder = await deps.pdls.findByUsagePointId(usagePointId);
      (holder?.userId === user.id ? outcome.existing : outcome.conflicts).push(usagePointId);
    }
    return ok(outcome);
  };
};
