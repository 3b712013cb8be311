/**
 * Who may call each state-changing route, as a table: every POST/DELETE of the API is called as the
 * public, an analyst, a liaison of each party, a monitor and an admin, and answers the expected
 * 401/403/2xx. The table must cover every state-changing route the OpenAPI document lists, so a new
 * route cannot be added without a row. Then every one of them, called with a session, is refused
 * (and changes nothing) without the CSRF token, with another session's token, as a form post
 * without `_csrf`, or when the browser says another site sent it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, PASSWORD, startHarness, type Harness, type Session } from './server-harness.js';
import { agreementYaml, FIELD_REPORT } from './access-fixtures.js';
import { seedIncident } from './review-fixtures.js';

const AG = 'syria-2016-09-arrangement';
const GOV = 'syrian-government';
const OPP = 'opposition';

type Who = 'anonymous' | 'analyst' | 'gov' | 'opp' | 'monitor' | 'admin';
const EVERYONE: readonly Who[] = ['anonymous', 'analyst', 'gov', 'opp', 'monitor', 'admin'];
const EMAIL: Record<Exclude<Who, 'anonymous'>, string> = {
  analyst: 'analyst@example.org',
  gov: 'gov@example.org',
  opp: 'opp@example.org',
  monitor: 'monitor@example.org',
  admin: 'admin2@example.org',
};

interface Call {
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

interface Row {
  readonly method: 'POST' | 'DELETE';
  /** As the OpenAPI document writes it. */
  readonly path: string;
  readonly expect: Readonly<Record<Who, number>>;
  /** The request `who` makes (fresh data where the call uses it up). */
  request(who: Who): Promise<Call>;
  /** Call with a session of its own (the call ends it). */
  readonly freshSession?: boolean;
}

/** `ok` for the roles named, 403 for the other roles, 401 for the public. */
const only = (ok: number, ...roles: Who[]): Record<Who, number> =>
  Object.fromEntries(EVERYONE.map((w) => [w, roles.includes(w) ? ok : w === 'anonymous' ? 401 : 403])) as Record<
    Who,
    number
  >;
const signedIn = (ok: number) => only(ok, 'analyst', 'gov', 'opp', 'monitor', 'admin');
const anyone = (ok: number) => Object.fromEntries(EVERYONE.map((w) => [w, ok])) as Record<Who, number>;

let h: Harness;
const sessions = {} as Record<Exclude<Who, 'anonymous'>, Session>;
let sharedIncident = 0;
let n = 0;
const unique = () => `${Date.now().toString(36)}-${++n}`;

const inject = (method: string, call: Call, headers: Record<string, string | undefined>) =>
  h.app.inject({
    method: method as 'POST' | 'DELETE',
    url: call.url,
    ...(call.payload === undefined ? {} : { payload: call.payload as string | object }),
    headers: { ...headers, ...call.headers },
  });

const asAdmin = (method: 'POST' | 'GET', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: as(sessions.admin), ...(payload ? { payload } : {}) });

/** A one-time invitation token made by the admin. */
async function invitationToken(): Promise<string> {
  const r = await asAdmin('POST', '/api/invitations', { email: `invited-${unique()}@example.org`, role: 'analyst' });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().token;
}

/** A password-reset token of a throwaway account, read from the outbox. */
async function resetToken(): Promise<string> {
  const email = `reset-${unique()}@example.org`;
  await h.user(email, 'analyst');
  assert.equal((await h.app.inject({ method: 'POST', url: '/api/auth/reset', payload: { email } })).statusCode, 202);
  const mail = (await asAdmin('GET', '/api/outbox'))
    .json()
    .items.find((m: { recipient: string }) => m.recipient === email);
  const token = /\/reset\/([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1];
  assert.ok(token, `no reset link for ${email}`);
  return token;
}

/** The watch `who` will remove (the public tries to remove one of the admin's). */
async function ownWatch(who: Who): Promise<number> {
  const owner = who === 'anonymous' ? sessions.admin : sessions[who];
  const r = await h.app.inject({
    method: 'POST',
    url: '/api/watchlist',
    headers: as(owner),
    payload: { kind: 'actor', value: `Brigade ${unique()}` },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

/** An API token of `who`'s own to revoke (the public tries to revoke one of the admin's). */
async function ownToken(who: Who): Promise<number> {
  const owner = who === 'anonymous' ? sessions.admin : sessions[who];
  const r = await inject('POST', { url: '/api/tokens', payload: { name: `script ${unique()}` } }, as(owner));
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

const ROWS: Row[] = [
  {
    method: 'POST',
    path: '/api/auth/login',
    expect: anyone(200),
    request: async (who) => ({
      url: '/api/auth/login',
      payload: { email: EMAIL[who === 'anonymous' ? 'analyst' : who], password: PASSWORD },
    }),
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: anyone(204),
    freshSession: true,
    request: async () => ({ url: '/api/auth/logout' }),
  },
  {
    method: 'POST',
    path: '/api/auth/password',
    expect: signedIn(204),
    request: async () => ({ url: '/api/auth/password', payload: { current: PASSWORD, next: PASSWORD } }),
  },
  {
    method: 'POST',
    path: '/api/auth/reset',
    expect: anyone(202),
    request: async () => ({ url: '/api/auth/reset', payload: { email: `nobody-${unique()}@example.org` } }),
  },
  {
    method: 'POST',
    path: '/api/auth/reset/{token}',
    expect: anyone(204),
    request: async () => ({ url: `/api/auth/reset/${await resetToken()}`, payload: { password: PASSWORD } }),
  },
  {
    method: 'POST',
    path: '/api/invitations',
    expect: only(201, 'admin'),
    request: async () => ({
      url: '/api/invitations',
      payload: { email: `new-${unique()}@example.org`, role: 'analyst' },
    }),
  },
  {
    method: 'POST',
    path: '/api/invitations/{token}/accept',
    expect: anyone(201),
    request: async () => ({
      url: `/api/invitations/${await invitationToken()}/accept`,
      payload: { password: PASSWORD },
    }),
  },
  {
    method: 'POST',
    path: '/api/tokens',
    expect: signedIn(201),
    request: async () => ({ url: '/api/tokens', payload: { name: `t-${unique()}` } }),
  },
  {
    method: 'POST',
    path: '/api/reports',
    expect: signedIn(201),
    request: async () => ({
      url: '/api/reports',
      payload: { text: `Access test ${unique()}: shelling was reported near Test village on Tuesday.` },
    }),
  },
  {
    method: 'POST',
    path: '/api/agreements/validate',
    expect: signedIn(200),
    request: async () => ({
      url: '/api/agreements/validate',
      payload: agreementYaml('validate-only'),
      headers: { 'content-type': 'text/yaml' },
    }),
  },
  {
    method: 'POST',
    path: '/api/agreements',
    expect: only(201, 'admin'),
    request: async () => ({
      url: '/api/agreements',
      payload: agreementYaml(`access-${unique()}`),
      headers: { 'content-type': 'text/yaml' },
    }),
  },
  {
    method: 'POST',
    path: '/api/incidents/{id}/review',
    expect: only(201, 'monitor', 'admin'),
    request: async (who) => {
      const { incidentId } = await seedIncident(h.store, `Review${unique()}`);
      const to = who === 'gov' || who === 'opp' ? 'disputed' : 'under_review';
      return { url: `/api/incidents/${incidentId}/review`, payload: { to, comment: 'access test' } };
    },
  },
  {
    method: 'POST',
    path: '/api/findings/{findingId}/review',
    // The clash's acting party is the government: only its liaison may dispute the finding.
    expect: { ...only(201, 'monitor', 'admin', 'gov') },
    request: async (who) => {
      const { incidentId } = await seedIncident(h.store, `Finding${unique()}`);
      const to = who === 'monitor' || who === 'admin' ? 'under_review' : 'disputed';
      return { url: `/api/findings/${AG}:cessation:${incidentId}/review`, payload: { to, comment: 'access test' } };
    },
  },
  {
    method: 'POST',
    path: '/api/incidents/{id}/comments',
    expect: signedIn(201),
    request: async () => ({
      url: `/api/incidents/${sharedIncident}/comments`,
      payload: { text: 'access test comment' },
    }),
  },
  {
    method: 'POST',
    path: '/api/field-reports',
    expect: only(201, 'monitor', 'admin'),
    request: async () => ({ url: '/api/field-reports', payload: { ...FIELD_REPORT, notes: `note ${unique()}` } }),
  },
  {
    method: 'POST',
    path: '/api/watchlist',
    expect: signedIn(201),
    request: async () => ({ url: '/api/watchlist', payload: { kind: 'actor', value: `Brigade ${unique()}` } }),
  },
  {
    method: 'POST',
    path: '/api/watchlist/seen',
    expect: signedIn(200),
    request: async () => ({ url: '/api/watchlist/seen', payload: {} }),
  },
  {
    method: 'DELETE',
    path: '/api/tokens/{id}',
    expect: signedIn(204),
    request: async (who) => ({ url: `/api/tokens/${await ownToken(who)}` }),
  },
  {
    method: 'DELETE',
    path: '/api/watchlist/{id}',
    expect: signedIn(204),
    request: async (who) => ({ url: `/api/watchlist/${await ownWatch(who)}` }),
  },
];

before(async () => {
  h = await startHarness({ rateLimits: { login: 100_000, submit: 100_000, export: 100_000 } });
  sessions.analyst = await h.user(EMAIL.analyst, 'analyst');
  sessions.gov = await h.user(EMAIL.gov, 'liaison', GOV);
  sessions.opp = await h.user(EMAIL.opp, 'liaison', OPP);
  sessions.monitor = await h.user(EMAIL.monitor, 'monitor');
  sessions.admin = await h.user(EMAIL.admin, 'admin');
  sharedIncident = (await seedIncident(h.store, 'Shared')).incidentId;
});
after(() => h.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('route access table', () => {
  it('covers every state-changing route of the API', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.deepEqual(ROWS.map(key).sort(), listed.sort());
  });

  for (const row of ROWS)
    it(`${key(row)}: ${EVERYONE.map((w) => `${w} ${row.expect[w]}`).join(', ')}`, async () => {
      for (const who of EVERYONE) {
        const session =
          who === 'anonymous' ? null : row.freshSession ? await h.login(EMAIL[who], PASSWORD) : sessions[who];
        const r = await inject(row.method, await row.request(who), as(session));
        assert.equal(r.statusCode, row.expect[who], `${key(row)} as ${who}: ${r.body}`);
        if (r.statusCode === 401) assert.equal(r.json().code, 'E020', who);
        if (r.statusCode === 403) assert.equal(r.json().code, 'E021', who);
      }
    });

  it("a liaison's API token has the liaison's rights, and needs no CSRF token", async () => {
    const t = await inject('POST', { url: '/api/tokens', payload: { name: 'gov script' } }, as(sessions.gov));
    const bearer = { authorization: `Bearer ${t.json().token}` };
    const { incidentId } = await seedIncident(h.store, `Token${unique()}`);
    const move = (to: string) =>
      inject('POST', { url: `/api/incidents/${incidentId}/review`, payload: { to, comment: 'by token' } }, bearer);
    assert.equal((await move('under_review')).statusCode, 403);
    const r = await inject(
      'POST',
      { url: '/api/watchlist', payload: { kind: 'actor', value: 'Token brigade' } },
      bearer,
    );
    assert.equal(r.statusCode, 201, r.body);
    const tokenMade = await inject('POST', { url: '/api/tokens', payload: { name: 'from a token' } }, bearer);
    assert.equal(tokenMade.statusCode, 403, 'a token cannot make tokens');
  });

  it("nobody removes another account's watch (404, and it stays)", async () => {
    const id = await ownWatch('analyst');
    const r = await inject('DELETE', { url: `/api/watchlist/${id}` }, as(sessions.gov));
    assert.equal(r.statusCode, 404);
    const mine = await h.app.inject({ method: 'GET', url: '/api/watchlist', headers: as(sessions.analyst) });
    assert.ok(mine.json().items.some((w: { id: number }) => w.id === id));
  });
});

/**
 * The reads: who may call each (what they see is scoped by visibility, tested in
 * server-visibility and server-read-leak). Every GET of the OpenAPI document has a row.
 */
const READS: [string, (ids: { incident: number; finding: string }) => string, Record<Who, number>][] = [
  ['/api/reports', () => '/api/reports', anyone(200)],
  ['/api/reports/{id}', () => '/api/reports/1', anyone(200)],
  ['/api/events', () => '/api/events', anyone(200)],
  ['/api/exports', () => '/api/exports', anyone(200)],
  ['/api/incidents', () => '/api/incidents', anyone(200)],
  ['/api/incidents/{id}', (x) => `/api/incidents/${x.incident}`, anyone(200)],
  ['/api/agreements', () => '/api/agreements', anyone(200)],
  ['/api/agreements/{id}', () => `/api/agreements/${AG}`, anyone(200)],
  ['/api/agreements/{id}/findings', () => `/api/agreements/${AG}/findings`, anyone(200)],
  ['/api/agreements/{id}/compliance', () => `/api/agreements/${AG}/compliance`, anyone(200)],
  ['/api/findings/{id}', (x) => `/api/findings/${x.finding}`, anyone(200)],
  ['/api/config', () => '/api/config', anyone(200)],
  ['/api/auth/me', () => '/api/auth/me', signedIn(200)],
  ['/api/tokens', () => '/api/tokens', signedIn(200)],
  ['/api/incidents/{id}/review', (x) => `/api/incidents/${x.incident}/review`, signedIn(200)],
  ['/api/incidents/{id}/comments', (x) => `/api/incidents/${x.incident}/comments`, signedIn(200)],
  ['/api/findings/{findingId}/review', (x) => `/api/findings/${x.finding}/review`, signedIn(200)],
  ['/api/watchlist', () => '/api/watchlist', signedIn(200)],
  ['/api/watchlist/changes', () => '/api/watchlist/changes', signedIn(200)],
  ['/api/audit', () => '/api/audit', only(200, 'admin')],
  ['/api/outbox', () => '/api/outbox', only(200, 'admin')],
];

describe('read access table', () => {
  it('covers every GET of the API', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const listed = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/api/') && 'get' in ops)
      .map(([path]) => path);
    assert.deepEqual(READS.map(([path]) => path).sort(), listed.sort());
  });

  it('answers each GET as the table says, for every role', async () => {
    const ids = { incident: sharedIncident, finding: `${AG}:cessation:${sharedIncident}` };
    const report = await inject(
      'POST',
      { url: '/api/reports', payload: { text: 'A public report for the read table.', visibility: 'public' } },
      as(sessions.monitor),
    );
    assert.ok(report.statusCode < 300, report.body);
    for (const [path, url, expect] of READS)
      for (const who of EVERYONE) {
        const target = path === '/api/reports/{id}' ? `/api/reports/${report.json().id}` : url(ids);
        const r = await h.app.inject({
          method: 'GET',
          url: target,
          headers: as(who === 'anonymous' ? null : sessions[who]),
        });
        assert.equal(r.statusCode, expect[who], `GET ${target} as ${who}: ${r.body.slice(0, 200)}`);
      }
  });
});

describe('CSRF on every state-changing route', () => {
  /** Who would succeed: the request is refused for the missing token, not for the role. */
  const caller = (row: Row): Exclude<Who, 'anonymous'> =>
    (['admin', 'monitor', 'gov', 'analyst', 'opp'] as const).find((w) => row.expect[w] < 300) ?? 'admin';
  const lastAudit = async () => (await asAdmin('GET', '/api/audit?limit=1')).json().items[0]?.id as number;

  for (const row of ROWS)
    it(`${key(row)} refuses a session without the token, with another session's, as a bare form, cross-site`, async () => {
      const who = caller(row);
      const s = sessions[who];
      const other = who === 'admin' ? sessions.monitor : sessions.admin;
      const attempts: [string, Record<string, string | undefined>, number, string][] = [
        ['no token', { cookie: s.cookie }, 403, 'E026'],
        ['empty token', { cookie: s.cookie, 'x-csrf-token': '' }, 403, 'E026'],
        ["another session's token", { cookie: s.cookie, 'x-csrf-token': other.csrf }, 403, 'E026'],
        ['cross-site', { ...as(s), 'sec-fetch-site': 'cross-site' }, 403, 'E021'],
        ['same-site', { ...as(s), 'sec-fetch-site': 'same-site' }, 403, 'E021'],
      ];
      // The requests are made (setup audited) before the count starts.
      const calls: Call[] = [];
      for (let i = 0; i <= attempts.length; i++) calls.push(await row.request(who));
      const before = await lastAudit();
      for (const [i, [what, headers, status, code]] of attempts.entries()) {
        const r = await inject(row.method, calls[i] as Call, headers);
        assert.equal(r.statusCode, status, `${what}: ${r.body}`);
        assert.equal(r.json().code, code, what);
      }
      // A form post carries its token in `_csrf`; without it nothing is done (403, or 415 where the
      // route takes no form bodies at all).
      const form = await h.app.inject({
        method: row.method,
        url: (calls[attempts.length] as Call).url,
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'text=x&kind=actor&value=y',
      });
      assert.ok([403, 415].includes(form.statusCode), `bare form: ${form.statusCode} ${form.body}`);
      // A cross-site sign-in (login CSRF) is refused although it carries no session.
      const crossLogin = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'sec-fetch-site': 'cross-site' },
        payload: { email: EMAIL.analyst, password: PASSWORD },
      });
      assert.equal(crossLogin.statusCode, 403);
      assert.equal(await lastAudit(), before, 'nothing was changed (no audit entry)');
      // Same-origin requests from the dashboard go through.
      const ok = await inject(row.method, await row.request(who), {
        ...as(row.freshSession ? await h.login(EMAIL[who], PASSWORD) : s),
        'sec-fetch-site': 'same-origin',
      });
      assert.ok(ok.statusCode < 300, `same-origin: ${ok.statusCode} ${ok.body}`);
    });
});
