import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { EmailTaken } from '../../domain/errors.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { NewUser, Role, User, UserCounts, UserPatch, UserQuery } from '../../domain/user.js';
import type { UserRepo } from '../../ports/user-repo.js';
import { UserModel } from './models.js';
import { guarded, isoNow, toDate } from './sql-errors.js';

function toUser(row: UserModel): User {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    clientId: row.client_id,
    clientSecretHash: row.client_secret_hash,
    clientSecretSealed: row.client_secret_sealed,
    emailVerified: Boolean(row.email_verified),
    debugMode: Boolean(row.debug_mode),
    isActive: Boolean(row.is_active),
    role: row.role as Role,
    isDemo: Boolean(row.is_demo),
    tokenVersion: Number(row.token_version ?? 0),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

const COLUMNS: { [K in Exclude<keyof UserPatch, 'revokeTokens'>]-?: string } = {
  passwordHash: 'password_hash',
  clientSecretHash: 'client_secret_hash',
  clientSecretSealed: 'client_secret_sealed',
  emailVerified: 'email_verified',
  debugMode: 'debug_mode',
  isActive: 'is_active',
  role: 'role',
};

export class SqlUserRepo implements UserRepo {
  constructor(private readonly knex: Knex) {}

  create(user: NewUser): Promise<Result<User, EmailTaken>> {
    const now = isoNow();
    return guarded<Result<User, EmailTaken>>(
      async () => {
        const row = await UserModel.query(this.knex).insertAndFetch({
          id: randomUUID(),
          email: user.email,
          password_hash: user.passwordHash,
          client_id: user.clientId,
          client_secret_hash: user.clientSecretHash,
          client_secret_sealed: user.clientSecretSealed,
          email_verified: user.emailVerified,
          debug_mode: user.debugMode,
          is_active: user.isActive,
          role: user.role,
          is_demo: user.isDemo,
          created_at: now,
          updated_at: now,
        });
        return ok(toUser(row));
      },
      (violation) => {
        if (/email/.test(violation.names)) return err({ kind: 'EmailTaken' });
        throw new Error(`unexpected unique violation: ${violation.names}`);
      },
    );
  }

  findById(id: string): Promise<User | null> {
    return this.findBy('id', id);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.findBy('email', email.toLowerCase());
  }

  findByClientId(clientId: string): Promise<User | null> {
    return this.findBy('client_id', clientId);
  }

  findByClientSecretHash(hash: string): Promise<User | null> {
    return this.findBy('client_secret_hash', hash);
  }

  update(id: string, patch: UserPatch): Promise<User | null> {
    const { revokeTokens, ...fields } = patch;
    const changes: Record<string, unknown> = { updated_at: isoNow() };
    for (const [key, value] of Object.entries(fields)) changes[COLUMNS[key as keyof typeof fields]] = value;
    if (revokeTokens) changes.token_version = this.knex.raw('token_version + 1');
    return guarded(async () => {
      const updated = await UserModel.query(this.knex).patch(changes).where('id', id);
      return updated > 0 ? this.findById(id) : null;
    });
  }

  delete(id: string): Promise<boolean> {
    // Meters and tokens go with the account through ON DELETE CASCADE, inside this one statement.
    return guarded(async () => (await UserModel.query(this.knex).deleteById(id)) > 0);
  }

  list(query: UserQuery): Promise<{ users: User[]; total: number }> {
    return guarded(async () => {
      const matching = () => {
        const q = UserModel.query(this.knex);
        // Emails are stored lower case; the pattern's own wildcards are escaped.
        if (query.search) q.where('email', 'like', `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        return q;
      };
      const [rows, [{ count }]] = await Promise.all([
        matching().orderBy('created_at', 'desc').orderBy('id').offset(query.offset).limit(query.limit),
        matching().count('* as count') as unknown as Promise<[{ count: number | string }]>,
      ]);
      return { users: rows.map(toUser), total: Number(count) };
    });
  }

  counts(): Promise<UserCounts> {
    return guarded(async () => {
      const rows = (await this.knex('users')
        .select('role', 'is_active', 'email_verified')
        .count('* as count')
        .groupBy('role', 'is_active', 'email_verified')) as Array<{
        role: Role;
        is_active: boolean | number;
        email_verified: boolean | number;
        count: number | string;
      }>;
      const byRole: Record<Role, number> = { admin: 0, moderator: 0, visitor: 0 };
      let total = 0;
      let active = 0;
      let verified = 0;
      for (const row of rows) {
        const n = Number(row.count);
        total += n;
        if (row.is_active) active += n;
        if (row.email_verified) verified += n;
        byRole[row.role] = (byRole[row.role] ?? 0) + n;
      }
      return { total, active, verified, byRole };
    });
  }

  private findBy(column: string, value: string): Promise<User | null> {
    // No stored value holds NUL, and PostgreSQL refuses it in a query: nothing can match.
    if (value.includes('\u0000')) return Promise.resolve(null);
    return guarded(async () => {
      const row = await UserModel.query(this.knex).findOne(column, value);
      return row ? toUser(row) : null;
    });
  }
}
