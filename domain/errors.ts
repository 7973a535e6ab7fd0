import type { LocalDate } from './local-date.js';

/**
 * Expected business failures, keyed by `kind`. Names are domain words; the mapping to HTTP lives in
 * host/http/error-mapping.ts, which fails to compile until every kind here is mapped.
 */
export type InvalidInput = { kind: 'InvalidInput'; field: string; message: string };
export type EmailTaken = { kind: 'EmailTaken' };
export type WeakPassword = { kind: 'WeakPassword'; field: string; message: string };
export type InvalidCredentials = { kind: 'InvalidCredentials' };
export type InvalidClient = { kind: 'InvalidClient' };
export type AccountInactive = { kind: 'AccountInactive' };
export type EmailNotVerified = { kind: 'EmailNotVerified' };
export type BearerRefused = { kind: 'BearerRefused'; reason: 'missing' | 'invalid' | 'expired' | 'revoked' };
export type DemoReadOnly = { kind: 'DemoReadOnly' };
export type PdlNotFound = { kind: 'PdlNotFound' };
export type PdlAlreadyRegistered = { kind: 'PdlAlreadyRegistered' };
export type PdlInactive = { kind: 'PdlInactive' };
/** The meter is registered but its data waits for this account's consent (or its renewal). */
export type ConsentPending = { kind: 'ConsentPending'; status: 'pending' | 'expired' };
export type PdlLimitReached = { kind: 'PdlLimitReached'; limit: number };
export type ConsentStateInvalid = { kind: 'ConsentStateInvalid' };
export type ConsentDenied = { kind: 'ConsentDenied'; message: string };
export type LoginThrottled = { kind: 'LoginThrottled'; retryAfterSeconds: number };
export type SignUpThrottled = { kind: 'SignUpThrottled'; retryAfterSeconds: number };
export type PermissionMissing = { kind: 'PermissionMissing'; permission: string };
export type CaptchaRequired = { kind: 'CaptchaRequired' };
export type CaptchaFailed = { kind: 'CaptchaFailed' };
export type CaptchaUnavailable = { kind: 'CaptchaUnavailable' };
export type OneTimeTokenInvalid = { kind: 'OneTimeTokenInvalid' };
export type SelfModification = { kind: 'SelfModification' };
export type UserNotFound = { kind: 'UserNotFound' };
export type OfferNotFound = { kind: 'OfferNotFound' };
/** Another offer of the catalogue has that provider, name, type, power and first day. */
export type OfferExists = { kind: 'OfferExists' };
export type QuotaExceeded = {
  kind: 'QuotaExceeded';
  bucket: 'cached' | 'uncached';
  limit: number;
  resetAt: Date;
};

/** What a metering provider can answer instead of data (Enedis error table, reference §1.6). */
export type NoConsent = { kind: 'NoConsent'; message: string };
export type NotHolder = { kind: 'NotHolder'; message: string };
export type WrongDirection = { kind: 'WrongDirection'; message: string };
export type BeforeActivation = { kind: 'BeforeActivation'; message: string; oldestAvailable?: LocalDate };
export type BeyondHistory = { kind: 'BeyondHistory'; message: string };
export type NoData = { kind: 'NoData'; message: string };
export type UpstreamThrottled = { kind: 'UpstreamThrottled'; message: string; retryAfterSeconds: number };
export type UpstreamUnavailable = { kind: 'UpstreamUnavailable'; message: string };
export type BadUpstreamData = { kind: 'BadUpstreamData'; message: string };
/** The gateway's own Enedis application may not call that API (not subscribed on DataHub): the operator's to fix. */
export type ApiNotSubscribed = { kind: 'ApiNotSubscribed'; api: string; message: string };

export type ProviderFailure =
  | NoConsent
  | NotHolder
  | WrongDirection
  | BeforeActivation
  | BeyondHistory
  | NoData
  | UpstreamThrottled
  | UpstreamUnavailable
  | BadUpstreamData
  | ApiNotSubscribed;

export type DomainError =
  | InvalidInput
  | EmailTaken
  | WeakPassword
  | InvalidCredentials
  | InvalidClient
  | AccountInactive
  | EmailNotVerified
  | BearerRefused
  | DemoReadOnly
  | PdlNotFound
  | PdlAlreadyRegistered
  | PdlInactive
  | ConsentPending
  | PdlLimitReached
  | QuotaExceeded
  | ConsentStateInvalid
  | ConsentDenied
  | LoginThrottled
  | SignUpThrottled
  | PermissionMissing
  | CaptchaRequired
  | CaptchaFailed
  | CaptchaUnavailable
  | OneTimeTokenInvalid
  | SelfModification
  | UserNotFound
  | OfferNotFound
  | OfferExists
  | ProviderFailure;

export type DomainErrorKind = DomainError['kind'];

export const invalidInput = (field: string, message: string): InvalidInput => ({ kind: 'InvalidInput', field, message });
