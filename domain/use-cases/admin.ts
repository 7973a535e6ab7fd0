import { invalidInput, type DomainError } from '../errors.js';
import { hasControlCharacters } from '../text.js';
import type { Pdl } from '../pdl.js';
import { can, type Permission } from '../permissions.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { Role, User, UserCounts } from '../user.js';
import { effectiveRole } from './authenticate.js';
import type { Dependencies } from './dependencies.js';
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

const view = (deps: Dependencies, user: User): AccountView => ({ user, role: effectiveRole(user, deps.settings.adminEmails) });

async function target(deps: Dependencies, id: string): Promise<Result<User, DomainError>> {
  const user = await deps.users.findById(id);
  return user ? ok(user) : err({ kind: 'UserNotFound' });
}

/** The account `id`, once the principal is known to hold `permission`. */
async function permittedTarget(deps: Dependencies, principal: Principal, permission: Permission, id: string): Promise<Result<User, DomainError>> {
  const gate = allowed(principal, permission);
  return gate.ok ? target(deps, id) : gate;
}

const listUsers =
  (deps: Dependencies) =>
  async (
    principal: Principal,
    query: { search?: string; page: number; perPage: number },
  ): Promise<Result<{ users: AccountView[]; total: number }, DomainError>> => {
    const gate = allowed(principal, 'users.read');
    if (!gate.ok) return gate;
    if (query.search !== undefined && hasControlCharacters(query.search)) return err(invalidInput('search', 'the search has control characters'));
    const page = await deps.users.list({ search: query.search, offset: (query.page - 1) * query.perPage, limit: query.perPage });
    return ok({ users: page.users.map((user) => view(deps, user)), total: page.total });
  };

const getUser = (deps: Dependencies) => {
  const usage = usageStatus(deps);
  return async (principal: Principal, id: string): Promise<Result<AccountDetail, DomainError>> => {
    const user = await permittedTarget(deps, principal, 'users.read', id);
    if (!user.ok) return user;
    const account = view(deps, user.value);
    const [meters, today] = await Promise.all([deps.pdls.listByOwner(id), usage({ user: user.value, role: account.role, clientSecret: null })]);
    return ok({ ...account, meters, usage: today });
  };
};

/** The permissions a change needs, and the role it names if it names one that exists. */
function checkChange(principal: Principal, change: { isActive?: boolean; role?: string }): Result<true, DomainError> {
  if (change.isActive !== undefined && !can(principal, 'users.manage')) return err({ kind: 'PermissionMissing', permission: 'users.manage' });
  if (change.role === undefined) return ok(true);
  if (!can(principal, 'users.role')) return err({ kind: 'PermissionMissing', permission: 'users.role' });
  return ROLES.includes(change.role as Role) ? ok(true) : err(invalidInput('role', `role is one of ${ROLES.join(', ')}`));
}

const updateUser =
  (deps: Dependencies) =>
  async (principal: Principal, id: string, change: { isActive?: boolean; role?: string }): Promise<Result<AccountView, DomainError>> => {
    const checked = checkChange(principal, change);
    if (!checked.ok) return checked;
    const user = await target(deps, id);
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
    return updated ? ok(view(deps, updated)) : err({ kind: 'UserNotFound' });
  };

const resetUserQuota = (deps: Dependencies) => {
  const usage = usageStatus(deps);
  const reset = resetQuota(deps);
  return async (principal: Principal, id: string): Promise<Result<UsageStatus, DomainError>> => {
    const user = await permittedTarget(deps, principal, 'quota.reset', id);
    if (!user.ok) return user;
    await reset(id);
    return ok(await usage({ user: user.value, role: view(deps, user.value).role, clientSecret: null }));
  };
};

const purgeUserCache =
  (deps: Dependencies) =>
  async (principal: Principal, id: string): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
    const user = await permittedTarget(deps, principal, 'cache.purge', id);
    if (!user.ok) return user;
    return ok({ deletedCacheEntries: await purgeAccountCache(deps, user.value) });
  };

const gatewayStats = (deps: Dependencies) => {
  const stats = readStats(deps);
  return async (principal: Principal): Promise<Result<GatewayStats, DomainError>> => {
    const gate = allowed(principal, 'stats.read');
    if (!gate.ok) return gate;
    const [stored, meters, today, listed] = await Promise.all([
      deps.users.counts(),
      deps.pdls.counts(),
      stats(['requests_cached', 'requests_uncached', 'upstream_calls']),
      Promise.all(deps.settings.adminEmails.map((email) => deps.users.findByEmail(email))),
    ]);
    // Accounts made admin by ADMIN_EMAILS (a confirmed address) count as admins, under the one notion of admin.
    const byRole = { ...stored.byRole };
    for (const user of listed) {
      if (!user || user.role === 'admin' || effectiveRole(user, deps.settings.adminEmails) !== 'admin') continue;
      byRole[user.role]--;
      byRole.admin++;
    }
    return ok({
      users: { ...stored, byRole },
      meters,
      requestsToday: { cached: today.requests_cached, uncached: today.requests_uncached },
      upstreamCallsToday: today.upstream_calls,
    });
  };
};

/** Administration: every use case checks its own permission first. */
export const administration = (deps: Dependencies) => ({
  listUsers: listUsers(deps),
  getUser: getUser(deps),
  updateUser: updateUser(deps),
  resetUserQuota: resetUserQuota(deps),
  purgeUserCache: purgeUserCache(deps),
  stats: gatewayStats(deps),
});
