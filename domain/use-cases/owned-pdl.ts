import { err, ok, type Result } from '../result.js';
import type { PdlNotFound } from '../errors.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { parseUsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';

/**
 * A meter of the principal's, by internal id or by usage point id. Another account's meter answers
 * exactly as a meter that does not exist.
 */
export const findOwnedPdl =
  ({ pdls }: Dependencies) =>
  async (principal: Principal, idOrUsagePoint: string): Promise<Result<Pdl, PdlNotFound>> => {
    const usagePoint = parseUsagePointId(idOrUsagePoint);
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
