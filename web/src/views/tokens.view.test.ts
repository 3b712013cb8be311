import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { ApiError } from '../api.js';
import type { ApiToken, NewApiToken } from '../api-types.js';
import { isExpired, splitTokens, tokenFacts, tokensPage, type TokensClient } from './tokens.view.js';

// The page is DOM: a linkedom document stands in for the browser's.
const { document: doc, window: win } = parseHTML('<!doctype html><html><body><main></main></body></html>');
(globalThis as { document?: unknown }).document = doc;
const W = win as unknown as typeof globalThis;
// linkedom has no selection: count the calls instead.
let selected = 0;
(W.HTMLInputElement.prototype as { select: () => void }).select = () => void selected++;
let focused: Element | null = null;
const focusOn = (el: Element) => void (focused = el);
(W.HTMLElement.prototype as { focus: () => void }).focus = function (this: Element) {
  focusOn(this);
};

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const byId = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const all = (root: Element, id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[];
const click = (el: Element) => el.dispatchEvent(new W.Event('click', { bubbles: true }));
const submit = (form: Element) => form.dispatchEvent(new W.Event('submit', { cancelable: true }));

const token = (id: string, name: string, more: Partial<ApiToken> = {}): ApiToken => ({
  id,
  name,
  createdAt: `2026-11-0${id}T10:00:00.000Z`,
  revokedAt: null,
  expiresAt: null,
  lastUsedAt: null,
  ...more,
});

const SECRET = `tok_${'s'.repeat(43)}`;
/** When the fake server makes tokens. */
const NOW = '2026-11-28T12:43:00.000Z';

/** A server in memory, with the calls made to it; `fail` makes the next call of that kind throw. */
function fakeClient(initial: ApiToken[]) {
  let items = [...initial];
  const calls: string[] = [];
  const fail: { list?: unknown; create?: unknown; revoke?: unknown } = {};
  const client: TokensClient = {
    async list() {
      calls.push('list');
      if (fail.list) throw fail.list;
      return items;
    },
    async create(name, days): Promise<NewApiToken> {
      calls.push(`create ${name} ${days ?? 'never'}`);
      if (fail.create) throw fail.create;
      const id = String(items.length + 1);
      const expiresAt = days === null ? null : new Date(Date.parse(NOW) + days * 86_400_000).toISOString();
      items.push(token(id, name, { expiresAt }));
      return { id, name, token: SECRET, expiresAt };
    },
    async revoke(id) {
      calls.push(`revoke ${id}`);
      if (fail.revoke) throw fail.revoke;
      items = items.map((t) => (t.id === id ? { ...t, revokedAt: '2026-11-28T12:00:00.000Z' } : t));
    },
  };
  return { client, calls, fail };
}

async function mount(initial: ApiToken[]) {
  const el = doc.querySelector('main') as HTMLElement;
  const fake = fakeClient(initial);
  tokensPage(el, fake.client, 'monitor');
  await flush();
  const status = byId(el, 'tokens-status');
  const names = () => all(el, 'token-name').map((n) => n.textContent);
  return { el, status, names, ...fake };
}

describe('API tokens: pure parts', () => {
  it('working tokens newest first, revoked ones apart (last revoked first)', () => {
    const { active, revoked } = splitTokens([
      token('1', 'a'),
      token('2', 'b', { revokedAt: '2026-11-05T00:00:00Z' }),
      token('3', 'c'),
      token('4', 'd', { revokedAt: '2026-11-09T00:00:00Z' }),
    ]);
    assert.deepEqual(
      active.map((t) => t.name),
      ['c', 'a'],
    );
    assert.deepEqual(
      revoked.map((t) => t.name),
      ['d', 'b'],
    );
  });

  it('says when a token was made, its expiry (or that it has expired) and its last use (or none)', () => {
    const now = Date.parse(NOW);
    assert.deepEqual(tokenFacts(token('1', 'a'), now), ['Created 1 Nov 2026, 10:00 UTC', 'no expiry', 'never used']);
    assert.deepEqual(
      tokenFacts(token('1', 'a', { expiresAt: '2027-01-01T00:00:00Z', lastUsedAt: '2026-11-28T12:43:00Z' }), now),
      ['Created 1 Nov 2026, 10:00 UTC', 'expires 1 Jan 2027, 00:00 UTC', 'last used 28 Nov 2026, 12:43 UTC'],
    );
    assert.deepEqual(
      tokenFacts(token('1', 'a', { expiresAt: '2026-11-20T09:00:00Z', lastUsedAt: '2026-11-20T08:05:00Z' }), now),
      ['Created 1 Nov 2026, 10:00 UTC', 'expired 20 Nov 2026, 09:00 UTC', 'last used 20 Nov 2026, 08:05 UTC'],
    );
    assert.deepEqual(
      tokenFacts(
        token('1', 'a', { revokedAt: '2026-11-02T00:00:00Z', expiresAt: '2026-11-03T00:00:00Z', createdAt: null }),
        now,
      ),
      ['revoked 2 Nov 2026, 00:00 UTC', 'never used'],
      'revoked says more than expired',
    );
  });

  it('a token has expired from its expiry on', () => {
    const at = token('1', 'a', { expiresAt: NOW });
    assert.equal(isExpired(at, Date.parse(NOW) - 1), false);
    assert.equal(isExpired(at, Date.parse(NOW)), true);
    assert.equal(isExpired(token('2', 'b'), Date.parse('2999-01-01T00:00:00Z')), false, 'no expiry, never');
  });
});

describe('the API tokens page', () => {
  it('lists the working tokens as text, the revoked ones folded away; a status line for the news', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { el, status, names } = await mount([
      token('1', hostile),
      token('2', 'backup script', { revokedAt: '2026-11-03T00:00:00Z' }),
    ]);
    assert.equal((el.querySelector('h1') as HTMLElement).textContent, 'API tokens');
    assert.match(el.textContent ?? '', /your role \(monitor\)/);
    assert.equal(status.getAttribute('role'), 'status');
    assert.equal(status.textContent, '');
    assert.deepEqual(names(), [hostile]);
    assert.equal(el.querySelector('img'), null, 'a name is text, never markup');
    const row = byId(el, 'token-row');
    assert.equal(row.getAttribute('data-token-id'), '1');
    assert.match(row.textContent ?? '', /Created 1 Nov 2026, 10:00 UTC · no expiry · never used/);
    assert.equal(byId(el, 'token-revoke').getAttribute('aria-label'), `Revoke the token ${hostile}`);
    const revoked = byId(el, 'revoked-tokens');
    assert.equal(revoked.tagName, 'DETAILS');
    assert.match(revoked.textContent ?? '', /Revoked tokens \(1\)backup script/);
    // The form is one part of the page: an h2, labelled field, no error line of its own.
    const form = byId(el, 'token-form');
    assert.equal((form.querySelector('h2') as HTMLElement).textContent, 'Create a token');
    assert.equal((form.querySelector('label[for="token-name"]') as HTMLElement).textContent, 'Name');
    // An expiry to choose, 90 days unless changed.
    assert.equal((form.querySelector('label[for="token-expiry"]') as HTMLElement).textContent, 'Expires after');
    const expiry = byId(el, 'token-expiry') as HTMLSelectElement;
    assert.deepEqual(
      [...expiry.querySelectorAll('option')].map((o) => [o.getAttribute('value'), o.textContent]),
      [
        ['30', '30 days'],
        ['90', '90 days'],
        ['365', '1 year (365 days)'],
        ['never', 'No expiry'],
      ],
    );
    assert.equal(expiry.value, '90');
    assert.equal(form.querySelector('.form-error'), null);
  });

  it('without tokens, says so', async () => {
    const { el } = await mount([]);
    assert.match(byId(el, 'empty').textContent ?? '', /no API tokens/);
    assert.equal(byId(el, 'revoked-tokens'), null);
  });

  it('creates a token and shows its secret once, with the warning; "Done" puts it away for good', async () => {
    const { el, status, names, calls } = await mount([token('1', 'old')]);
    const input = byId(el, 'token-name-input') as HTMLInputElement;
    input.value = '  nightly export  ';
    selected = 0;
    submit(byId(el, 'token-form'));
    await flush();
    assert.deepEqual(calls, ['list', 'create nightly export 90', 'list'], 'with the default expiry');
    const secret = byId(el, 'token-secret') as HTMLInputElement;
    assert.equal(secret.value, SECRET);
    assert.equal(secret.hasAttribute('readonly'), true);
    assert.equal(focused, secret, 'the cursor is on the secret, selected, ready to copy');
    assert.equal(selected, 1);
    assert.match(byId(el, 'token-secret-warning').textContent ?? '', /will not be shown again/);
    assert.equal(secret.getAttribute('aria-describedby'), 'token-secret-warning');
    assert.match(status.textContent ?? '', /created\. Copy it now: it will not be shown again/);
    assert.equal(byId(el, 'token-new-expiry').textContent, 'It stops working on 26 Feb 2027, 12:43 UTC.');
    assert.equal(status.classList.contains('is-ok'), true);
    assert.deepEqual(names(), ['nightly export', 'old'], 'the list has it already');
    click(byId(el, 'token-done'));
    assert.equal(byId(el, 'token-secret'), null);
    assert.doesNotMatch(el.textContent ?? '', /tok_s/);
    assert.equal(
      [...el.querySelectorAll('input')].some((i) => (i as HTMLInputElement).value === SECRET),
      false,
      'the secret is nowhere in the page',
    );
    assert.equal(focused, byId(el, 'token-name-input'), 'ready for another');
    assert.equal(status.textContent, '');
  });

  it('makes a token with the expiry chosen, or none', async () => {
    const { el, calls } = await mount([]);
    const make = async (name: string, choice: string) => {
      (byId(el, 'token-name-input') as HTMLInputElement).value = name;
      const expiry = byId(el, 'token-expiry') as HTMLSelectElement;
      // linkedom's select.value has no setter: choose the option as a user's click would.
      for (const o of expiry.querySelectorAll('option'))
        o.toggleAttribute('selected', o.getAttribute('value') === choice);
      assert.equal(expiry.value, choice);
      submit(byId(el, 'token-form'));
      await flush();
      const said = byId(el, 'token-new-expiry').textContent;
      click(byId(el, 'token-done'));
      return said;
    };
    assert.equal(await make('monthly', '30'), 'It stops working on 28 Dec 2026, 12:43 UTC.');
    assert.equal(await make('yearly', '365'), 'It stops working on 28 Nov 2027, 12:43 UTC.');
    assert.equal(await make('kiosk', 'never'), 'It never expires: it works until you revoke it.');
    assert.deepEqual(
      calls.filter((c) => c.startsWith('create')),
      ['create monthly 30', 'create yearly 365', 'create kiosk never'],
    );
    assert.equal((byId(el, 'token-expiry') as HTMLSelectElement).value, '90', 'a new form starts at 90 days');
  });

  it('shows an expired token as expired (still revocable), and each last use or none', async () => {
    const { el } = await mount([
      token('1', 'old feed', { expiresAt: '2026-11-02T10:00:00.000Z', lastUsedAt: '2026-11-01T11:30:00.000Z' }),
      token('2', 'new feed', { expiresAt: '2999-01-01T00:00:00.000Z' }),
    ]);
    const row = (id: string) => el.querySelector(`[data-testid="token-row"][data-token-id="${id}"]`) as HTMLElement;
    const facts = (id: string) => byId(row(id), 'token-facts').textContent;
    assert.equal(
      facts('1'),
      'Created 1 Nov 2026, 10:00 UTC · expired 2 Nov 2026, 10:00 UTC · last used 1 Nov 2026, 11:30 UTC',
    );
    assert.equal((row('1').querySelector('strong') as HTMLElement).textContent, 'expired 2 Nov 2026, 10:00 UTC');
    assert.equal(row('1').hasAttribute('data-expired'), true);
    assert.ok(byId(row('1'), 'token-revoke'), 'an expired token can still be revoked, to tidy up');
    assert.equal(facts('2'), 'Created 2 Nov 2026, 10:00 UTC · expires 1 Jan 2999, 00:00 UTC · never used');
    assert.equal(row('2').querySelector('strong'), null);
    assert.equal(row('2').hasAttribute('data-expired'), false);
  });

  it('a token needs a name; a refused creation is said in the status line', async () => {
    const { el, status, calls, fail } = await mount([]);
    const input = byId(el, 'token-name-input') as HTMLInputElement;
    input.value = '   ';
    submit(byId(el, 'token-form'));
    assert.equal(status.textContent, 'Give the token a name.');
    assert.equal(status.classList.contains('is-ok'), false);
    assert.deepEqual(calls, ['list']);
    fail.create = new ApiError(403, 'E021', 'API tokens are made from a signed-in session');
    input.value = 'ci';
    submit(byId(el, 'token-form'));
    await flush();
    assert.equal(status.textContent, 'API tokens are made from a signed-in session (E021)');
    assert.equal(status.classList.contains('is-ok'), false);
    assert.equal((byId(el, 'token-create-submit') as HTMLButtonElement).disabled, false);
    assert.equal(byId(el, 'token-secret'), null);
  });

  it('revokes after a confirmation; "Keep it" and Escape go back without revoking', async () => {
    const { el, status, names, calls } = await mount([token('1', 'ci'), token('2', 'laptop')]);
    const row = () => all(el, 'token-row').find((r) => r.getAttribute('data-token-id') === '2') as HTMLElement;
    click(byId(row(), 'token-revoke'));
    assert.match(row().textContent ?? '', /Revoke “laptop”\? Scripts using it stop working at once/);
    assert.equal(focused, byId(row(), 'token-revoke-cancel'), 'the safe choice has the focus');
    click(byId(row(), 'token-revoke-cancel'));
    assert.equal(byId(row(), 'token-revoke-confirm'), null);
    assert.equal(focused, byId(row(), 'token-revoke'));
    click(byId(row(), 'token-revoke'));
    const escape = Object.assign(new W.Event('keydown', { bubbles: true, cancelable: true }), { key: 'Escape' });
    byId(row(), 'token-revoke-cancel').dispatchEvent(escape);
    assert.equal(byId(row(), 'token-revoke-confirm'), null);
    assert.deepEqual(calls, ['list']);
    click(byId(row(), 'token-revoke'));
    click(byId(row(), 'token-revoke-confirm'));
    await flush();
    assert.deepEqual(calls, ['list', 'revoke 2', 'list']);
    assert.deepEqual(names(), ['ci']);
    assert.match(status.textContent ?? '', /“laptop” is revoked/);
    assert.match(byId(el, 'revoked-tokens').textContent ?? '', /laptop/);
    assert.equal((focused as Element | null)?.id, 'tokens-list-title', 'focus stays in the list');
  });

  it('a failed revocation or listing is said in the status line', async () => {
    const { el, status, names, fail } = await mount([token('1', 'ci')]);
    fail.revoke = new ApiError(404, 'E022', 'Not found: API token 1');
    click(byId(el, 'token-revoke'));
    click(byId(el, 'token-revoke-confirm'));
    await flush();
    assert.equal(status.textContent, 'Could not revoke the token “ci”: Not found: API token 1 (E022)');
    assert.equal((byId(el, 'token-revoke-confirm') as HTMLButtonElement).disabled, false);
    assert.deepEqual(names(), ['ci']);

    const other = await mount([]);
    other.fail.list = new ApiError(0, 'NETWORK', 'The server did not answer.');
    (byId(other.el, 'token-name-input') as HTMLInputElement).value = 'x';
    submit(byId(other.el, 'token-form'));
    await flush();
    assert.match(
      other.status.textContent ?? '',
      /^Could not load your tokens: The server did not answer\. \(NETWORK\)$/,
    );
    assert.ok(byId(other.el, 'tokens-retry'), 'a way to try again');
    other.fail.list = undefined;
    click(byId(other.el, 'tokens-retry'));
    await flush();
    assert.deepEqual(other.names(), ['x']);
  });

  it('copies the secret, or selects it for the keyboard when the browser will not', async () => {
    const { el, status } = await mount([]);
    (byId(el, 'token-name-input') as HTMLInputElement).value = 'ci';
    submit(byId(el, 'token-form'));
    await flush();
    const copied: string[] = [];
    const nav = globalThis as { navigator?: unknown };
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    const setNavigator = (v: unknown) =>
      Object.defineProperty(globalThis, 'navigator', { value: v, configurable: true, writable: true });
    try {
      setNavigator({ clipboard: { writeText: async (t: string) => void copied.push(t) } });
      click(byId(el, 'token-copy'));
      await flush();
      assert.deepEqual(copied, [SECRET]);
      assert.match(status.textContent ?? '', /^Copied to the clipboard/);
      setNavigator({ clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
      selected = 0;
      click(byId(el, 'token-copy'));
      await flush();
      assert.match(status.textContent ?? '', /the token is selected, press Ctrl\+C/);
      assert.equal(selected, 1);
      assert.equal(focused, byId(el, 'token-secret'));
      setNavigator({});
      click(byId(el, 'token-copy'));
      await flush();
      assert.match(status.textContent ?? '', /press Ctrl\+C/);
    } finally {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete nav.navigator;
    }
  });
});
