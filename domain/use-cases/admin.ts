import { invalidInput, type DomainError } from '../errors.js';
import { hasControlCharacters } from '../text.js';
import type { Pdl } from '../pdl.js';
import { can, type Permission } from '../permissions.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { Role, User, UserCounts } from '../user.js';
import { effectiveRole } from './authenticate.js';
import type { UseCaseContext } from './dependencies.js';
import { purgeAccountCache } from './meter-access.js';
import { DEMO_READ_ONLY } from './writers-only.js';
import { resetQuota, usageStatus, type UsageStatus } from './quota.js';
import { readStats } from './stat-tally.js';

export interface AccountView {
  readonly user: User;
  /** The role in force (ADMIN_EMAILS included). */
  readonly role: Role;
}

export interface AccountDetail extends AccountView {
  readonly meters: Pdl[];
  readonly usage: UsageStatus;
}

export interface GatewayStats {
  readonly users: UserCounts;
  readonly meters: { readonly total: number; readonly active: number };
  readonly requestsToday: { readonly cached: number; readonly uncached: number };
  readonly upstreamCallsToday: number;
}

const ROLES: readonly Role[] = ['admin', 'moderator', 'visitor'];

function allowed(principal: Principal, permission: Permission): Result<true, DomainError> {
  return can(principal, permission) ? ok(true) : err({ kind: 'PermissionMissing', permission });
}

/** Administration: every use case checks its own permission first. */
export const administration = (deps: UseCaseContext) => {
  const view = (user: User): AccountView => ({ user, role: effectiveRole(user, deps.settings.adminEmails) });
  const usage = usageStatus(deps);
  const reset = resetQuota(deps);
  const stats = readStats(deps);

  async function target(id: string): Promise<Result<User, DomainError>> {
    const user = await deps.users.findById(id);
    return user ? ok(user) : err({ kind: 'UserNotFound' });
  }

  return {
    listUsers: async (principal: Principal, query: { search?: string; page: number; perPage: number }) => {
      const gate = allowed(principal, 'users.read');
      if (!gate.ok) return gate;
      if (query.search !== undefined && hasControlCharacters(query.search)) return err(invalidInput('search', 'the search has control characters'));
      const page = await deps.users.list({ search: query.search, offset: (query.page - 1) * query.perPage, limit: query.perPage });
      return ok({ users: page.users.map(view), total: page.total });
    },

    getUser: async (principal: Principal, id: string): Promise<Result<AccountDetail, DomainError>> => {
      const gate = allowed(principal, 'users.read');
      if (!gate.ok) return gate;
      const user = await target(id);
      if (!user.ok) return user;
      const account = view(user.value);
      const [meters, today] = await Promise.all([deps.pdls.listByOwner(id), usage({ user: user.value, role: account.role, clientSecret: null })]);
      return ok({ ...account, meters, usage: today });
    },

    updateUser: async (principal: Principal, id: string, change: { isActive?: boolean; role?: string }): Promise<Result<AccountView, DomainError>> => {
      if (change.isActive !== undefined) {
        const gate = allowed(principal, 'users.manage');
        if (!gate.ok) return gate;
      }
      if (change.role !== undefined) {
        const gate = allowed(principal, 'users.role');
        if (!gate.ok) return gate;
        if (!ROLES.includes(change.role as Role)) return err(invalidInput('role', `role is one of ${ROLES.join(', ')}`));
      }
      const user = await target(id);
      if (!user.ok) return user;
      if (user.value.isDemo) return err(DEMO_READ_ONLY);
      if (id === principal.user.id && (change.isActive === false || (change.role !== undefined && change.role !== 'admin'))) {
        return err({ kind: 'SelfModification' });
      }
      const updated = await deps.users.update(id, {
        ...(change.isActive !== undefined ? { isActive: change.isActive } : {}),
        ...(change.role !== undefined ? { role: change.role as Role } : {}),
        // A deactivation or a change of role ends the sessions opened before it.
        revokeTokens: change.isActive === false || (change.role !== undefined && change.role !== user.value.role),
      });
      return updated ? ok(view(updated)) : err({ kind: 'UserNotFound' });
    },

    resetUserQuota: async (principal: Principal, id: string): Promise<Result<UsageStatus, DomainError>> => {
      const gate = allowed(principal, 'quota.reset');
      if (!gate.ok) return gate;
      const user = await target(id);
      if (!user.ok) return user;
      await reset(id);
      return ok(await usage({ user: user.value, role: view(user.value).role, clientSecret: null }));
    },

    purgeUserCache: async (principal: Principal, id: string): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
      const gate = allowed(principal, 'cache.purge');
      if (!gate.ok) return gate;
      const user = await target(id);
      if (!user.ok) return user;
      return ok({ deletedCacheEntries: await purgeAccountCache(deps, user.value) });
    },

    stats: async (principal: Principal): Promise<Result<GatewayStats, DomainError>> => {
      const gate = allowed(principal, 'stats.read');
      if (!gate.ok) return gate;
      const [stored, meters, today, listedAdmins] = await Promise.all([
        deps.users.counts(),
        deps.pdls.counts(),
        stats(['requests_cached', 'requests_uncached', 'upstream_calls']),
        Promise.all(deps.settings.adminEmails.map((email) => deps.users.findByEmail(email))),
      ]);
      // Accounts made admin by ADMIN_EMAILS count as admins, under the one notion of admin.
      const byRole = { ...stored.byRole };
      for (const user of listedAdmins) {
        if (!user || user.role === 'admin') continue;
        byRole[user.role]--;
        byRole.admin++;
      }
      return ok({
        users: { ...stored, byRole },
        meters,
        requestsToday: { cached: today.requests_cached, uncached: today.requests_uncached },
        upstreamCallsToday: today.upstream_calls,
      });
    },
  };
};
