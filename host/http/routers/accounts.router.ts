import type { CookieOptions, Request, Response } from 'express';
import type { UsageStatus } from '../../../domain/use-cases/quota.js';
import { ROLE_PERMISSIONS, type Permission } from '../../../domain/permissions.js';
import type { Role, User } from '../../../domain/user.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import { DomainFailure, unwrap } from '../error-mapping.js';
import { bodyOf, principalOf, queryOf, type Handler, type TagRouter } from '../operations.js';
import type { components } from '../openapi-types.js';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.js';

type Account = components['schemas']['Account'];

export function usageToWire(usage: UsageStatus): components['schemas']['UsageStatus'] {
  const bucket = (b: UsageStatus['cached']) => ({ used: b.used, limit: b.limit, remaining: b.remaining, reset_at: b.resetAt.toISOString() });
  return { date: usage.date, unlimited: usage.unlimited, cached: bucket(usage.cached), uncached: bucket(usage.uncached) };
}

const ROLE_NAMES: Record<Role, string> = { admin: 'Administrateur', moderator: 'Modérateur', visitor: 'Visiteur' };
const PERMISSION_NAMES: Record<Permission, string> = {
  'users.read': 'Voir les comptes',
  'users.manage': 'Gérer les comptes',
  'users.role': 'Changer les rôles',
  'quota.reset': 'Remettre les quotas à zéro',
  'cache.purge': 'Vider le cache',
  'stats.read': 'Voir les statistiques',
  'offers.manage': 'Gérer le catalogue des offres',
};

/** A role with its permissions, in the shape the MyElectricalData web app reads. */
export function roleToWire(role: Role): Account['role'] {
  return {
    id: role,
    name: role,
    display_name: ROLE_NAMES[role],
    permissions: ROLE_PERMISSIONS[role].map((p) => ({ id: p, name: p, display_name: PERMISSION_NAMES[p], resource: p.split('.')[0]! })),
  };
}

export function accountToWire({ user, role }: { user: User; role: Role }): Account {
  return {
    id: user.id,
    email: user.email,
    client_id: user.clientId,
    email_verified: user.emailVerified,
    debug_mode: user.debugMode,
    is_active: user.isActive,
    is_demo: user.isDemo,
    role: roleToWire(role),
    is_admin: role === 'admin',
    created_at: user.createdAt.toISOString(),
  };
}

/** client_id and client_secret from HTTP Basic (RFC 6749 §2.3.1: form-urlencoded inside) or the form. */
function clientCredentials(req: Request): { clientId: string; clientSecret: string } | null {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
  }
  const body = (req.body ?? {}) as { client_id?: string; client_secret?: string };
  return body.client_id && body.client_secret ? { clientId: body.client_id, clientSecret: body.client_secret } : null;
}

/**
 * The answer to a password change: earlier tokens, the session cookie's among them, stop working,
 * so the new token comes in the body and as the cookie.
 */
export function passwordChangedAnswer(res: Response, grant: { accessToken: string; expiresInSeconds: number }, session: CookieOptions): void {
  setSessionCookie(res, grant.accessToken, session);
  res.set('Cache-Control', 'no-store');
  res.json({ success: true, data: { access_token: grant.accessToken, token_type: 'bearer', expires_in: grant.expiresInSeconds } });
}

type Handlers = TagRouter['handlers'];

/** Sign-up: the credentials, shown once, and what became of the confirmation mail. */
const signUpHandler =
  (useCases: UseCases): Handler =>
  async (req, res) => {
    const body = bodyOf(req, 'signUp');
    const created = unwrap(
      await useCases.signUp({
        email: body.email,
        password: body.password,
        captchaToken: body.captcha_token ?? body.turnstile_token,
        remoteAddress: req.ip ?? null,
      }),
    );
    const verification = {
      sent: ' A confirmation link was mailed to you: open it before using the data routes.',
      failed: ' The confirmation mail could not be sent: ask for it again with /api/accounts/resend-verification.',
      not_required: '',
    }[created.verification];
    res.status(201).json({
      success: true,
      data: {
        client_id: created.clientId,
        client_secret: created.clientSecret,
        message: `Account created. Keep the client secret: it is shown only now.${verification}`,
        email_verification: created.verification,
      },
    });
  };

/** Getting and ending credentials: sign-up, log-in and out, the OAuth2 token, a new client secret. */
function credentialHandlers(useCases: UseCases, session: CookieOptions): Handlers {
  return {
    signUp: signUpHandler(useCases),
    logIn: async (req, res) => {
      const body = bodyOf(req, 'logIn');
      const grant = unwrap(await useCases.logIn({ email: body.email, password: body.password, remoteAddress: req.ip ?? null }));
      // The web app authenticates with the cookie; API clients use the token in the body.
      setSessionCookie(res, grant.accessToken, session);
      res.json({ success: true, data: { access_token: grant.accessToken, token_type: 'bearer', expires_in: grant.expiresInSeconds } });
    },
    logOut: async (_req, res) => {
      clearSessionCookie(res, session);
      res.json({ success: true, data: { message: 'Logged out.' } });
    },
    issueToken: async (req, res) => {
      const credentials = clientCredentials(req);
      if (!credentials) throw new DomainFailure({ kind: 'InvalidClient' });
      const grant = unwrap(await useCases.issueClientToken(credentials));
      res.set('Cache-Control', 'no-store');
      res.json({ access_token: grant.accessToken, token_type: 'bearer', expires_in: grant.expiresInSeconds });
    },
    regenerateSecret: async (_req, res) => {
      const credentials = unwrap(await useCases.regenerateSecret(principalOf(res)));
      setSessionCookie(res, credentials.accessToken, session);
      res.set('Cache-Control', 'no-store');
      res.json({
        success: true,
        data: {
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          access_token: credentials.accessToken,
          token_type: 'bearer',
          expires_in: credentials.expiresInSeconds,
        },
      });
    },
  };
}

/** The account itself: who I am, my usage, confirming the address, passwords, leaving. */
function selfServiceHandlers(useCases: UseCases, session: CookieOptions): Handlers {
  return {
    getMe: async (_req, res) => {
      res.json({ success: true, data: accountToWire(principalOf(res)) });
    },
    deleteAccount: async (_req, res) => {
      const deleted = unwrap(await useCases.deleteAccount(principalOf(res)));
      res.json({ success: true, data: { deleted_cache_entries: deleted.deletedCacheEntries } });
    },
    getUsage: async (_req, res) => {
      const usage = await useCases.usageStatus(principalOf(res));
      res.json({ success: true, data: usageToWire(usage) });
    },
    verifyEmail: async (req, res) => {
      const verified = unwrap(await useCases.verifyEmail(queryOf(req, 'verifyEmail').token));
      res.json({ success: true, data: { message: `${verified.email} is confirmed.` } });
    },
    resendVerification: async (req, res) => {
      unwrap(await useCases.resendVerification(bodyOf(req, 'resendVerification').email));
      res.status(202).json({ success: true, data: { message: 'If this address has an account waiting for confirmation, a new link is on its way.' } });
    },
    forgotPassword: async (req, res) => {
      unwrap(await useCases.forgotPassword(bodyOf(req, 'forgotPassword').email));
      res.status(202).json({ success: true, data: { message: 'If this address has an account, a link to choose a new password is on its way.' } });
    },
    resetPassword: async (req, res) => {
      const body = bodyOf(req, 'resetPassword');
      unwrap(await useCases.resetPassword({ token: body.token, newPassword: body.new_password }));
      res.json({ success: true, data: { message: 'Password changed. Log in with the new one.' } });
    },
    changePassword: async (req, res) => {
      const body = bodyOf(req, 'changePassword');
      const grant = unwrap(await useCases.changePassword(principalOf(res), { currentPassword: body.current_password, newPassword: body.new_password }));
      passwordChangedAnswer(res, grant, session);
    },
  };
}

/** @param session how the web app's session cookie is set (sessionCookieOptions). */
export function accountsRouter(useCases: UseCases, session: CookieOptions): TagRouter {
  return { tag: 'Accounts', handlers: { ...credentialHandlers(useCases, session), ...selfServiceHandlers(useCases, session) } };
}
