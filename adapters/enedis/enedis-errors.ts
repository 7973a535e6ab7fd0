import type { ProviderFailure } from '../../domain/errors.js';

/** An error answer that was not JSON (a proxy's or a firewall's HTML page): only its status and type are kept. */
export class NonJsonBody {
  constructor(
    readonly status: number,
    readonly contentType: string | null,
  ) {}

  get summary(): string {
    return `HTTP ${this.status} with a page that is not JSON${this.contentType ? ` (${this.contentType.split(';')[0]})` : ''}`;
  }
}

/** The Enedis API a path belongs to (its first segment): quotas and subscriptions are per API. */
export const apiOf = (path: string): string => path.split('/').filter(Boolean)[0] ?? path;

/** What an Enedis error answer means for the caller. */
export type EnedisRefusal = ProviderFailure | { readonly kind: 'SpanTooLong' };

interface ErrorBody {
  error?: unknown;
  error_description?: unknown;
  code?: unknown;
  message?: unknown;
  description?: unknown;
  fault?: { code?: unknown; message?: unknown; description?: unknown };
}

/** The error code and text of any of the error bodies Enedis is known to send. */
export function errorOf(body: unknown): { code: string; description: string } {
  if (body instanceof NonJsonBody) return { code: `HTTP ${body.status}`, description: body.summary };
  const b = (body ?? {}) as ErrorBody;
  const code = b.error ?? b.code ?? b.fault?.code ?? '';
  const description = b.error_description ?? b.message ?? b.description ?? b.fault?.description ?? b.fault?.message ?? '';
  return { code: String(code), description: String(description) };
}

/**
 * Enedis' business errors (reference §1.6) as domain failures. Codes are compared without regard
 * to `-` or `_` (the Swagger spells ADAM_DC_0008 where answers say ADAM-DC-0008).
 */
export function refusalOf(status: number, body: unknown, api: string): EnedisRefusal {
  // A page that is not Enedis' JSON says nothing of the meter: the path to Enedis failed.
  if (body instanceof NonJsonBody) return { kind: 'UpstreamUnavailable', message: `Enedis' gateway answered ${body.summary}` };
  const { code, description } = errorOf(body);
  const normalised = code.toUpperCase().replace(/_/g, '-');
  const message = description ? `${code}: ${description}` : code || `HTTP ${status}`;
  switch (normalised) {
    case 'ADAM-DC-0008':
    case 'STM-ERR-0000019':
      return { kind: 'NoConsent', message };
    case 'ADAM-DC-0007':
    case 'ADAM-ERR0061':
      return { kind: 'NotHolder', message };
    case 'ADAM-ERR0069':
      return { kind: 'WrongDirection', message };
    case 'ADAM-ERR0123':
      return { kind: 'BeforeActivation', message };
    case 'ADAM-ERR0125':
    case 'ADAM-DC-0016':
    case 'ADAM-DC-0009':
      return { kind: 'BeyondHistory', message };
    case 'ADAM-ERR0126':
    case 'ADAM-DC-0015':
      return { kind: 'SpanTooLong' };
    case '900908':
    case 'UNAUTHORIZED-USER':
      return { kind: 'ApiNotSubscribed', api, message: `${api}: ${message}` };
    case 'NO-DATA-FOUND':
    case 'STM-ERR-0000020':
    case 'STM-ERR-0000014':
    case 'ADAM-ERR0075':
      return { kind: 'NoData', message };
    default:
      break;
  }
  if (status === 401) return { kind: 'UpstreamUnavailable', message: `Enedis rejected the gateway's access token (${message})` };
  if (status === 404) return { kind: 'NoData', message };
  if (status === 403) return { kind: 'NoConsent', message };
  if (status >= 500) return { kind: 'UpstreamUnavailable', message };
  return { kind: 'BadUpstreamData', message: `Enedis refused the request: ${message}` };
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/**
 * How long a 429 asks to wait, in ms, from the Retry-After header or any of the three body formats:
 * `nextAccessTime` ("2026-Jul-17 05:00:00+0000 UTC"), the legacy Q3/Q4 text (Q4 is the hourly quota:
 * wait for the next hour), or WSO2's fault (no time given: null, the caller backs off).
 */
export function retryAfterMs(headers: Headers, body: unknown, now: number): number | null {
  const header = headers.get('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const b = (body ?? {}) as { nextAccessTime?: unknown; description?: unknown; error_description?: unknown };
  const text = [b.nextAccessTime, b.description, b.error_description].filter((x) => typeof x === 'string').join(' ');
  const next = /(\d{4})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\s*\+0000/.exec(text);
  if (next && MONTHS[next[2]!.toLowerCase()] !== undefined) {
    const at = Date.UTC(+next[1]!, MONTHS[next[2]!.toLowerCase()]!, +next[3]!, +next[4]!, +next[5]!, +next[6]!);
    return Math.max(0, at - now);
  }
  if (/\bQ4\b/.test(text)) return 3_600_000 - (now % 3_600_000);
  if (/\bQ3\b/.test(text)) return 1000;
  return null;
}
