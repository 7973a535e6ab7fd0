import { DEMO_EMAIL } from '../domain/use-cases/demo-account.js';
import { loadConfig } from '../host/config.js';
import { createGateway } from '../host/container.js';
import { createLogger } from '../host/logger.js';
import { resolveSecretKey } from '../host/secret-key.js';

/**
 * `npm run seed:demo`: creates the demo account and its meters if absent (idempotent, asks nothing),
 * prints its credentials, and warms the cache when the cache outlives this process.
 */
async function seedDemo() {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const problem of loaded.error) console.error(`${problem.variable}: ${problem.message}`);
    process.exit(1);
  }
  const config = loaded.value;
  const logger = createLogger({ ...config, logLevel: 'warn' });
  const gateway = await createGateway({ ...config, secretKey: await resolveSecretKey(config.secretKey, config.dataDir) }, { logger });
  try {
    const demo = await gateway.useCases.ensureDemoAccount();
    console.log(demo.created ? `✓ Created demo user: ${DEMO_EMAIL}` : `✓ Demo user already present: ${DEMO_EMAIL}`);
    console.log(`Client ID: ${demo.clientId}`);
    console.log(`Client Secret: ${demo.clientSecret}`);
    if (gateway.adapters.cache !== 'memory') {
      const days = await gateway.useCases.warmDemoCache({ user: demo.user, role: demo.user.role, clientSecret: demo.clientSecret }, 365);
      console.log(`✓ Cache warmed: ${days} days fetched`);
    }
  } finally {
    await gateway.close();
  }
}

seedDemo().catch((error: unknown) => {
  console.error('Seeding the demo account failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
