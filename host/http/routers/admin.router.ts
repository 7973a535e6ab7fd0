import type { UseCases } from '../../../domain/use-cases/index.js';
import { unwrap } from '../error-mapping.js';
import { bodyOf, principalOf, queryOf, type TagRouter } from '../operations.js';
import { accountToWire, usageToWire } from './accounts.router.js';
import { pdlToWire } from './pdl.router.js';

const idOf = (params: Record<string, string | string[]>) => String(params.user_id);

export function adminRouter(useCases: UseCases): TagRouter {
  const { admin } = useCases;
  return {
    tag: 'Admin',
    handlers: {
      adminListUsers: async (req, res) => {
        const query = queryOf(req, 'adminListUsers');
        const page = query.page ?? 1;
        const perPage = query.per_page ?? 50;
        const search = query.search === '' ? undefined : query.search;
        const listed = unwrap(await admin.listUsers(principalOf(res), { search, page, perPage }));
        res.json({ success: true, data: { items: listed.users.map(accountToWire), page, per_page: perPage, total: listed.total } });
      },
      adminGetUser: async (req, res) => {
        const detail = unwrap(await admin.getUser(principalOf(res), idOf(req.params)));
        res.json({
          success: true,
          data: {
            account: accountToWire(detail),
            meters: detail.meters.map((pdl) => pdlToWire(pdl, useCases.consentStatusOf(detail.user, pdl))),
            usage: usageToWire(detail.usage),
          },
        });
      },
      adminUpdateUser: async (req, res) => {
        const body = bodyOf(req, 'adminUpdateUser');
        const updated = unwrap(await admin.updateUser(principalOf(res), idOf(req.params), { isActive: body.is_active, role: body.role }));
        res.json({ success: true, data: accountToWire(updated) });
      },
      adminResetQuota: async (req, res) => {
        const usage = unwrap(await admin.resetUserQuota(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: usageToWire(usage) });
      },
      adminPurgeCache: async (req, res) => {
        const purged = unwrap(await admin.purgeUserCache(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: { deleted_cache_entries: purged.deletedCacheEntries } });
      },
      adminStats: async (_req, res) => {
        const stats = unwrap(await admin.stats(principalOf(res)));
        res.json({
          success: true,
          data: {
            users: {
              total: stats.users.total,
              active: stats.users.active,
              verified: stats.users.verified,
              admins: stats.users.byRole.admin,
              moderators: stats.users.byRole.moderator,
            },
            meters: stats.meters,
            requests_today: stats.requestsToday,
            upstream_calls_today: stats.upstreamCallsToday,
          },
        });
      },
    },
  };
}
