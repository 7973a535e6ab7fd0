import { EnedisEmulator } from './enedis-emulator.js';

/** `npm run enedis:emulator`: an Enedis Data Connect look-alike on http://127.0.0.1:8090. */
const env = process.env;
const clientId = env.ENEDIS_CLIENT_ID ?? 'emulator-client';
const clientSecret = env.ENEDIS_CLIENT_SECRET ?? 'emulator-secret';
const emulator = new EnedisEmulator({
  clientId,
  clientSecret,
  tokenLifetimeSeconds: Number(env.EMULATOR_TOKEN_LIFETIME_SECONDS ?? 12_600),
  latencyMs: Number(env.EMULATOR_LATENCY_MS ?? 0),
  consentGeneration: env.EMULATOR_CONSENT_API === '2026' ? '2026' : 'v5',
  redirectUri: env.ENEDIS_REDIRECT_URI ?? 'http://localhost:8000/api/oauth/callback',
});
const url = await emulator.start(Number(env.EMULATOR_PORT ?? 8090), env.EMULATOR_HOST ?? '127.0.0.1');
console.log(
  [
    `Enedis emulator on ${url} (v5 and 2026 APIs, sandbox meters, faults under ${url}/__emulator/)`,
    `  Point the gateway at it: ENEDIS_BASE_URL=${url} ENEDIS_CLIENT_ID=${clientId} ENEDIS_CLIENT_SECRET=${clientSecret}`,
    `  Calls received: GET ${url}/__emulator/calls   Faults: POST ${url}/__emulator/faults {"kind":"429-wso2","count":3}`,
  ].join('\n'),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void emulator.stop().then(() => process.exit(0)));
