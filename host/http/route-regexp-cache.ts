import { createRequire } from 'node:module';

type PathToRegexp = (path: string, options?: { sensitive?: boolean; strict?: boolean }) => unknown;

/**
 * express-openapi-validator (5.6) compiles every route's path with path-to-regexp on every request,
 * which costs more than all the gateway's own work on a cached read. The compilation is a pure
 * function of its arguments, so its results are kept: the validator then finds routes as before,
 * without recompiling them. Installed once, before the validator is created.
 */
export function cacheRouteCompilation(): void {
  const require = createRequire(import.meta.url);
  const module = require(require.resolve('path-to-regexp', { paths: [require.resolve('express-openapi-validator')] })) as {
    pathToRegexp: PathToRegexp & { cached?: true };
  };
  if (module.pathToRegexp.cached) return;
  const compile = module.pathToRegexp;
  // One table per combination of the two options, keyed by the route's path.
  const tables = [0, 1, 2, 3].map(() => new Map<string, unknown>());
  const cached: PathToRegexp & { cached?: true } = (path, options) => {
    const results = tables[(options?.sensitive ? 2 : 0) + (options?.strict ? 1 : 0)]!;
    let result = results.get(path);
    if (result === undefined) {
      result = compile(path, options);
      results.set(path, result);
    }
    return result;
  };
  cached.cached = true;
  module.pathToRegexp = cached;
}
