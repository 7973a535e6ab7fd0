/** A small load generator: `connections` loops, each sending what `next` gives, until `durationMs` ends. */
export interface Outcome {
  readonly kind: string;
  readonly status: number;
  readonly ms: number;
  readonly code?: string;
  readonly headers: Headers;
  readonly body: any;
}

export interface Call {
  readonly kind: string;
  readonly url: string;
  readonly init?: RequestInit;
}

export const REQUEST_TIMEOUT_MS = 15_000;

export async function drive(
  connections: number,
  durationMs: number,
  next: (loop: number, i: number) => Call,
  onOutcome?: (o: Outcome) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const call = next(loop, i);
        const started = performance.now();
        let outcome: Outcome;
        try {
          const res = await fetch(call.url, { ...call.init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          const text = await res.text();
          let body: any = null;
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
          outcome = { kind: call.kind, status: res.status, ms: performance.now() - started, code: body?.error?.code, headers: res.headers, body };
        } catch (error) {
          outcome = {
            kind: call.kind,
            status: (error as Error).name === 'TimeoutError' ? -1 : 0,
            ms: performance.now() - started,
            code: (error as Error).name,
            headers: new Headers(),
            body: null,
          };
        }
        outcomes.push(outcome);
        onOutcome?.(outcome);
      }
    }),
  );
  return outcomes;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function histogram(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.status === -1 ? 'timeout' : o.status === 0 ? 'network' : `${o.status}${o.code ? ` ${o.code}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort()
    .map(([k, n]) => `${k}×${n}`)
    .join(', ');
}
