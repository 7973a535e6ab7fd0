import type { Principal } from './principal.js';
import type { Role } from './user.js';

/** What an administration route needs. One list, one check: no other notion of "admin" exists. */
export type Permission = 'users.read' | 'users.manage' | 'users.role' | 'quota.reset' | 'cache.purge' | 'stats.read' | 'offers.manage';

export const PERMISSIONS: readonly Permission[] = ['users.read', 'users.manage', 'users.role', 'quota.reset', 'cache.purge', 'stats.read', 'offers.manage'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  moderator: ['users.read', 'quota.reset', 'cache.purge', 'stats.read'],
  visitor: [],
};

export const can = (principal: Principal, permission: Permission): boolean => ROLE_PERMISSIONS[principal.role].includes(permission);
