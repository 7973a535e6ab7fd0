/** A health check's failure whose message is safe and useful to show in /api/health (it names no secret, no host). */
export class HealthProblem extends Error {
  override readonly name = 'HealthProblem';
}
