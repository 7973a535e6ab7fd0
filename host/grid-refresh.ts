import { addDays } from '../domain/local-date.js';
import { parisDate } from '../domain/paris-time.js';
import { ECOWATT_DAYS_AHEAD } from '../domain/ecowatt.js';
import { tempoYearOf } from '../domain/tempo.js';
import type { Clock } from '../ports/clock.js';
import type { GridSignals } from '../ports/grid-signals.js';
import type { Logger } from './logger.js';

/**
 * Keeps the grid signals warm on a schedule, so that requests are answered from what the adapter
 * holds rather than each asking RTE: the Tempo year so far and tomorrow (RTE publishes it about
 * 11:00; past days are final and asked once), and EcoWatt for today and the days ahead. Each pass
 * spends the RTE budgets like any call; a failure is logged and the next pass tries again. Nothing
 * of the metering routes waits for it.
 */
export function startGridRefresh(signals: GridSignals, clock: Clock, everyMs: number, logger: Logger) {
  const pass = async () => {
    const today = parisDate(clock.now());
    const [tempo, ecowatt] = await Promise.all([
      signals.tempoDays({ start: tempoYearOf(today).start, end: addDays(today, 2) }),
      signals.ecowattDays({ start: today, end: addDays(today, ECOWATT_DAYS_AHEAD + 1) }),
    ]);
    for (const [name, answer] of [
      ['tempo', tempo],
      ['ecowatt', ecowatt],
    ] as const) {
      if (answer.ok) logger.debug({ component: 'grid', signal: name, days: answer.value.length }, 'grid signals refreshed');
      else logger.warn({ component: 'grid', signal: name, failure: answer.error.kind }, 'grid signals not refreshed; next pass will try again');
    }
    return { tempo: tempo.ok ? tempo.value.length : null, ecowatt: ecowatt.ok ? ecowatt.value.length : null };
  };
  const run = () => void pass().catch((error: unknown) => logger.warn({ component: 'grid', err: error }, 'grid refresh failed'));
  const timer = everyMs > 0 ? setInterval(run, everyMs) : null;
  timer?.unref();
  if (timer) run();
  return { pass, stop: () => (timer ? clearInterval(timer) : undefined) };
}
