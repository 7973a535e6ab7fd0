import type { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { consentOnEmulator, consentOverHttp } from './consent.js';

/** One request to a gateway process: its status, headers and body (parsed when it is JSON). */
export async function callGateway(base: string, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
}

/** Which gateway process each step of a household's setup goes to (processes share one database). */
export interface SetupBases {
  signUp: string;
  logIn: string;
  register: string;
  consent: string;
}

/**
 * A household as it sets up over HTTP: signs up, logs in, registers `usagePointId` (201 expected) and
 * grants its consent on the emulator. Returns the bearer and where the consent sent the browser.
 */
export async function householdOverHttp(
  emulator: EnedisEmulator,
  usagePointId: string,
  email: string,
  bases: SetupBases,
): Promise<{ bearer: string; consented: URL }> {
  const json = { 'Content-Type': 'application/json' };
  const credentials = JSON.stringify({ email, password: 'Correct-Horse9' });
  await callGateway(bases.signUp, '/api/accounts/signup', { method: 'POST', headers: json, body: credentials });
  const login = await callGateway(bases.logIn, '/api/accounts/login', { method: 'POST', headers: json, body: credentials });
  const bearer = `Bearer ${login.body.data.access_token}`;
  const registered = await callGateway(bases.register, '/api/pdl', {
    method: 'POST',
    headers: { ...json, Authorization: bearer },
    body: JSON.stringify({ usage_point_id: usagePointId }),
  });
  if (registered.status !== 201) throw new Error(`registering ${usagePointId} answered ${registered.status}`);
  const consented = await consentOnEmulator(emulator, [usagePointId], consentOverHttp(bases.consent, bearer));
  return { bearer, consented };
}
