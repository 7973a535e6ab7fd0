import type { Container } from 'inversify';

/** Binds `id` to the override when there is one, else to what `build` makes, once. */
export function bindValue<T>(container: Container, id: symbol, override: T | undefined, build: () => T) {
  container
    .bind<T>(id)
    .toResolvedValue(() => override ?? build())
    .inSingletonScope();
}
