import { err, ok, type Result } from '../result.js';
import type { PdlNotFound } from '../errors.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { parseUsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';

const INTERNAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A meter of the principal's, by internal id or by usage point id. Another account's meter answers
 * exactly as a meter that does not exist.
 */
export const findOwnedPdl =
  ({ pdls }: Dependencies) =>
  async (principal: Principal, idOrUsagePoint: string): Promise<Result<Pdl, PdlNotFound>> => {
    const usagePoint = parseUsagePointId(idOrUsagePoint);
    // Anything but a usage point id or an internal id names no meter, and is not worth a query.
    if (!usagePoint.ok && !INTERNAL_ID.test(idOrUsagePoint)) return err({ kind: 'PdlNotFound' });
    const pdl = usagePoint.ok ? await pdls.findForOwner(principal.user.id, usagePoint.value) : await pdls.findById(idOrUsagePoint);
    if (!pdl || pdl.userId !== principal.user.id) return err({ kind: 'PdlNotFound' });
    return ok(pdl);
  };

/** findOwnedPdl for readers, through the short memo (writers look up afresh). */
export const findOwnedPdlForReading = (deps: Dependencies) => {
  const find = findOwnedPdl(deps);
  const { meters } = deps.memos;
  return (principal: Principal, idOrUsagePoint: string) =>
    meters.get(`${principal.user.id}:${idOrUsagePoint}`, () => find(principal, idOrUsagePoint)) as Promise<Result<Pdl, PdlNotFound>>;
};
