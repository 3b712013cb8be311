/**
 * Users, sessions, API tokens, invitations, password resets and the mail outbox. The store keeps
 * only hashes of secrets (src/auth makes and hashes them); every write is one statement, and the
 * one-time consumptions are a single conditional UPDATE, so two racing uses cannot both succeed.
 */
import type { Row, Sql } from './sql-runner.js';

import type { Role } from '../core/roles.js';

export { ROLES, type Role } from '../core/roles.js';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly role: Role;
  /** The party a liaison officer represents; null for every other role. */
  readonly partyId: string | null;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface NewUser {
  readonly email: string;
  readonly role: Role;
  readonly partyId: string | null;
  readonly passwordHash: string;
  readonly mustChangePassword?: boolean;
}

export interface Invitation {
  readonly id: number;
  readonly email: string;
  readonly role: Role;
  readonly partyId: string | null;
  readonly invitedBy: number | null;
  readonly expiresAt: string;
}

export interface ApiToken {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** When it stops working by itself; null: never. */
  readonly expiresAt: string | null;
  /** The last request it authenticated, to within TOKEN_USE_INTERVAL_MS; null: never used. */
  readonly lastUsedAt: string | null;
}

/** A token's last use is written at most this often, so its requests are not each a write. */
export const TOKEN_USE_INTERVAL_MS = 60_000;

export interface OutboxMail {
  readonly id: number;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface AccountStore {
  countUsers(): Promise<number>;
  createUser(user: NewUser): Promise<User>;
  getUser(id: number): Promise<User | null>;
  getUserByEmail(email: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  setPassword(userId: number, passwordHash: string, mustChange: boolean): Promise<void>;
  setDisabled(userId: number, disabled: boolean): Promise<void>;

  createSession(idHash: string, userId: number, expiresAt: string): Promise<void>;
  /** The live (unrevoked, unexpired at `now`), enabled user behind a session hash. */
  sessionUser(idHash: string, now: string): Promise<User | null>;
  revokeSession(idHash: string, now: string): Promise<void>;
  /** Revokes every live session of the user, except the one whose hash is `exceptHash` when given. */
  revokeSessionsOf(userId: number, now: string, exceptHash?: string): Promise<number>;

  /** `expiresAt` null (the default): the token works until revoked. */
  createToken(tokenHash: string, userId: number, name: string, expiresAt?: string | null): Promise<ApiToken>;
  /**
   * The enabled user behind a token that is neither revoked nor expired at `now`, with the token's
   * recorded last use (so the caller can tell whether touchToken is due without writing).
   */
  tokenUser(tokenHash: string, now: string): Promise<{ user: User; tokenId: number; lastUsedAt: string | null } | null>;
  /**
   * Records a use of the token at `at`, unless one at or after `at - minIntervalMs` is recorded
   * already (one conditional UPDATE, so racing requests write it once); true when it wrote.
   */
  touchToken(id: number, at: string, minIntervalMs?: number): Promise<boolean>;
  listTokens(userId: number): Promise<ApiToken[]>;
  revokeToken(id: number, userId: number, now: string): Promise<boolean>;

  createInvitation(tokenHash: string, invitation: Omit<Invitation, 'id'>): Promise<Invitation>;
  /** Marks the invitation used and returns it, if it exists, is unused and unexpired; else null. */
  consumeInvitation(tokenHash: string, now: string): Promise<Invitation | null>;

  createPasswordReset(tokenHash: string, userId: number, expiresAt: string): Promise<void>;
  /** Marks the reset used and returns its user id, if valid at `now`; else null. */
  consumePasswordReset(tokenHash: string, now: string): Promise<number | null>;

  putMail(recipient: string, subject: string, body: string): Promise<number>;
  listOutbox(limit?: number): Promise<OutboxMail[]>;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const now = (): string => new Date().toISOString();

function toUser(r: Row): User {
  return {
    id: Number(r.id),
    email: r.email as string,
    role: r.role as Role,
    partyId: (r.party_id as string | null) ?? null,
    passwordHash: r.password_hash as string,
    mustChangePassword: Number(r.must_change_password) === 1,
    disabled: Number(r.disabled) === 1,
    createdAt: iso(r.created_at),
  };
}

function toInvitation(r: Row): Invitation {
  return {
    id: Number(r.id),
    email: r.email as string,
    role: r.role as Role,
    partyId: (r.party_id as string | null) ?? null,
    invitedBy: r.invited_by === null ? null : Number(r.invited_by),
    expiresAt: iso(r.expires_at),
  };
}

function toToken(r: Row): ApiToken {
  return {
    id: Number(r.id),
    userId: Number(r.user_id),
    name: r.name as string,
    createdAt: iso(r.created_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
    expiresAt: r.expires_at === null || r.expires_at === undefined ? null : iso(r.expires_at),
    lastUsedAt: r.last_used_at === null || r.last_used_at === undefined ? null : iso(r.last_used_at),
  };
}

export function createAccountStore(sql: Sql): AccountStore {
  const userBy = async (where: string, value: unknown) => {
    const r = await sql.get(`SELECT * FROM users WHERE ${where}`, [value]);
    return r ? toUser(r) : null;
  };
  return {
    async countUsers() {
      return Number((await sql.get('SELECT count(*) AS n FROM users'))?.n ?? 0);
    },
    async createUser(u) {
      const r = await sql.get(
        `INSERT INTO users (email, role, party_id, password_hash, must_change_password, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
        [u.email, u.role, u.partyId, u.passwordHash, u.mustChangePassword ? 1 : 0, now()],
      );
      return toUser(r as Row);
    },
    getUser: (id) => userBy('id = ?', id),
    getUserByEmail: (email) => userBy('lower(email) = lower(?)', email),
    async listUsers() {
      return (await sql.all('SELECT * FROM users ORDER BY id')).map(toUser);
    },
    async setPassword(userId, hash, mustChange) {
      await sql.run('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?', [
        hash,
        mustChange ? 1 : 0,
        userId,
      ]);
    },
    async setDisabled(userId, disabled) {
      await sql.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, userId]);
    },

    async createSession(idHash, userId, expiresAt) {
      await sql.run('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        idHash,
        userId,
        now(),
        expiresAt,
      ]);
    },
    async sessionUser(idHash, at) {
      const r = await sql.get(
        `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0`,
        [idHash, at],
      );
      return r ? toUser(r) : null;
    },
    async revokeSession(idHash, at) {
      await sql.run('UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL', [at, idHash]);
    },
    async revokeSessionsOf(userId, at, exceptHash) {
      if (exceptHash === undefined)
        return sql.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [at, userId]);
      return sql.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id_hash <> ?', [
        at,
        userId,
        exceptHash,
      ]);
    },

    async createToken(tokenHash, userId, name, expiresAt = null) {
      const r = await sql.get(
        'INSERT INTO api_tokens (token_hash, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
        [tokenHash, userId, name, now(), expiresAt],
      );
      return toToken(r as Row);
    },
    async tokenUser(tokenHash, at) {
      const r = await sql.get(
        `SELECT u.*, t.id AS token_id, t.last_used_at AS token_last_used_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
           AND u.disabled = 0`,
        [tokenHash, at],
      );
      if (!r) return null;
      const used = r.token_last_used_at;
      return { user: toUser(r), tokenId: Number(r.token_id), lastUsedAt: used === null ? null : iso(used) };
    },
    async touchToken(id, at, minIntervalMs = TOKEN_USE_INTERVAL_MS) {
      // Both in toISOString's one format, so the text comparison is a time comparison.
      const when = Date.parse(at);
      const since = new Date(when - minIntervalMs).toISOString();
      const n = await sql.run(
        'UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)',
        [new Date(when).toISOString(), id, since],
      );
      return n > 0;
    },
    async listTokens(userId) {
      return (await sql.all('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id', [userId])).map(toToken);
    },
    async revokeToken(id, userId, at) {
      const n = await sql.run(
        'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL',
        [at, id, userId],
      );
      return n > 0;
    },

    async createInvitation(tokenHash, inv) {
      const r = await sql.get(
        `INSERT INTO invitations (token_hash, email, role, party_id, invited_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [tokenHash, inv.email, inv.role, inv.partyId, inv.invitedBy, now(), inv.expiresAt],
      );
      return toInvitation(r as Row);
    },
    async consumeInvitation(tokenHash, at) {
      const r = await sql.get(
        `UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING *`,
        [at, tokenHash, at],
      );
      return r ? toInvitation(r) : null;
    },

    async createPasswordReset(tokenHash, userId, expiresAt) {
      await sql.run('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        tokenHash,
        userId,
        now(),
        expiresAt,
      ]);
    },
    async consumePasswordReset(tokenHash, at) {
      const r = await sql.get(
        `UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id`,
        [at, tokenHash, at],
      );
      return r ? Number(r.user_id) : null;
    },

    async putMail(recipient, subject, body) {
      const r = await sql.get(
        'INSERT INTO outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?) RETURNING id',
        [recipient, subject, body, now()],
      );
      return Number(r?.id);
    },
    async listOutbox(limit = 100) {
      const rows = await sql.all('SELECT * FROM outbox ORDER BY id DESC LIMIT ?', [limit]);
      return rows.map((r) => ({
        id: Number(r.id),
        recipient: r.recipient as string,
        subject: r.subject as string,
        body: r.body as string,
        createdAt: iso(r.created_at),
      }));
    },
  };
}
