import { parseGroupBy, type GroupBy } from '../aggregate.js';
import type { DateRange } from '../date-range.js';
import { invalidInput, type DomainError } from '../errors.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { selfConsumption, type SelfConsumptionGroup } from '../self-consumption.js';
import type { Dependencies } from './dependencies.js';
import { findReadablePdl } from './meter-access.js';
import type { MissingRun, readMeterData } from './read-meter-data/index.js';

export interface SelfConsumptionAnswer {
  readonly range: DateRange;
  readonly groupBy: GroupBy;
  readonly consumptionMeter: Pdl;
  readonly productionMeter: Pdl;
  readonly groups: SelfConsumptionGroup[];
  readonly unpaired: number;
  readonly missing: { readonly consumption: MissingRun[]; readonly production: MissingRun[] };
}

/** The meter that produces for `pdl`: its linked production meter (of the same account), or itself when it measures both. */
async function producerOf(deps: Dependencies, principal: Principal, pdl: Pdl): Promise<Pdl | null> {
  if (pdl.linkedProductionPdlId) {
    const linked = await findReadablePdl(deps)(principal, pdl.linkedProductionPdlId);
    return linked.ok ? linked.value : null;
  }
  return pdl.hasProduction ? pdl : null;
}

/**
 * A consumption meter's self-consumption over a range: its load curve with its production's (two
 * metering requests, each counted as such), by `group_by` (day by default).
 */
export const readSelfConsumption =
  (deps: Dependencies, read: ReturnType<typeof readMeterData>) =>
  async (
    principal: Principal,
    request: { usagePointId: unknown; start: unknown; end: unknown; groupBy?: unknown },
  ): Promise<Result<SelfConsumptionAnswer, DomainError>> => {
    const groupBy = parseGroupBy(request.groupBy ?? 'day', 'consumption:detail');
    if (!groupBy.ok) return groupBy;
    const pdl = await findReadablePdl(deps)(principal, String(request.usagePointId));
    if (!pdl.ok) return pdl;
    if (!pdl.value.hasConsumption)
      return err(invalidInput('usage_point_id', 'this meter does not consume; ask for the consumption meter the production one is linked to'));
    const producer = await producerOf(deps, principal, pdl.value);
    if (!producer) {
      return err(
        invalidInput('usage_point_id', 'this meter has no production: link a production meter (linked_production_pdl_id) or use a meter that measures both'),
      );
    }
    const span = { start: request.start, end: request.end, useCache: true };
    const consumption = await read(principal, { kind: 'consumption:detail', usagePointId: pdl.value.usagePointId, ...span });
    if (!consumption.ok) return consumption;
    const production = await read(principal, { kind: 'production:detail', usagePointId: producer.usagePointId, ...span });
    if (!production.ok) return production;
    const { groups, unpaired } = selfConsumption(consumption.value.readings, production.value.readings, consumption.value.range, groupBy.value!);
    return ok({
      range: consumption.value.range,
      groupBy: groupBy.value!,
      consumptionMeter: pdl.value,
      productionMeter: producer,
      groups,
      unpaired,
      missing: { consumption: consumption.value.missing, production: production.value.missing },
    });
  };
