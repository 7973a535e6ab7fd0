import type { Server } from 'node:http';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../domain/use-cases/demo-account.js';
import { loadConfig, type Config } from './config.js';
import { createGateway } from './container.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
import { resolveSecretKey } from './secret-key.js';
import { VERSION } from './version.js';
import { startGridRefresh } from './grid-refresh.js';
import { TOKENS } from './tokens.js';

const SHUTDOWN_GRACE_MS = 10_000;

function publicUrl(config: Config, port: number): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}

async function main() {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error('The gateway cannot start; fix these environment variables:');
    for (const problem of loaded.error) console.error(`  ${problem.variable}: ${problem.message}`);
    process.exit(1);
  }
  const config = loaded.value;
  const logger = createLogger(config);
  const gateway = await createGateway({ ...config, secretKey: await resolveSecretKey(config.secretKey, config.dataDir) }, { logger });
  const demo = config.demoAccount ? await gateway.useCases.ensureDemoAccount() : null;
  const app = createApp(gateway);
  const grid = startGridRefresh(gateway.container.get(TOKENS.GridSignals), gateway.clock, config.gridRefreshMs, logger);

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = publicUrl(config, port);
  const lines = [
    `MyElectricalData gateway ${VERSION} listening on ${url}`,
    `  Dashboard: ${url}/`,
    `  API:       ${url}/api`,
    `  Docs:      ${url}/docs`,
    `  OpenAPI:   ${url}/api/openapi.yaml`,
    `  Metrics:   ${url}/metrics${config.metricsToken ? ' (METRICS_TOKEN)' : ' (local clients only)'}`,
    `  Adapters:  ${Object.entries(gateway.adapters)
      .map(([role, name]) => `${role}=${name}`)
      .join(', ')}`,
  ];
  if (demo) {
    lines.push(`  Demo:      ${DEMO_EMAIL} / ${DEMO_PASSWORD}`, `  Demo client_id:     ${demo.clientId}`, `  Demo client_secret: ${demo.clientSecret}`);
  }
  console.log(lines.join('\n'));

  if (demo && gateway.adapters.cache === 'memory') {
    // The in-memory cache starts empty at every start: fill it so the demo answers from cache at once.
    const principal = { user: demo.user, role: demo.user.role, clientSecret: demo.clientSecret };
    gateway.useCases
      .warmDemoCache(principal, 365)
      .then((days) => logger.info({ days }, 'demo cache warmed'))
      .catch((error: unknown) => logger.warn({ err: error }, 'demo cache warming failed'));
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('requests still running after the grace period; closing them');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    grid.stop();
    server.close(() => {
      gateway.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('The gateway failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
