import { DEMO_EMAIL, DEMO_PASSWORD } from '../../../domain/use-cases/demo-account.js';
import type { HealthCheck } from '../../container.js';
import { HealthProblem } from '../../health-problem.js';
import type { OpenApiDocument } from '../openapi-document.js';
import type { TagRouter } from '../operations.js';

const CHECK_TIMEOUT_MS = 2000;

async function probe(check: HealthCheck) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok' as const, latency_ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const detail = error instanceof HealthProblem || (error instanceof Error && error.message.startsWith('no answer')) ? error.message : 'not reachable';
    return { status: 'down' as const, detail };
  } finally {
    clearTimeout(timer);
  }
}

export interface PublicFacts {
  readonly requireCaptcha: boolean;
  readonly requireEmailVerification: boolean;
  /** Whether the demo account is offered (its password is public). */
  readonly demo: boolean;
}

export function healthRouter(version: string, checks: readonly HealthCheck[], doc: OpenApiDocument, facts: PublicFacts): TagRouter {
  return {
    tag: 'Health',
    handlers: {
      ping: async (_req, res) => {
        res.json({ status: 'ok', version });
      },
      health: async (_req, res) => {
        const results = await Promise.all(checks.map(async (check) => [check, await probe(check)] as const));
        const down = results.some(([check, result]) => check.critical && result.status === 'down');
        const degraded = results.some(([, result]) => result.status === 'down');
        res.status(down ? 503 : 200).json({
          status: down ? 'down' : degraded ? 'degraded' : 'ok',
          version,
          checks: Object.fromEntries(results.map(([check, result]) => [check.name, result])),
        });
      },
      getMeta: async (_req, res) => {
        res.json({
          version,
          require_captcha: facts.requireCaptcha,
          require_email_verification: facts.requireEmailVerification,
          demo: facts.demo ? { email: DEMO_EMAIL, password: DEMO_PASSWORD } : null,
        });
      },
      getOpenApi: async (_req, res) => {
        res.type('application/yaml').send(doc.text);
      },
    },
  };
}
