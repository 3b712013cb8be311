/**
 * The signed-in account's API tokens (#/tokens), for scripts that call the API without a browser:
 * the tokens not revoked (name, when made, expiry, last use), a form to make one (with an expiry),
 * whose secret is shown once (the server keeps only its hash) with a copy button, and revoking one
 * after an in-page confirmation (a native confirm() is neither styled nor testable).
 * Successes and errors go to the page's status line, a live region under the title.
 */
import { api } from '../api.js';
import type { ApiToken, NewApiToken } from '../api-types.js';
import { formatMoment } from '../dates.js';
import { h, replace } from '../dom.js';
import { session } from '../session.js';
import { empty, errorText, pageHeader, signInPage } from '../ui.js';
import { accountForm } from './form.js';
import type { MountView } from './view.js';

/** What the page asks of the server (api.ts; a fake in the tests). */
export interface TokensClient {
  list(): Promise<readonly ApiToken[]>;
  /** `expiresInDays` null: a token that never expires. */
  create(name: string, expiresInDays: number | null): Promise<NewApiToken>;
  revoke(id: string): Promise<void>;
}

const apiClient: TokensClient = {
  list: async () => (await api.tokens()).items,
  create: (name, expiresInDays) => api.createToken(name, expiresInDays),
  revoke: (id) => api.revokeToken(id),
};

/** The longest name the server takes (NewTokenBody). */
export const TOKEN_NAME_MAX = 100;

/** The form's expiry choices, in days (null: never; the server takes 1..365). */
export const EXPIRY_CHOICES: readonly (readonly [days: number | null, label: string])[] = [
  [30, '30 days'],
  [90, '90 days'],
  [365, '1 year (365 days)'],
  [null, 'No expiry'],
];
export const DEFAULT_EXPIRY_DAYS = 90;

/** Whether a token has stopped working by itself at `now` (ms). */
export const isExpired = (t: { readonly expiresAt: string | null }, now: number = Date.now()): boolean =>
  t.expiresAt !== null && Date.parse(t.expiresAt) <= now;

/** The tokens that work (newest first) and the revoked ones (last revoked first). */
export function splitTokens(items: readonly ApiToken[]): { active: ApiToken[]; revoked: ApiToken[] } {
  const newest = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  const active = items
    .filter((t) => !t.revokedAt)
    .sort((a, b) => newest(a.createdAt, b.createdAt) || Number(b.id) - Number(a.id));
  const revoked = items.filter((t) => t.revokedAt).sort((a, b) => newest(a.revokedAt, b.revokedAt));
  return { active, revoked };
}

/** The line under a token's name: made, revoked / expired / expires / no expiry, last used (to a minute) or never. */
export function tokenFacts(t: ApiToken, now: number = Date.now()): string[] {
  const out: string[] = [];
  if (t.createdAt) out.push(`Created ${formatMoment(t.createdAt)}`);
  if (t.revokedAt) out.push(`revoked ${formatMoment(t.revokedAt)}`);
  else if (t.expiresAt) out.push(`${isExpired(t, now) ? 'expired' : 'expires'} ${formatMoment(t.expiresAt)}`);
  else out.push('no expiry');
  out.push(t.lastUsedAt ? `last used ${formatMoment(t.lastUsedAt)}` : 'never used');
  return out;
}

/** A name to show ("(no name)" rather than an empty label). */
const nameOf = (t: { readonly name: string }) => t.name.trim() || '(no name)';

interface StatusLine {
  readonly el: HTMLElement;
  say(text: string, kind?: 'ok' | 'error'): void;
  /** Ready for the form's next message (which is an error). */
  reset(): void;
}

function statusLine(): StatusLine {
  const el = h('p', {
    class: 'status-line',
    testid: 'tokens-status',
    attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
  });
  return {
    el,
    say(text, kind = 'ok') {
      el.classList.toggle('is-ok', kind === 'ok');
      el.textContent = text;
    },
    reset() {
      el.classList.remove('is-ok');
      el.textContent = '';
    },
  };
}

/** The page itself, on a client (exported for the tests). */
export function tokensPage(el: HTMLElement, client: TokensClient, role: string): void {
  const status = statusLine();
  // The form (a card of its own), or after a success the new token's secret.
  const createBox = h('section', { class: 'token-create', testid: 'token-create' });
  const listTitle = h('h2', { id: 'tokens-list-title', text: 'Your tokens', attrs: { tabindex: -1 } });
  const listBody = h(
    'div',
    { attrs: { 'aria-busy': 'true' } },
    h('p', { class: 'muted', text: 'Loading your tokens…' }),
  );
  const listBox = h(
    'section',
    { class: 'card', testid: 'tokens', attrs: { 'aria-labelledby': 'tokens-list-title' } },
    listTitle,
    listBody,
  );

  const load = async (): Promise<void> => {
    listBody.setAttribute('aria-busy', 'true');
    try {
      drawList(splitTokens(await client.list()));
    } catch (e) {
      status.say(`Could not load your tokens: ${errorText(e)}`, 'error');
      replace(
        listBody,
        h('p', { class: 'muted', text: 'Your tokens could not be loaded.' }),
        h('button', {
          class: 'button small secondary',
          testid: 'tokens-retry',
          text: 'Try again',
          attrs: { type: 'button' },
          on: { click: () => void load() },
        }),
      );
    } finally {
      listBody.removeAttribute('aria-busy');
    }
  };

  const drawList = ({ active, revoked }: { active: ApiToken[]; revoked: ApiToken[] }): void => {
    replace(
      listBody,
      active.length === 0
        ? empty(`You have no ${revoked.length > 0 ? 'working ' : ''}API tokens. Create one above for a script.`)
        : h('ul', { class: 'plain token-list' }, active.map(activeRow)),
      revoked.length > 0
        ? h(
            'details',
            { class: 'revoked-tokens', testid: 'revoked-tokens' },
            h('summary', { text: `Revoked tokens (${revoked.length})` }),
            h(
              'ul',
              { class: 'plain token-list' },
              revoked.map((t) =>
                h(
                  'li',
                  { class: 'token-item revoked', testid: 'revoked-token-row', attrs: { 'data-token-id': t.id } },
                  h(
                    'div',
                    { class: 'token-main' },
                    h('span', { class: 'token-name', text: nameOf(t) }),
                    h('span', { class: 'token-facts muted small', text: tokenFacts(t).join(' · ') }),
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  };

  const activeRow = (t: ApiToken): HTMLElement => {
    const name = nameOf(t);
    const actions = h('div', { class: 'token-actions' });
    const revokeButton = h('button', {
      class: 'button small secondary',
      testid: 'token-revoke',
      text: 'Revoke',
      attrs: { type: 'button', 'aria-label': `Revoke the token ${name}` },
      on: { click: () => askToRevoke() },
    });
    const questionId = `token-${t.id}-confirm`;
    const cancel = () => {
      replace(actions, revokeButton);
      revokeButton.focus();
    };
    const askToRevoke = () => {
      const yes: HTMLButtonElement = h('button', {
        class: 'button small danger',
        testid: 'token-revoke-confirm',
        text: 'Revoke',
        attrs: { type: 'button', 'aria-describedby': questionId },
        on: {
          click: async () => {
            yes.disabled = true;
            no.disabled = true;
            try {
              await client.revoke(t.id);
              status.say(`The token “${name}” is revoked: scripts that use it are refused from now on.`);
              await load();
              listTitle.focus();
            } catch (e) {
              status.say(`Could not revoke the token “${name}”: ${errorText(e)}`, 'error');
              yes.disabled = false;
              no.disabled = false;
            }
          },
        },
      });
      const no: HTMLButtonElement = h('button', {
        class: 'button small secondary',
        testid: 'token-revoke-cancel',
        text: 'Keep it',
        attrs: { type: 'button', 'aria-describedby': questionId },
        on: { click: cancel },
      });
      replace(
        actions,
        h(
          'div',
          {
            class: 'token-confirm',
            attrs: { role: 'group', 'aria-labelledby': questionId },
            on: {
              keydown: (e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  cancel();
                }
              },
            },
          },
          h('span', {
            id: questionId,
            class: 'token-question',
            text: `Revoke “${name}”? Scripts using it stop working at once; this cannot be undone.`,
          }),
          h('span', { class: 'token-confirm-buttons' }, yes, no),
        ),
      );
      no.focus();
    };
    actions.append(revokeButton);
    const expired = isExpired(t);
    return h(
      'li',
      { class: 'token-item', testid: 'token-row', attrs: { 'data-token-id': t.id, 'data-expired': expired } },
      h(
        'div',
        { class: 'token-main' },
        h('span', { class: 'token-name', testid: 'token-name', text: name }),
        h(
          'span',
          { class: 'token-facts muted small', testid: 'token-facts' },
          // "expired ..." stands out: the token no longer works, though it is not revoked.
          tokenFacts(t).flatMap((fact, i) => [
            i > 0 ? ' · ' : '',
            fact.startsWith('expired ') ? h('strong', { text: fact }) : fact,
          ]),
        ),
      ),
      actions,
    );
  };

  /** The form to make a token; `focus` puts the cursor in its name (after "Done"). */
  const showForm = (focus: boolean): void => {
    const input = h('input', {
      id: 'token-name',
      testid: 'token-name-input',
      attrs: { type: 'text', name: 'name', required: true, maxlength: TOKEN_NAME_MAX, autocomplete: 'off' },
    });
    const expiry = h(
      'select',
      { id: 'token-expiry', testid: 'token-expiry', attrs: { name: 'expiresInDays' } },
      EXPIRY_CHOICES.map(([days, label]) =>
        h('option', { text: label, attrs: { value: days ?? 'never', selected: days === DEFAULT_EXPIRY_DAYS } }),
      ),
    );
    const form = accountForm({
      testid: 'token-form',
      title: 'Create a token',
      heading: 'h2',
      titleId: 'token-form-title',
      intro: h('p', {
        class: 'muted small',
        text: 'Name it after the script or machine that will use it, so you know which one to revoke.',
      }),
      fields: [
        ['Name', input],
        ['Expires after', expiry],
      ],
      submitText: 'Create token',
      submitTestid: 'token-create-submit',
      errorLine: status.el,
      check: () => {
        status.reset();
        return input.value.trim() ? null : 'Give the token a name.';
      },
      send: async () => {
        const days = expiry.value === 'never' ? null : Number(expiry.value);
        const made = await client.create(input.value.trim(), days);
        showSecret(made);
        void load();
      },
      failed: () => input.focus(),
    });
    replace(createBox, form);
    if (focus) input.focus();
  };

  /** The new token's secret, this once: a copy button, the warning, and "Done" to put it away. */
  const showSecret = (made: NewApiToken): void => {
    const name = nameOf(made);
    const secret = h('input', {
      id: 'token-secret',
      testid: 'token-secret',
      class: 'token-secret',
      attrs: {
        type: 'text',
        readonly: true,
        value: made.token,
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': 'token-secret-warning',
      },
    });
    const copy = h('button', {
      class: 'button small',
      testid: 'token-copy',
      text: 'Copy',
      attrs: { type: 'button' },
      on: { click: () => void copySecret(secret, status) },
    });
    replace(
      createBox,
      h(
        'div',
        { class: 'card token-new', testid: 'token-new' },
        h('h2', { text: `Your new token “${name}”` }),
        h(
          'p',
          { class: 'notice warning', id: 'token-secret-warning', testid: 'token-secret-warning' },
          h('strong', { text: 'Copy it now: it will not be shown again. ' }),
          'Only its fingerprint is stored, so nobody can show it to you later. If you lose it, revoke it and create another.',
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { attrs: { for: 'token-secret' }, text: 'Token' }),
          h('div', { class: 'secret-row' }, secret, copy),
        ),
        h('p', {
          class: 'small',
          testid: 'token-new-expiry',
          text: made.expiresAt
            ? `It stops working on ${formatMoment(made.expiresAt)}.`
            : 'It never expires: it works until you revoke it.',
        }),
        h(
          'p',
          { class: 'small' },
          'A script sends it in a header: ',
          h('code', { class: 'wrap-anywhere', text: 'Authorization: Bearer tok_…' }),
        ),
        h(
          'div',
          { class: 'actions' },
          h('button', {
            class: 'button primary',
            testid: 'token-done',
            text: 'Done, I have copied it',
            attrs: { type: 'button' },
            on: {
              click: () => {
                status.say('');
                showForm(true);
              },
            },
          }),
        ),
      ),
    );
    status.say(`Token “${name}” created. Copy it now: it will not be shown again.`);
    secret.focus();
    secret.select();
  };

  replace(
    el,
    h(
      'div',
      { class: 'page narrow-page tokens-page', testid: 'tokens-page' },
      pageHeader(
        'API tokens',
        h(
          'p',
          { class: 'lede' },
          `A token lets a script use the API as you, with your role (${role}), until it expires or you revoke it. `,
          'Keep it like a password. Tokens are made from a signed-in browser session only.',
        ),
      ),
      status.el,
      createBox,
      listBox,
    ),
  );
  showForm(false);
  void load();
}

/** Copies the secret; without the clipboard (an http page, a refusal), selects it for Ctrl+C. */
async function copySecret(input: HTMLInputElement, status: StatusLine): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(input.value);
    status.say('Copied to the clipboard. It will not be shown again once you leave this page.');
  } catch {
    input.focus();
    input.select();
    status.say('The browser did not let the page copy: the token is selected, press Ctrl+C (⌘C on a Mac).', 'error');
  }
}

export const mountTokens: MountView = (el) => {
  if (!session.me) {
    replace(el, signInPage('API tokens', 'Sign in to see and create your API tokens.', '#/tokens'));
    return {};
  }
  tokensPage(el, apiClient, session.me.partyId ? `${session.me.role}, ${session.me.partyId}` : session.me.role);
  return {};
};
