/** API tokens from the outside: expiry (POST expiresInDays, refused once expired) and last use. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from '../../test/e2e/server-harness.js';
import { AccountsService } from '../services/accounts.service.js';

const DAY = 86_400_000;
/** The server's clock: real time, moved on by the tests. */
let shift = 0;
const clock = () => new Date(Date.now() + shift);

let h: Harness;
let owner: Session;
before(async () => {
  h = await startHarness({ now: clock });
  owner = await h.user('tokens@example.org', 'monitor');
});
after(() => h.close());

const create = (payload: unknown) =>
  h.app.inject({ method: 'POST', url: '/api/tokens', headers: as(owner), payload: payload as object });
const listed = async (id: number) => {
  const r = await h.app.inject({ method: 'GET', url: '/api/tokens', headers: as(owner) });
  assert.equal(r.statusCode, 200);
  return (r.json().items as { id: number; [k: string]: unknown }[]).find((t) => t.id === id);
};
const me = (token: string) =>
  h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

describe('API tokens: expiry', () => {
  it('refuses an expiresInDays that is not a whole number of days from 1 to 365, naming the field', async () => {
    for (const expiresInDays of [0, -3, 366, 1.5, '30', null]) {
      const r = await create({ name: 'bad', expiresInDays });
      assert.equal(r.statusCode, 400, JSON.stringify(expiresInDays));
      assert.equal(r.json().code, 'E007');
      assert.match(r.json().message, /expiresInDays/);
    }
    const listing = await h.app.inject({ method: 'GET', url: '/api/tokens', headers: as(owner) });
    assert.equal(
      listing.json().items.some((t: { name: string }) => t.name === 'bad'),
      false,
      'none was made',
    );
  });

  it('stores the expiry it was given (or none) and returns it on creation and in the list', async () => {
    const t0 = clock().getTime();
    const r = await create({ name: 'quarterly', expiresInDays: 90 });
    assert.equal(r.statusCode, 201);
    const { id, expiresAt } = r.json() as { id: number; expiresAt: string };
    const ms = Date.parse(expiresAt) - t0;
    assert.ok(ms >= 90 * DAY && ms < 90 * DAY + 60_000, expiresAt);
    assert.equal((await listed(id))?.expiresAt, expiresAt);
    const forever = await create({ name: 'forever' });
    assert.equal(forever.json().expiresAt, null);
    assert.equal((await listed(forever.json().id))?.expiresAt, null);
    const oneDay = await create({ name: 'a day', expiresInDays: 1 });
    const year = await create({ name: 'a year', expiresInDays: 365 });
    assert.deepEqual([oneDay.statusCode, year.statusCode], [201, 201]);
  });

  it('an expired token is refused exactly as a revoked one: 401, the same answer', async () => {
    const made = (await create({ name: 'short', expiresInDays: 1 })).json() as { id: number; token: string };
    const revokedMade = (await create({ name: 'revoked' })).json() as { id: number; token: string };
    assert.equal(
      (await h.app.inject({ method: 'DELETE', url: `/api/tokens/${revokedMade.id}`, headers: as(owner) })).statusCode,
      204,
    );
    assert.equal((await me(made.token)).statusCode, 200);
    shift = DAY + 1000;
    try {
      const expired = await me(made.token);
      const revoked = await me(revokedMade.token);
      const unknown = await me(`tok_${'Z'.repeat(43)}`);
      assert.equal(expired.statusCode, 401);
      assert.deepEqual(expired.json(), revoked.json(), 'no word of why');
      assert.deepEqual(expired.json(), unknown.json());
      assert.doesNotMatch(expired.body, /expired at|short|\d{4}-\d{2}/);
    } finally {
      shift = 0;
    }
    // Listed still, with its expiry, for the page to say "expired" (read with the clock back: a
    // day on, the owner's 12-hour session has expired too).
    assert.ok(Date.parse(String((await listed(made.id))?.expiresAt)) < clock().getTime() + DAY + 1000);
  });
});

describe('API tokens: last use', () => {
  it('is null until the token authenticates a request, then its time', async () => {
    const made = (await create({ name: 'reader' })).json() as { id: number; token: string };
    assert.equal((await listed(made.id))?.lastUsedAt, null);
    const before = clock().getTime();
    assert.equal((await me(made.token)).statusCode, 200);
    const used = (await listed(made.id))?.lastUsedAt as string;
    assert.ok(Date.parse(used) >= before - 1000 && Date.parse(used) <= clock().getTime() + 1000, used);
    // A session's requests are not a use of the token.
    await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(owner) });
    assert.equal((await listed(made.id))?.lastUsedAt, used);
  });

  it('is written at most once a minute: later requests within it cost no write', async () => {
    let now = Date.parse('2026-11-28T12:43:00.000Z');
    const accounts = new AccountsService(h.store, { now: () => new Date(now) });
    let writes = 0;
    const touch = h.store.accounts.touchToken.bind(h.store.accounts);
    const counted = Object.create(h.store.accounts) as typeof h.store.accounts;
    counted.touchToken = async (...args) => {
      writes++;
      return touch(...args);
    };
    const store = Object.create(h.store, { accounts: { value: counted } }) as typeof h.store;
    const counting = new AccountsService(store, { now: () => new Date(now) });
    const made = (await create({ name: 'busy' })).json() as { id: number; token: string };
    assert.ok(await counting.fromToken(made.token));
    assert.equal(writes, 1);
    for (let i = 0; i < 20; i++) {
      now += 2000; // 40 s of requests
      assert.ok(await counting.fromToken(made.token));
    }
    assert.equal(writes, 1, 'no write within the minute');
    assert.equal((await listed(made.id))?.lastUsedAt, '2026-11-28T12:43:00.000Z');
    now = Date.parse('2026-11-28T12:44:00.000Z');
    assert.ok(await accounts.fromToken(made.token));
    assert.equal((await listed(made.id))?.lastUsedAt, '2026-11-28T12:44:00.000Z');
  });
});
