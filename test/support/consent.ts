import type { Express } from 'express';
import request from 'supertest';
import type { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';

/** How a test reaches the gateway: its consent start for the account, and its callback by path. */
export interface ConsentRoute {
  authorizeUrl(): Promise<string>;
  /** The callback's Location (the front end's URL with the outcome). */
  callback(pathAndQuery: string): Promise<string>;
}

/**
 * Completes a consent as a household would: the account's consent link, the emulator's consent page
 * granting `usagePointIds`, then the redirect back to the gateway's callback. Returns where the
 * gateway sent the browser.
 */
export async function consentOnEmulator(emulator: EnedisEmulator, usagePointIds: readonly string[], route: ConsentRoute): Promise<URL> {
  emulator.grantNextConsent(usagePointIds);
  const page = await fetch(await route.authorizeUrl(), { redirect: 'manual' });
  const back = page.headers.get('location');
  if (page.status !== 302 || !back) throw new Error(`the consent page answered ${page.status}`);
  const url = new URL(back);
  return new URL(await route.callback(url.pathname + url.search));
}

/** A ConsentRoute to a gateway process at `base`. */
export const consentOverHttp = (base: string, bearer: string): ConsentRoute => ({
  authorizeUrl: async () => {
    const res = await fetch(`${base}/api/oauth/authorize`, { headers: { Authorization: bearer } });
    return ((await res.json()) as { data: { authorize_url: string } }).data.authorize_url;
  },
  callback: async (path) => (await fetch(`${base}${path}`, { redirect: 'manual' })).headers.get('location') ?? '',
});

/** A ConsentRoute to an app under supertest. */
export const consentInApp = (app: Express, bearer: string): ConsentRoute => ({
  authorizeUrl: async () => (await request(app).get('/api/oauth/authorize').set('Authorization', bearer).expect(200)).body.data.authorize_url as string,
  callback: async (path) => (await request(app).get(path).expect(302)).headers.location as string,
});
