/** Inversify service identifiers. One per port, plus what the host itself needs. */
export const TOKENS = {
  Config: Symbol.for('Config'),
  Logger: Symbol.for('Logger'),
  SqlClient: Symbol.for('SqlClient'),
  UserRepo: Symbol.for('UserRepo'),
  PdlRepo: Symbol.for('PdlRepo'),
  TokenStore: Symbol.for('TokenStore'),
  DayCache: Symbol.for('DayCache'),
  RateLimiter: Symbol.for('RateLimiter'),
  MeteringProvider: Symbol.for('MeteringProvider'),
  DemoMeteringProvider: Symbol.for('DemoMeteringProvider'),
  Clock: Symbol.for('Clock'),
  Keyring: Symbol.for('Keyring'),
  PasswordHasher: Symbol.for('PasswordHasher'),
  AccessTokens: Symbol.for('AccessTokens'),
  UseCases: Symbol.for('UseCases'),
  HealthChecks: Symbol.for('HealthChecks'),
} as const;
