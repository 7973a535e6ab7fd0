import { noteTariffChange } from './tariff-history.js';
import { invalidInput, type DomainError } from '../errors.js';
import { parseMeterSettings, type MeterSettingsInput } from '../meter-settings.js';
import type { Pdl, PdlPatch } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { Dependencies } from './dependencies.js';
import { parseName } from './meters.js';
import { findOwnedPdl } from './owned-pdl.js';
import { writersOnly } from './writers-only.js';

/** Everything a household may change on a meter; absent fields stay, null clears. */
export interface MeterUpdate extends MeterSettingsInput {
  readonly name?: unknown;
  readonly displayOrder?: unknown;
  readonly isActive?: unknown;
  /** Another meter of the account (id or usage point id) that measures production, or null. */
  readonly linkedProductionPdl?: unknown;
}

type MutablePatch = { -readonly [K in keyof PdlPatch]: PdlPatch[K] };

/** Name, order and state, checked. */
function parseBasics(input: MeterUpdate): Result<MutablePatch, DomainError> {
  const patch: MutablePatch = {};
  if (input.name !== undefined) {
    const name = parseName(input.name);
    if (!name.ok) return name;
    patch.name = name.value;
  }
  if (input.displayOrder !== undefined) {
    if (input.displayOrder !== null && (!Number.isInteger(input.displayOrder) || (input.displayOrder as number) < 0)) {
      return err(invalidInput('display_order', 'display_order is a non-negative integer or null'));
    }
    patch.displayOrder = input.displayOrder as number | null;
  }
  if (input.isActive !== undefined) {
    if (typeof input.isActive !== 'boolean') return err(invalidInput('is_active', 'is_active is a boolean'));
    patch.isActive = input.isActive;
  }
  return ok(patch);
}

/** The production meter to link: another of the account's meters, measuring production. */
async function linkedMeter(deps: Dependencies, principal: Principal, pdl: Pdl, raw: unknown): Promise<Result<string | null, DomainError>> {
  if (raw === null) return ok(null);
  const wrong = (why: string) => err(invalidInput('linked_production_pdl_id', why));
  if (typeof raw !== 'string') return wrong('linked_production_pdl_id is the id or usage point id of one of your meters, or null');
  const other = await findOwnedPdl(deps)(principal, raw);
  if (!other.ok) return wrong('no meter of yours has that id');
  if (other.value.id === pdl.id) return wrong('a meter cannot be linked to itself');
  if (!other.value.hasProduction) return wrong('the linked meter must measure production');
  return ok(other.value.id);
}

/** Changes a meter of the principal's: any of its name, order, state, directions, contract figures, tariff settings and link. */
export const updatePdl = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return writersOnly(async (principal: Principal, id: string, input: MeterUpdate): Promise<Result<Pdl, DomainError>> => {
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    const basics = parseBasics(input);
    if (!basics.ok) return basics;
    const settings = parseMeterSettings(input, pdl.value);
    if (!settings.ok) return settings;
    const patch: MutablePatch = { ...basics.value, ...settings.value };
    if (input.linkedProductionPdl !== undefined) {
      const link = await linkedMeter(deps, principal, pdl.value, input.linkedProductionPdl);
      if (!link.ok) return link;
      patch.linkedProductionPdlId = link.value;
    }
    const updated = await deps.pdls.update(pdl.value.id, patch);
    if (!updated) return err({ kind: 'PdlNotFound' });
    await noteTariffChange(deps, pdl.value, updated);
    return ok(updated);
  });
};

/** Puts the account's meters in the order given (ids or usage point ids, each with its position). */
export const reorderPdls = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return writersOnly(async (principal: Principal, orders: readonly { id: string; order: number }[]): Promise<Result<number, DomainError>> => {
    const meters: Pdl[] = [];
    for (const { id, order } of orders) {
      if (!Number.isInteger(order) || order < 0) return err(invalidInput('pdl_orders', 'each order is a non-negative integer'));
      const pdl = await owned(principal, id);
      if (!pdl.ok) return pdl;
      meters.push(pdl.value);
    }
    await Promise.all(meters.map((pdl, i) => deps.pdls.update(pdl.id, { displayOrder: orders[i]!.order })));
    return ok(meters.length);
  });
};
