import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../domain/principal.js';
import { ok } from '../../../domain/result.js';
import { writersOnly } from '../../../domain/use-cases/writers-only.js';

const principal = (isDemo: boolean) => ({ user: { isDemo }, role: 'visitor', clientSecret: null }) as unknown as Principal;

describe('writersOnly', () => {
  it('when the demo account asks, then the use case is refused as DemoReadOnly and never runs; anyone else runs it with its arguments', async () => {
    const calls: unknown[][] = [];
    const change = writersOnly(async (_p: Principal, id: string, value: number) => (calls.push([id, value]), ok(`${id}=${value}`)));
    expect(await change(principal(true), 'a', 1)).toEqual({ ok: false, error: { kind: 'DemoReadOnly' } });
    expect(calls).toEqual([]);
    expect(await change(principal(false), 'b', 2)).toEqual({ ok: true, value: 'b=2' });
    expect(calls).toEqual([['b', 2]]);
  });
});
