import type { DomainError, DomainErrorKind } from '../../domain/errors.js';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';

/** What the wire says about a failure: status, envelope fields and extra headers. */
export interface HttpFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A domain error travelling from a handler to the error middleware. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.kind);
  }
}

/** A refusal decided by the HTTP host itself (not by a use case): its status, code and message as they are. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The one error envelope every answer of the API uses: `{"success": false, "error": {code, message, field?}}`. */
export const errorEnvelope = (code: string, message: string, field?: string) => ({
  success: false as const,
  error: field ? { code, message, field } : { code, message },
});

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: DomainError }): T {
  if (!result.ok) throw new DomainFailure(result.error);
  return result.value;
}

const secondsUntil = (date: Date, now: Date) => Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 1000));

/** Quota headers of a bucket, in both the IETF draft's and the common X- forms. */
export function quotaHeaders(state: { limit: number; remaining: number; resetAt: Date }, now: Date): Record<string, string> {
  const reset = secondsUntil(state.resetAt, now);
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(reset),
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(Math.ceil(state.resetAt.getTime() / 1000)),
  };
}

type Mapping = { [K in DomainErrorKind]: (error: Extract<DomainError, { kind: K }>, now: Date) => HttpFailure };

/** Every domain error kind and its answer. A new kind does not compile until it is added here. */
const MAPPING: Mapping = {
  InvalidInput: (e) => ({
    status: 400,
    code: e.field === 'start' || e.field === 'end' ? 'INVALID_DATE_RANGE' : 'INVALID_INPUT',
    message: e.message,
    field: e.field,
  }),
  WeakPassword: (e) => ({ status: 422, code: 'WEAK_PASSWORD', message: e.message, field: e.field }),
  EmailTaken: () => ({ status: 409, code: 'USER_EXISTS', message: 'an account with this email already exists', field: 'email' }),
  InvalidCredentials: () => ({ status: 401, code: 'INVALID_CREDENTIALS', message: 'wrong email or password' }),
  InvalidClient: () => ({ status: 401, code: 'INVALID_CLIENT', message: 'unknown client_id or wrong client_secret' }),
  AccountInactive: () => ({ status: 403, code: 'USER_INACTIVE', message: 'this account is deactivated' }),
  EmailNotVerified: () => ({ status: 403, code: 'EMAIL_NOT_VERIFIED', message: 'verify your email address first' }),
  BearerRefused: (e) => ({
    status: 401,
    code: e.reason === 'expired' ? 'TOKEN_EXPIRED' : e.reason === 'revoked' ? 'TOKEN_REVOKED' : 'UNAUTHORIZED',
    message:
      e.reason === 'missing'
        ? 'send Authorization: Bearer <token or client secret>'
        : e.reason === 'expired'
          ? 'the access token has expired; get a new one'
          : e.reason === 'revoked'
            ? 'this token was revoked (password, client secret, role or account status changed since it was issued); get a new one'
            : 'the access token or client secret is not valid',
    headers: { 'WWW-Authenticate': `Bearer realm="api"${e.reason === 'missing' ? '' : ', error="invalid_token"'}` },
  }),
  DemoReadOnly: () => ({ status: 403, code: 'DEMO_READ_ONLY', message: 'the demo account is read-only' }),
  PdlNotFound: () => ({ status: 404, code: 'PDL_NOT_FOUND', message: 'no such meter on this account' }),
  PdlAlreadyRegistered: () => ({
    status: 409,
    code: 'PDL_EXISTS',
    message: 'this usage point is already registered',
    field: 'usage_point_id',
  }),
  PdlInactive: () => ({ status: 403, code: 'ACCESS_DENIED', message: 'this meter is deactivated; activate it to read its data' }),
  ConsentPending: (e) => ({
    status: 403,
    code: 'CONSENT_REQUIRED',
    message:
      e.status === 'expired'
        ? "this meter's Enedis consent has lapsed; renew it through GET /api/oauth/authorize"
        : "this meter waits for its holder's Enedis consent; complete it through GET /api/oauth/authorize",
  }),
  PdlLimitReached: (e) => ({ status: 409, code: 'PDL_LIMIT_REACHED', message: `an account holds at most ${e.limit} meters`, field: 'usage_point_id' }),
  QuotaExceeded: (e, now) => ({
    status: 429,
    code: 'RATE_LIMIT_EXCEEDED',
    message:
      e.bucket === 'uncached'
        ? `daily quota of ${e.limit} requests needing Enedis reached; data already cached is still served`
        : `daily quota of ${e.limit} requests reached`,
    headers: { 'Retry-After': String(secondsUntil(e.resetAt, now)), ...quotaHeaders({ limit: e.limit, remaining: 0, resetAt: e.resetAt }, now) },
  }),
  LoginThrottled: (e) => ({
    status: 429,
    code: 'TOO_MANY_ATTEMPTS',
    message: 'too many failed log-ins; wait before trying again',
    headers: { 'Retry-After': String(Math.max(1, e.retryAfterSeconds)) },
  }),
  SignUpThrottled: (e) => ({
    status: 429,
    code: 'TOO_MANY_SIGNUPS',
    message: 'too many accounts created from this address; wait before trying again',
    headers: { 'Retry-After': String(e.retryAfterSeconds) },
  }),
  PermissionMissing: (e) => ({ status: 403, code: 'FORBIDDEN', message: `this needs the ${e.permission} permission` }),
  CaptchaRequired: () => ({ status: 400, code: 'CAPTCHA_REQUIRED', message: 'solve the captcha and send its token', field: 'captcha_token' }),
  CaptchaFailed: () => ({ status: 403, code: 'CAPTCHA_FAILED', message: 'the captcha answer was not accepted', field: 'captcha_token' }),
  CaptchaUnavailable: () => ({ status: 503, code: 'CAPTCHA_ERROR', message: 'the captcha could not be checked; try again', headers: { 'Retry-After': '10' } }),
  OneTimeTokenInvalid: () => ({ status: 400, code: 'INVALID_TOKEN', message: 'this link is unknown, already used or expired', field: 'token' }),
  SelfModification: () => ({ status: 409, code: 'CANNOT_MODIFY_SELF', message: 'an administrator cannot deactivate or demote their own account' }),
  UserNotFound: () => ({ status: 404, code: 'USER_NOT_FOUND', message: 'no such account' }),
  OfferNotFound: () => ({ status: 404, code: 'OFFER_NOT_FOUND', message: 'no such offer in the catalogue' }),
  OfferExists: () => ({
    status: 409,
    code: 'OFFER_EXISTS',
    message: 'the catalogue already has this offer (same provider, name, type, power and valid_from)',
    field: 'valid_from',
  }),
  ConsentStateInvalid: () => ({
    status: 400,
    code: 'INVALID_STATE',
    message: 'this consent link is unknown, used or expired; start the consent again',
    field: 'state',
  }),
  ConsentDenied: (e) => ({ status: 403, code: 'CONSENT_DENIED', message: e.message }),
  NoConsent: (e) => ({ status: 403, code: 'NO_CONSENT', message: `Enedis has no consent for this meter: ${e.message}` }),
  NotHolder: (e) => ({ status: 403, code: 'NOT_HOLDER', message: `the consenting customer no longer holds this meter: ${e.message}` }),
  WrongDirection: (e) => ({ status: 422, code: 'WRONG_DIRECTION', message: e.message }),
  BeforeActivation: (e) => ({ status: 422, code: 'BEFORE_ACTIVATION', message: e.message, field: 'start' }),
  BeyondHistory: (e) => ({ status: 422, code: 'DATE_TOO_OLD', message: e.message, field: 'start' }),
  NoData: (e) => ({ status: 404, code: 'NO_DATA', message: e.message }),
  UpstreamThrottled: (e) => ({
    status: 503,
    code: 'ENEDIS_THROTTLED',
    message: e.message,
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(e.retryAfterSeconds))) },
  }),
  UpstreamUnavailable: (e) => ({ status: 503, code: 'ENEDIS_UNAVAILABLE', message: e.message, headers: { 'Retry-After': '60' } }),
  BadUpstreamData: (e) => ({ status: 502, code: 'ENEDIS_ERROR', message: e.message }),
  ApiNotSubscribed: (e) => ({
    status: 502,
    code: 'ENEDIS_API_NOT_SUBSCRIBED',
    message: `this gateway's Enedis application is not subscribed to ${e.api}; its operator has been told`,
  }),
};

export function domainFailure(error: DomainError, now: Date): HttpFailure {
  return (MAPPING[error.kind] as (e: DomainError, now: Date) => HttpFailure)(error, now);
}

interface ValidatorError {
  status?: number;
  errors?: Array<{ path?: string; message?: string }>;
  message?: string;
  type?: string;
}

/** The input a validator error path points at: `/query/start` gives `start`, `/body/email` gives `email`. */
function fieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const parts = path.split(/[/.]/).filter(Boolean);
  return parts.length > 1 ? parts.slice(1).join('.') : parts[0];
}

/** Everything a request can throw, mapped to one answer. Unknown errors are 500 and logged by the caller. */
export function toHttpFailure(error: unknown, now: Date): HttpFailure {
  if (error instanceof DomainFailure) return domainFailure(error.error, now);
  if (error instanceof HttpRefusal) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof InfrastructureFailure) {
    return {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: `the ${error.component.replace('_', ' ')} is unavailable; try again shortly`,
      headers: { 'Retry-After': '5' },
    };
  }
  const e = error as ValidatorError;
  if (e?.type === 'entity.too.large') return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' };
  if (e?.type === 'entity.parse.failed') return { status: 400, code: 'INVALID_JSON', message: 'the request body is not valid JSON' };
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: e.message ?? 'unsupported encoding' };
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    const first = e.errors?.[0];
    const field = fieldOf(first?.path);
    const codes: Record<number, string> = { 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 415: 'UNSUPPORTED_MEDIA_TYPE' };
    const dateField = field === 'start' || field === 'end';
    return {
      status: e.status,
      code: codes[e.status] ?? (dateField ? 'INVALID_DATE_FORMAT' : 'VALIDATION_ERROR'),
      message: first?.message ? `${field ? `${field}: ` : ''}${first.message}` : (e.message ?? 'invalid request'),
      ...(field && e.status === 400 ? { field } : {}),
    };
  }
  return { status: 500, code: 'INTERNAL_ERROR', message: 'an unexpected error occurred; it has been logged' };
}

/** The OAuth2 (RFC 6749 §5.2) rendering of a failure, for the token route. */
export function toOAuthError(failure: HttpFailure): { status: number; body: { error: string; error_description: string } } {
  if (failure.code === 'INVALID_CLIENT' || failure.code === 'UNAUTHORIZED') {
    return { status: 401, body: { error: 'invalid_client', error_description: failure.message } };
  }
  if (failure.code === 'USER_INACTIVE') return { status: 400, body: { error: 'unauthorized_client', error_description: failure.message } };
  if (failure.field === 'grant_type') {
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'only client_credentials is supported' } };
  }
  if (failure.status === 503) return { status: 503, body: { error: 'temporarily_unavailable', error_description: failure.message } };
  if (failure.status >= 500) return { status: 500, body: { error: 'server_error', error_description: failure.message } };
  return { status: failure.status === 413 ? 413 : 400, body: { error: 'invalid_request', error_description: failure.message } };
}

/** The front end's page a consent flow ends on when it failed. */
export function consentFailureUrl(frontendUrl: string, code: string): string {
  const target = new URL(`${frontendUrl}/dashboard`);
  target.searchParams.set('consent_error', code);
  return target.toString();
}

/** The `consent_error` word for anything the callback threw: a domain refusal, a malformed request, a fault. */
export function consentFailureCode(error: unknown, failure: HttpFailure): string {
  if (error instanceof DomainFailure) return consentErrorCode(error.error);
  if (failure.status === 503) return 'service_unavailable';
  return failure.status < 500 ? 'invalid_request' : 'server_error';
}

/**
 * The `consent_error` word of the redirect that ends a consent flow in the front end, for every
 * domain error kind: a new kind does not compile until it has one.
 */
const CONSENT_ERRORS: { [K in DomainErrorKind]: string } = {
  ConsentStateInvalid: 'invalid_state',
  ConsentDenied: 'access_denied',
  DemoReadOnly: 'demo_read_only',
  BadUpstreamData: 'invalid_pdl_format',
  NoConsent: 'no_consent',
  NotHolder: 'no_consent',
  UpstreamThrottled: 'enedis_unavailable',
  UpstreamUnavailable: 'enedis_unavailable',
  ApiNotSubscribed: 'enedis_error',
  InvalidInput: 'invalid_request',
  EmailTaken: 'enedis_error',
  WeakPassword: 'enedis_error',
  InvalidCredentials: 'enedis_error',
  InvalidClient: 'enedis_error',
  AccountInactive: 'account_inactive',
  EmailNotVerified: 'email_not_verified',
  BearerRefused: 'invalid_state',
  PdlNotFound: 'enedis_error',
  PdlAlreadyRegistered: 'enedis_error',
  PdlInactive: 'enedis_error',
  ConsentPending: 'no_consent',
  PdlLimitReached: 'pdl_limit_reached',
  QuotaExceeded: 'enedis_unavailable',
  LoginThrottled: 'enedis_error',
  SignUpThrottled: 'enedis_error',
  PermissionMissing: 'enedis_error',
  CaptchaRequired: 'enedis_error',
  CaptchaFailed: 'enedis_error',
  CaptchaUnavailable: 'enedis_error',
  OneTimeTokenInvalid: 'invalid_state',
  SelfModification: 'enedis_error',
  UserNotFound: 'invalid_state',
  OfferNotFound: 'enedis_error',
  OfferExists: 'enedis_error',
  WrongDirection: 'enedis_error',
  BeforeActivation: 'enedis_error',
  BeyondHistory: 'enedis_error',
  NoData: 'enedis_error',
};

export const consentErrorCode = (error: DomainError): string => CONSENT_ERRORS[error.kind];
