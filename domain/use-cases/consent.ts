import { CONSENT_STATE_TTL_SECONDS, grantedNow, type ConsentGrant } from '../consent.js';
import { newPdl, type Pdl } from '../pdl.js';
import type { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { UsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { writersOnly } from './writers-only.js';
import { providerFor, syncPdl } from './sync-pdl.js';

export interface ConsentStart {
  readonly url: string;
  readonly state: string;
  readonly expiresInSeconds: number;
}

export interface ConsentOutcome {
  readonly userId: string;
  /** Registered by this consent. */
  readonly created: UsagePointId[];
  /** Already registered by this account (waiting for this consent, or renewing one). */
  readonly existing: UsagePointId[];
  /** Not registered: the account holds as many meters as it may. */
  readonly refused: UsagePointId[];
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
export const startConsent = (deps: Dependencies) =>
  writersOnly(async (principal: Principal): Promise<Result<ConsentStart, DomainError>> => {
    const state = deps.keyring.newOneTimeToken();
    const expiresAt = new Date(deps.clock.now().getTime() + CONSENT_STATE_TTL_SECONDS * 1000);
    await deps.oneTimeTokens.save({ purpose: 'consent', tokenHash: deps.keyring.oneTimeTokenHash(state), userId: principal.user.id, expiresAt });
    return ok({ url: providerFor(deps, principal.user).consentUrl(state), state, expiresInSeconds: CONSENT_STATE_TTL_SECONDS });
  });

/**
 * Ends a consent: the state must be live (and is used up), then each meter the provider says was
 * granted is registered on the account that started the consent (if it was not), the consent is
 * recorded on it, and it is synchronised. A consent is the holder's word: recording it takes the
 * meter's consent from any other account that had one, and that account's cached data of it goes.
 */
export const completeConsent = (deps: Dependencies) => {
  const sync = syncPdl(deps);
  const record = recordConsent(deps);
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
    const outcome: ConsentOutcome = { userId: user.id, created: [], existing: [], refused: [] };
    let held = (await deps.pdls.listByOwner(user.id)).length;
    for (const usagePointId of granted.value) {
      let pdl = await deps.pdls.findForOwner(user.id, usagePointId);
      const isNew = pdl === null;
      if (!pdl) {
        if (held >= deps.settings.maxPdlsPerUser) {
          outcome.refused.push(usagePointId);
          continue;
        }
        const created = await deps.pdls.create(newPdl(user.id, usagePointId, null));
        pdl = created.ok ? created.value : await deps.pdls.findForOwner(user.id, usagePointId);
        if (!pdl) continue;
        held++;
      }
      const consented = await record(pdl);
      if (consented) await sync(user, consented);
      (isNew ? outcome.created : outcome.existing).push(usagePointId);
    }
    return ok(outcome);
  };
};

/** Records a consent on the meter; the usage point's cache is emptied when another account's consent was taken. */
const recordConsent = (deps: Dependencies) => async (pdl: Pdl) => {
  const transfer = await deps.pdls.grantConsent(pdl.id, grantedNow(deps.clock.now()));
  if (transfer && transfer.displaced.length > 0) await deps.days.forgetUsagePoint(pdl.usagePointId);
  return transfer?.pdl ?? null;
};
