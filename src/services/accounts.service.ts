/**
 * Use case: accounts. Sign-up only by an admin's invitation; sign-in makes a revocable session;
 * machine clients get API tokens; password resets are one-time links. Mail goes to the outbox
 * table, which the admin reads until SMTP is configured. Every change and its audit entry are one
 * transaction; password hashing (slow) happens before it opens.
 */
import { TruceError } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import {
  decoyHash,
  DEFAULT_PARAMS,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
  type ScryptParams,
} from '../auth/password.js';
import { actorOf, requireRole, type Principal } from '../auth/principal.js';
import { csrfTokenFor, hashSecret, newSecret, oneTimePassword } from '../auth/secrets.js';
import { TOKEN_USE_INTERVAL_MS } from '../store/accounts.store.js';
import type { Store, User } from '../store/store.js';
import { AuditService } from './audit.service.js';

export interface AccountsOptions {
  readonly scrypt?: ScryptParams;
  readonly sessionHours?: number;
  readonly invitationHours?: number;
  readonly resetMinutes?: number;
  /** Base of the links written to the outbox, e.g. http://127.0.0.1:8080 */
  readonly baseUrl?: string;
  readonly now?: () => Date;
}

export interface SignedIn {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly user: User;
  readonly expiresAt: string;
}

/** The longest life an API token may be given (POST /api/tokens expiresInDays). */
export const MAX_TOKEN_DAYS = 365;

const summary = (u: User) => ({ id: u.id, email: u.email, role: u.role, partyId: u.partyId, disabled: u.disabled });

export class AccountsService {
  private readonly audit: AuditService;
  private readonly params: ScryptParams;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    private readonly options: AccountsOptions = {},
  ) {
    this.audit = new AuditService(store);
    this.params = options.scrypt ?? DEFAULT_PARAMS;
    this.now = options.now ?? (() => new Date());
  }

  private after(ms: number): string {
    return new Date(this.now().getTime() + ms).toISOString();
  }

  private checkPassword(password: string): void {
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new TruceError('E007_BAD_OPTION', {
        option: 'password',
        reason: `use at least ${MIN_PASSWORD_LENGTH} characters`,
      });
  }

  /**
   * On an empty users table: an admin with a one-time password (to print once); else null.
   * `actor` is who started it (`cli:<os user>` from `truce serve`).
   */
  async bootstrapAdmin(
    email = 'admin@localhost',
    actor = 'system',
  ): Promise<{ email: string; password: string } | null> {
    if ((await this.store.accounts.countUsers()) > 0) return null;
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password, this.params);
    return this.store.transaction(async () => {
      if ((await this.store.accounts.countUsers()) > 0) return null;
      const user = await this.store.accounts.createUser({
        email,
        role: 'admin',
        partyId: null,
        passwordHash,
        mustChangePassword: true,
      });
      await this.audit.record({ actor, action: 'user.bootstrap', subject: `user:${user.id}`, after: summary(user) });
      return { email, password };
    });
  }

  async login(email: string, password: string): Promise<SignedIn> {
    const user = await this.store.accounts.getUserByEmail(email);
    // Unknown emails still pay for one scrypt, so timing does not tell which accounts exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash(this.params)));
    if (!user || !ok || user.disabled)
      throw new TruceError('E020_UNAUTHENTICATED', { reason: 'wrong email or password' });
    const sessionId = newSecret('ses');
    const expiresAt = this.after((this.options.sessionHours ?? 12) * 3_600_000);
    await this.store.transaction(async () => {
      await this.store.accounts.createSession(hashSecret(sessionId), user.id, expiresAt);
      await this.audit.record({ actor: `user:${user.id}`, action: 'session.login', subject: `user:${user.id}` });
    });
    return { sessionId, csrfToken: csrfTokenFor(sessionId), user, expiresAt };
  }

  async logout(sessionId: string): Promise<void> {
    const hash = hashSecret(sessionId);
    await this.store.transaction(async () => {
      const user = await this.store.accounts.sessionUser(hash, this.now().toISOString());
      await this.store.accounts.revokeSession(hash, this.now().toISOString());
      if (user)
        await this.audit.record({ actor: `user:${user.id}`, action: 'session.logout', subject: `user:${user.id}` });
    });
  }

  async fromSession(sessionId: string): Promise<Principal | null> {
    const u = await this.store.accounts.sessionUser(hashSecret(sessionId), this.now().toISOString());
    if (!u) return null;
    const p: Principal = { userId: u.id, email: u.email, role: u.role, partyId: u.partyId, via: 'session' };
    return u.mustChangePassword ? { ...p, mustChangePassword: true } : p;
  }

  /**
   * The principal behind an API token that is neither revoked nor expired (null otherwise, whichever
   * it is). Its last use is written only when the recorded one is a minute old or more, so most
   * requests cost no write.
   */
  async fromToken(token: string): Promise<Principal | null> {
    const at = this.now();
    const found = await this.store.accounts.tokenUser(hashSecret(token), at.toISOString());
    if (!found) return null;
    if (found.lastUsedAt === null || at.getTime() - Date.parse(found.lastUsedAt) >= TOKEN_USE_INTERVAL_MS)
      await this.store.accounts.touchToken(found.tokenId, at.toISOString());
    const u = found.user;
    return { userId: u.id, email: u.email, role: u.role, partyId: u.partyId, via: 'token', tokenId: found.tokenId };
  }

  async invite(by: Principal | null, input: { email: string; role: Role; partyId?: string | null }) {
    const admin = requireRole(by, 'admin');
    const partyId = input.role === 'liaison' ? (input.partyId ?? null) : null;
    if (input.role === 'liaison' && !partyId)
      throw new TruceError('E007_BAD_OPTION', { option: 'partyId', reason: 'a liaison officer is bound to one party' });
    const token = newSecret('inv');
    const expiresAt = this.after((this.options.invitationHours ?? 72) * 3_600_000);
    const link = `${this.options.baseUrl ?? ''}/invitations/${token}`;
    return this.store.transaction(async () => {
      if (await this.store.accounts.getUserByEmail(input.email))
        throw new TruceError('E024_CONFLICT', { reason: 'an account with this email exists' });
      const inv = await this.store.accounts.createInvitation(hashSecret(token), {
        email: input.email,
        role: input.role,
        partyId,
        invitedBy: admin.userId,
        expiresAt,
      });
      await this.store.accounts.putMail(
        input.email,
        'Your Truce Monitor invitation',
        `Accept before ${expiresAt}: ${link}`,
      );
      await this.audit.record({
        actor: actorOf(by),
        action: 'invitation.create',
        subject: `invitation:${inv.id}`,
        after: { email: inv.email, role: inv.role, partyId: inv.partyId, expiresAt },
      });
      return { id: inv.id, token, expiresAt };
    });
  }

  async acceptInvitation(token: string, password: string): Promise<User> {
    this.checkPassword(password);
    const passwordHash = await hashPassword(password, this.params);
    // One transaction: if the account cannot be made, the invitation is not used up.
    return this.store.transaction(async () => {
      const inv = await this.store.accounts.consumeInvitation(hashSecret(token), this.now().toISOString());
      if (!inv) throw new TruceError('E023_LINK_INVALID', { what: 'invitation' });
      if (await this.store.accounts.getUserByEmail(inv.email))
        throw new TruceError('E024_CONFLICT', { reason: 'an account with this email exists' });
      const user = await this.store.accounts.createUser({
        email: inv.email,
        role: inv.role,
        partyId: inv.partyId,
        passwordHash,
      });
      await this.audit.record({
        actor: `user:${user.id}`,
        action: 'user.create',
        subject: `user:${user.id}`,
        after: summary(user),
      });
      return user;
    });
  }

  /**
   * A token for a machine client: returned once, stored only as its hash. With `expiresInDays` it
   * stops working that many days from now; without, when revoked.
   */
  async createToken(by: Principal | null, name: string, expiresInDays?: number) {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    if (p.via !== 'session')
      throw new TruceError('E021_FORBIDDEN', { reason: 'API tokens are made from a signed-in session' });
    if (
      expiresInDays !== undefined &&
      !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= MAX_TOKEN_DAYS)
    )
      throw new TruceError('E007_BAD_OPTION', {
        option: 'expiresInDays',
        reason: `a whole number of days from 1 to ${MAX_TOKEN_DAYS}`,
      });
    const token = newSecret('tok');
    const expiresAt = expiresInDays === undefined ? null : this.after(expiresInDays * 86_400_000);
    return this.store.transaction(async () => {
      const t = await this.store.accounts.createToken(hashSecret(token), p.userId, name, expiresAt);
      await this.audit.record({
        actor: actorOf(p),
        action: 'token.create',
        subject: `token:${t.id}`,
        after: { name, userId: p.userId, expiresAt },
      });
      return { id: t.id, name: t.name, token, expiresAt: t.expiresAt };
    });
  }

  /** The caller's own API tokens (never their secrets: only hashes are stored). */
  async listTokens(by: Principal | null) {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    return (await this.store.accounts.listTokens(p.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.createdAt,
      revokedAt: t.revokedAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
    }));
  }

  /** Revokes one of the caller's own tokens; another account's token is answered as unknown. */
  async revokeToken(by: Principal | null, id: number): Promise<void> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    await this.store.transaction(async () => {
      if (!(await this.store.accounts.revokeToken(id, p.userId, this.now().toISOString())))
        throw new TruceError('E022_NOT_FOUND', { what: `API token ${id}` });
      await this.audit.record({ actor: actorOf(p), action: 'token.revoke', subject: `token:${id}` });
    });
  }

  /** Always succeeds from the outside, so it does not reveal which emails have accounts. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.store.accounts.getUserByEmail(email);
    if (!user || user.disabled) return;
    const token = newSecret('rst');
    const expiresAt = this.after((this.options.resetMinutes ?? 30) * 60_000);
    const link = `${this.options.baseUrl ?? ''}/reset/${token}`;
    await this.store.transaction(async () => {
      await this.store.accounts.createPasswordReset(hashSecret(token), user.id, expiresAt);
      await this.store.accounts.putMail(
        user.email,
        'Reset your Truce Monitor password',
        `Valid until ${expiresAt}: ${link}`,
      );
      await this.audit.record({ actor: 'public', action: 'password.reset_requested', subject: `user:${user.id}` });
    });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    this.checkPassword(password);
    const passwordHash = await hashPassword(password, this.params);
    await this.store.transaction(async () => {
      const userId = await this.store.accounts.consumePasswordReset(hashSecret(token), this.now().toISOString());
      if (userId === null) throw new TruceError('E023_LINK_INVALID', { what: 'password reset' });
      await this.store.accounts.setPassword(userId, passwordHash, false);
      const revoked = await this.store.accounts.revokeSessionsOf(userId, this.now().toISOString());
      await this.audit.record({
        actor: `user:${userId}`,
        action: 'password.reset',
        subject: `user:${userId}`,
        after: { sessionsRevoked: revoked },
      });
    });
  }

  /**
   * Changes the caller's password and signs out the account's other sessions (one someone else
   * holds must not outlive the change); `sessionId` is the caller's own session, which stays.
   */
  async changePassword(by: Principal | null, current: string, next: string, sessionId?: string | null): Promise<void> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    this.checkPassword(next);
    const user = await this.store.accounts.getUser(p.userId);
    if (!user || !(await verifyPassword(current, user.passwordHash)))
      throw new TruceError('E020_UNAUTHENTICATED', { reason: 'the current password is wrong' });
    const passwordHash = await hashPassword(next, this.params);
    await this.store.transaction(async () => {
      await this.store.accounts.setPassword(user.id, passwordHash, false);
      const keep = sessionId ? hashSecret(sessionId) : undefined;
      const revoked = await this.store.accounts.revokeSessionsOf(user.id, this.now().toISOString(), keep);
      await this.audit.record({
        actor: actorOf(p),
        action: 'password.change',
        subject: `user:${user.id}`,
        after: { sessionsRevoked: revoked },
      });
    });
  }
}
