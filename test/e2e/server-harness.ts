/**
 * A server on a temporary SQLite file, driven through app.inject (no port). Accounts for every
 * role, made the way a user makes them: bootstrap admin -> invitations -> accept -> sign in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/core/roles.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { AccountsService } from '../../src/services/accounts.service.js';
import { AnalyzeService } from '../../src/services/analyze.service.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite.store.js';

/** Cheap scrypt for tests only (production: N = 2^17). */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
let reader: AnalyzeService | undefined;

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

export interface Harness {
  readonly app: App;
  readonly store: SqliteStore;
  readonly dbPath: string;
  readonly admin: Session;
  login(email: string, password: string): Promise<Session>;
  /** Invites, accepts and signs in a user of that role. */
  user(email: string, role: Role, partyId?: string): Promise<Session>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

export async function startHarness(options: Partial<ServerOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-server-'));
  const dbPath = join(dir, 'truce.db');
  const store = await openSqliteStore({ path: dbPath, synchronous: 'NORMAL' });
  reader ??= new AnalyzeService();
  const app = await buildServer({ store, secureCookies: false, scrypt: FAST_SCRYPT, analyze: reader, ...options });
  const first = await new AccountsService(store, { scrypt: FAST_SCRYPT }).bootstrapAdmin();
  if (!first) throw new Error('bootstrap made no admin');

  const login = async (email: string, password: string): Promise<Session> => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (r.statusCode !== 200) throw new Error(`login ${email}: ${r.statusCode} ${r.body}`);
    // Behind https the cookie is __Host-truce_session.
    const c = r.cookies.find((x) => x.name.endsWith('truce_session'));
    return { cookie: `${c?.name}=${c?.value}`, csrf: r.json().csrfToken };
  };
  // The bootstrap admin's password is one-time: replace it, as the first sign-in must, before acting.
  const once = await login(first.email, first.password);
  const changed = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: { cookie: once.cookie, 'x-csrf-token': once.csrf },
    payload: { current: first.password, next: PASSWORD },
  });
  if (changed.statusCode !== 204) throw new Error(`admin password change: ${changed.statusCode} ${changed.body}`);
  const admin = await login(first.email, PASSWORD);
  const user = async (email: string, role: Role, partyId?: string): Promise<Session> => {
    const inv = await app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { email, role, ...(partyId ? { partyId } : {}) },
    });
    if (inv.statusCode !== 201) throw new Error(`invite ${email}: ${inv.body}`);
    const acc = await app.inject({
      method: 'POST',
      url: `/api/invitations/${inv.json().token}/accept`,
      payload: { password: PASSWORD },
    });
    if (acc.statusCode !== 201) throw new Error(`accept ${email}: ${acc.body}`);
    return login(email, PASSWORD);
  };
  return {
    app,
    store,
    dbPath,
    admin,
    login,
    user,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headers for a signed-in request (cookie + CSRF). */
export const as = (s: Session | null) => (s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {});
