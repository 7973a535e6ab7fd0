import { issueClientToken, logIn, signUp } from './accounts.js';
import { deleteAccount, regenerateSecret } from './account.js';
import { changePassword, forgotPassword, resendVerification, resetPassword, verifyEmail } from './account-security.js';
import { administration } from './admin.js';
import { asVisitor, authenticate } from './authenticate.js';
import { ensureDemoAccount, warmDemoCache } from './demo-account.js';
import type { Dependencies, UseCaseContext } from './dependencies.js';
import { forgettingPdlRepo, forgettingUserRepo } from './forgetting-repos.js';
import { createMemos } from './memos.js';
import { StatTally } from './stat-tally.js';
import { completeConsent, startConsent } from './consent.js';
import { deletePdl, getPdl, listPdls, purgePdlCache, registerPdl, resyncPdl, updatePdl } from './meters.js';
import { usageStatus } from './quota.js';
import { readCustomerData } from './read-customer-data.js';
import { readMeterData } from './read-meter-data/index.js';
import { meterConsentStatus } from './meter-access.js';
import type { Pdl } from '../pdl.js';
import type { User } from '../user.js';

/**
 * The ports as the use cases hold them: users and meters decorated so that every write forgets the
 * memos, and the memos and the statistics tally made here, once per set of use cases.
 */
export function createUseCaseContext(deps: Dependencies): UseCaseContext {
  if ('memos' in deps && 'tally' in deps) return deps as UseCaseContext;
  const memos = createMemos(deps.clock, deps.settings.lookupMemoMs);
  return { ...deps, users: forgettingUserRepo(deps.users, memos), pdls: forgettingPdlRepo(deps.pdls, memos), memos, tally: new StatTally(deps) };
}

/** Every use case of the gateway, wired to one set of ports. Build it once: it holds the single-flight state, the memos and the tally. */
export function createUseCases(ports: Dependencies) {
  const deps = createUseCaseContext(ports);
  return {
    signUp: signUp(deps),
    logIn: logIn(deps),
    issueClientToken: issueClientToken(deps),
    authenticate: authenticate(deps),
    asVisitor: asVisitor(deps),
    usageStatus: usageStatus(deps),
    regenerateSecret: regenerateSecret(deps),
    deleteAccount: deleteAccount(deps),
    verifyEmail: verifyEmail(deps),
    resendVerification: resendVerification(deps),
    forgotPassword: forgotPassword(deps),
    resetPassword: resetPassword(deps),
    changePassword: changePassword(deps),
    admin: administration(deps),
    registerPdl: registerPdl(deps),
    listPdls: listPdls(deps),
    getPdl: getPdl(deps),
    updatePdl: updatePdl(deps),
    deletePdl: deletePdl(deps),
    resyncPdl: resyncPdl(deps),
    purgePdlCache: purgePdlCache(deps),
    readMeterData: readMeterData(deps),
    readCustomerData: readCustomerData(deps),
    startConsent: startConsent(deps),
    completeConsent: completeConsent(deps),
    ensureDemoAccount: ensureDemoAccount(deps),
    warmDemoCache: warmDemoCache(deps),
    consentStatusOf: (owner: User, pdl: Pdl) => meterConsentStatus(deps, owner, pdl),
  };
}

export type UseCases = ReturnType<typeof createUseCases>;
export type { Dependencies, GatewaySettings, UseCaseContext } from './dependencies.js';
