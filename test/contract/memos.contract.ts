import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../domain/result.js';
import type { DomainError } from '../../domain/errors.js';
import type { Principal } from '../../domain/principal.js';
import type { UserKey } from '../../ports/keyring.js';
import type { Memos } from '../../ports/memos.js';

export interface MemosHarness {
  /** Memos kept `ttlMs`. */
  memos(ttlMs: number): Memos;
  /** Lets `ms` pass for the memos. */
  elapse(ms: number): void;
}

const principal = (id: string) => ok({ user: { id } } as unknown as Principal);

/** The Memos contract (ports/memos.ts). */
export function memosContract(adapter: string, harness: () => MemosHarness) {
  describe(`Memos contract: ${adapter}`, () => {
    const counted = () => {
      let loads = 0;
      const load = (id: string) => async (): Promise<Result<Principal, DomainError>> => (loads++, principal(id));
      return { load, loads: () => loads };
    };

    it('when the same key is asked within the time, then it is loaded once; after it, again', async () => {
      const h = harness();
      const memos = h.memos(1000);
      const { load, loads } = counted();
      const first = await memos.principals.get('bearer', load('a'));
      expect(await memos.principals.get('bearer', load('b'))).toEqual(first);
      expect(loads()).toBe(1);
      h.elapse(1001);
      expect(await memos.principals.get('bearer', load('c'))).toEqual(principal('c'));
      expect(loads()).toBe(2);
    });

    it('when keep refuses a value, or the time is 0, then nothing is remembered', async () => {
      const h = harness();
      const memos = h.memos(1000);
      let loads = 0;
      const refused = async () => (loads++, err({ kind: 'PdlNotFound' }) as Result<never, DomainError>);
      await memos.meters.get('m', refused, (r) => r.ok);
      await memos.meters.get('m', refused, (r) => r.ok);
      expect(loads).toBe(2);
      const never = h.memos(0);
      const { load, loads: zeroLoads } = counted();
      await never.principals.get('k', load('a'));
      await never.principals.get('k', load('a'));
      expect(zeroLoads()).toBe(2);
    });

    it('when forgotten, then principals and meters are loaded again, and each memo is apart from the other', async () => {
      const memos = harness().memos(60_000);
      const { load, loads } = counted();
      await memos.principals.get('k', load('a'));
      await memos.meters.get('k', async () => (loads(), err({ kind: 'PdlNotFound' })));
      memos.forget();
      await memos.principals.get('k', load('a'));
      expect(loads()).toBe(2);
      memos.principals.clear();
      await memos.principals.get('k', load('a'));
      expect(loads()).toBe(3);
    });

    it('when a key is derived under a name, then it is derived once; a failed derivation is not kept', () => {
      const memos = harness().memos(1000);
      const key = {} as UserKey;
      let derivations = 0;
      expect(memos.userKeys.get('u:sealed-1', () => (derivations++, key))).toBe(key);
      expect(memos.userKeys.get('u:sealed-1', () => (derivations++, {} as UserKey))).toBe(key);
      expect(memos.userKeys.get('u:sealed-2', () => (derivations++, null))).toBeNull();
      expect(memos.userKeys.get('u:sealed-2', () => (derivations++, key))).toBe(key);
      expect(derivations).toBe(3);
    });
  });
}
