import { describe, expect, it } from 'vitest';
import { findOwnedPdl } from '../../../domain/use-cases/owned-pdl.js';
import { buildUseCases } from '../../support/use-cases.js';

describe('finding a meter of the principal', () => {
  it('when the id is neither a usage point id nor an internal id, then it names no meter, without asking the repository', async () => {
    const { deps, accountWithMeter } = buildUseCases();
    const { principal, pdl } = await accountWithMeter();
    let asked = 0;
    const findById = deps.pdls.findById.bind(deps.pdls);
    (deps.pdls as { findById: typeof findById }).findById = (id) => (asked++, findById(id));
    const find = findOwnedPdl(deps);
    for (const junk of ['\u0000nul', 'reorder', '1234', "' OR 1=1 --", `${pdl.id}x`]) {
      expect(await find(principal, junk), junk).toEqual({ ok: false, error: { kind: 'PdlNotFound' } });
    }
    expect(asked).toBe(0);
    expect((await find(principal, pdl.id)).ok).toBe(true);
    expect(asked).toBe(1);
  });
});
