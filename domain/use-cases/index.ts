import { issueClientToken, logIn, signUp } from './accounts.js';
import { deleteAccount, regenerateSecret } from './account.js';
import { changePassword, forgotPassword, resendVerification, resetPassword, verifyEmail } from './account-security.js';
import { administration } from './admin.js';
import { asVisitor, authenticate } from './authenticate.js';
import { ensureDemoAccount, warmDemoCache } from './demo-account.js';
import type { Dependencies } from './dependencies.js';
import { completeConsent, startConsent } from './consent.js';
import { deletePdl, getPdl, listPdls, purgePdlCache, registerPdl, resyncPdl } from './meters.js';
import { reorderPdls, updatePdl } from './meter-update.js';
import { tempoCalendar } from './tempo-calendar.js';
import { ecowattForecast, ecowattHistory } from './ecowatt-signals.js';
import { nationalConsumption } from './national-consumption.js';
import { generationForecast } from './generation-forecast.js';
import { tempoForecast, tempoSeason } from './tempo-outlook.js';
import { offerCatalogue } from './offers.js';
import { consumptionCost } from './consumption-cost.js';
import { readSelfConsumption } from './self-consumption.js';
import { readStatistics } from './statistics.js';
import { usageStatus } from './quota.js';
import { readCustomerData } from './read-customer-data.js';
import { readMeterData } from './read-meter-data/index.js';
import { meterConsentStatus } from './meter-access.js';
import type { Pdl } from '../pdl.js';
import type { User } from '../user.js';

/** Every use case of the gateway, wired to one set of ports. Build it once: it holds the single-flight state. */
export function createUseCases(deps: Dependencies) {
  const meterData = readMeterData(deps);
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
    reorderPdls: reorderPdls(deps),
    tempoCalendar: tempoCalendar(deps),
    tempoSeason: tempoSeason(deps),
    tempoForecast: tempoForecast(deps),
    generationForecast: generationForecast(deps),
    offerCatalogue: offerCatalogue(deps),
    consumptionCost: consumptionCost(deps, meterData),
    readSelfConsumption: readSelfConsumption(deps, meterData),
    readStatistics: readStatistics(deps, meterData),
    ecowattForecast: ecowattForecast(deps),
    ecowattHistory: ecowattHistory(deps),
    nationalConsumption: nationalConsumption(deps),
    deletePdl: deletePdl(deps),
    resyncPdl: resyncPdl(deps),
    purgePdlCache: purgePdlCache(deps),
    readMeterData: meterData,
    readCustomerData: readCustomerData(deps),
    startConsent: startConsent(deps),
    completeConsent: completeConsent(deps),
    ensureDemoAccount: ensureDemoAccount(deps),
    warmDemoCache: warmDemoCache(deps),
    consentStatusOf: (owner: User, pdl: Pdl) => meterConsentStatus(deps, owner, pdl),
  };
}

export type UseCases = ReturnType<typeof createUseCases>;
export type { Dependencies, GatewaySettings } from './dependencies.js';
