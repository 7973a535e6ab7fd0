import { connect } from 'node:net';
import { describe } from 'vitest';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
/** A database index of its own, so tests never touch a developer's cache. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

export const servicesRequired = process.env.REQUIRE_SERVICES === '1';

/** True when something accepts TCP connections at the URL's host and port. */
export function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) || defaultPort });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const probes = { postgresql: () => reachable(PG_URL, 5432), redis: () => reachable(REDIS_URL, 6379) };

/**
 * A describe block that needs real servers. Without them it is skipped, and says so; with
 * REQUIRE_SERVICES=1 (as CI runs) a missing server fails the run instead.
 */
export async function describeWithServices(name: string, services: ReadonlyArray<keyof typeof probes>, body: () => void): Promise<void> {
  const missing: string[] = [];
  for (const service of services) if (!(await probes[service]())) missing.push(service);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  if (servicesRequired) throw new Error(`${name}: ${missing.join(' and ')} unreachable and REQUIRE_SERVICES=1`);
  describe.skip(`${name} (skipped: ${missing.join(' and ')} unreachable)`, body);
}
