import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** JSON logs on stdout. Credentials are redacted wherever they could appear. */
export function createLogger(config: Pick<Config, 'logLevel' | 'debug'>): Logger {
  return pino({
    level: config.debug && config.logLevel === 'info' ? 'debug' : config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        'client_secret',
        'access_token',
        '*.password',
        '*.client_secret',
        '*.access_token',
      ],
      censor: '[redacted]',
    },
  });
}
