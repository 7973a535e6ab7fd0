/** The HTTP host: configuration, the composition root and the Express app. */
export { loadConfig, parseDatabaseUrl, type Config, type ConfigProblem, type DatabaseConfig } from './config.js';
export { createGateway, type Gateway, type HealthCheck, type Overrides, type ResolvedConfig } from './container.js';
export { createApp } from './http/app.js';
export { createLogger } from './logger.js';
export { resolveSecretKey } from './secret-key.js';
export { TOKENS } from './tokens.js';
export { VERSION } from './version.js';
