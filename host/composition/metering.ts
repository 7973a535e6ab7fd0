import type { Container } from 'inversify';
import { EnedisHttpProvider } from '../../adapters/enedis/metering-provider.enedis.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import type { Clock } from '../../ports/clock.js';
import type { Overrides, ResolvedConfig } from '../container.js';
import type { Logger } from '../logger.js';
import type { GatewayMetrics } from '../metrics.js';
import { TOKENS } from '../tokens.js';
import { bindValue } from './bind.js';
import { onceEach } from './log-once.js';
import { MockRte } from '../../adapters/mock-rte/grid-signals.mock-rte.js';
import { RteGridSignals } from '../../adapters/rte/grid-signals.rte.js';

/** The metering providers: Enedis when its credentials are set, MockEnedis otherwise; MockEnedis for the demo whatever the setting. */
export function bindMetering(container: Container, config: ResolvedConfig, overrides: Overrides, clock: Clock, logger: Logger, metrics: GatewayMetrics): void {
  const callbackUrl = `${config.backendUrl}/api/oauth/callback`;
  const { enedis } = config;
  const notSubscribed = onceEach((api: string, message: string) =>
    logger.error(
      { component: 'enedis', api, detail: message },
      `Enedis refuses this application the ${api} API: subscribe the application to it on DataHub (datahub-enedis.fr); until then its users get 502 ENEDIS_API_NOT_SUBSCRIBED`,
    ),
  );
  bindValue(container, TOKENS.MeteringProvider, overrides.provider, () =>
    enedis.clientId && enedis.clientSecret
      ? new EnedisHttpProvider({
          generation: enedis.apiVersion,
          baseUrl: enedis.baseUrl,
          authorizeUrl: enedis.authorizeUrl,
          authorizeVersion: enedis.authorizeVersion,
          redirectUri: enedis.redirectUri,
          clientId: enedis.clientId,
          clientSecret: enedis.clientSecret,
          timeoutMs: enedis.timeoutMs,
          tokens: container.get(TOKENS.TokenStore),
          throttle: container.get(TOKENS.UpstreamThrottle),
          clock,
          onApiNotSubscribed: notSubscribed,
          onExchange: (exchange) => {
            metrics.observeEnedis(exchange);
            logger.debug({ component: 'enedis', ...exchange, ms: Math.round(exchange.ms) }, 'Enedis call');
          },
        })
      : new MockEnedisProvider(clock, callbackUrl),
  );
  // The demo serves any past day, so that the seed's 2024 examples keep answering after 2027.
  bindValue(container, TOKENS.DemoMeteringProvider, overrides.demoProvider, () => new MockEnedisProvider(clock, callbackUrl, { historyLimited: false }));
  // RTE's public signals: its APIs when credentials are given, MockRte otherwise.
  // RTE's calls spend budgets of the same throttle as Enedis' (one per RTE API, shared between processes through Redis).
  bindValue(container, TOKENS.GridSignals, overrides.gridSignals, () =>
    config.rte ? new RteGridSignals(config.rte, clock, fetch, container.get(TOKENS.UpstreamThrottle)) : new MockRte(clock),
  );
}

export const describeMetering = (config: ResolvedConfig, overrides: Overrides): string =>
  overrides.provider ? 'overridden' : config.enedis.clientId ? `enedis ${config.enedis.apiVersion} (${config.enedis.baseUrl})` : 'mock-enedis';
