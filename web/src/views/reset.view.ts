/**
 * A forgotten password: ask for a one-time reset link (#/reset), then choose a new password through
 * that link (#/reset/rst_…; the emailed /reset/… and /invitations/… paths are turned into this
 * route by main.ts). The request's answer never says whether the account exists.
 */
import { api } from '../api.js';
import { h, link, replace } from '../dom.js';
import { encodeRoute } from '../state.js';
import { errorText, toast } from '../ui.js';
import type { MountView, Nav } from './view.js';
import { field } from './widgets.js';

/** Where the emailed link's text says the link is, for a link read from the outbox. */
const OUTBOX_NOTE =
  'Without a mail server, the link is written to the outbox that an administrator reads (truce users outbox): ask them for it.';

function requestForm(el: HTMLElement, email: string): void {
  const input = h('input', {
    id: 'reset-email',
    testid: 'reset-email',
    attrs: { type: 'email', name: 'email', autocomplete: 'username', required: true, value: email },
  });
  const error = h('p', { class: 'form-error', testid: 'reset-error', attrs: { role: 'alert' } });
  const submit = h('button', {
    class: 'button primary',
    testid: 'reset-submit',
    text: 'Send me a reset link',
    attrs: { type: 'submit' },
  });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card form narrow',
      testid: 'reset-form',
      attrs: { 'aria-labelledby': 'reset-title' },
      on: {
        submit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          submit.disabled = true;
          try {
            await api.requestReset(input.value.trim());
            replace(
              form,
              h('h1', { id: 'reset-title', text: 'Check your email' }),
              h(
                'p',
                { testid: 'reset-sent', attrs: { role: 'status' } },
                `If an account exists for ${input.value.trim()}, a link to choose a new password is on its way. It works once and expires soon.`,
              ),
              h('p', { class: 'muted small', text: OUTBOX_NOTE }),
            );
          } catch (err) {
            error.textContent = errorText(err);
            submit.disabled = false;
          }
        },
      },
    },
    h('h1', { id: 'reset-title', text: 'Reset your password' }),
    h('p', null, 'Give the email you sign in with. We send a one-time link to choose a new password.'),
    field('Email', input),
    error,
    h('div', { class: 'actions' }, submit),
    h('p', { class: 'muted small', text: OUTBOX_NOTE }),
  );
  replace(
    el,
    h(
      'div',
      { class: 'page narrow-page' },
      form,
      link(encodeRoute({ page: 'login', next: null }), '← Back to sign in'),
    ),
  );
  input.focus();
}

function chooseForm(el: HTMLElement, token: string, nav: Nav): void {
  const invitation = token.startsWith('inv_');
  const pw = h('input', {
    id: 'reset-password',
    testid: 'reset-password',
    attrs: { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 },
  });
  const again = h('input', {
    id: 'reset-password-again',
    testid: 'reset-password-again',
    attrs: { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 },
  });
  const error = h('p', { class: 'form-error', testid: 'reset-error', attrs: { role: 'alert' } });
  const submit = h('button', {
    class: 'button primary',
    testid: 'reset-password-submit',
    text: invitation ? 'Create my account' : 'Save the new password',
    attrs: { type: 'submit' },
  });
  const form = h(
    'form',
    {
      class: 'card form narrow',
      testid: 'reset-password-form',
      attrs: { 'aria-labelledby': 'reset-title' },
      on: {
        submit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          if (pw.value.length < 12) return void (error.textContent = 'Use at least 12 characters.');
          if (pw.value !== again.value) return void (error.textContent = 'The two passwords differ.');
          submit.disabled = true;
          try {
            await api.setPasswordWithLink(token, pw.value);
            toast(invitation ? 'Your account is ready: sign in.' : 'Password changed: sign in with it.');
            nav.go({ page: 'login', next: null }, { replace: true });
          } catch (err) {
            error.textContent = errorText(err);
            submit.disabled = false;
          }
        },
      },
    },
    h('h1', { id: 'reset-title', text: invitation ? 'Accept your invitation' : 'Choose a new password' }),
    h(
      'p',
      null,
      invitation
        ? 'Choose the password for your new account (12 characters or more).'
        : 'Choose a new password (12 characters or more). The link works once and expires.',
    ),
    field('New password', pw),
    field('New password again', again),
    error,
    h('div', { class: 'actions' }, submit),
    invitation
      ? null
      : h(
          'p',
          { class: 'small' },
          'Link expired or used? ',
          link(encodeRoute({ page: 'reset', token: null }), 'Ask for a new one'),
        ),
  );
  replace(el, h('div', { class: 'page narrow-page' }, form));
  pw.focus();
}

export const mountReset: MountView = (el, route, nav) => {
  if (route.page !== 'reset') return {};
  if (route.token) chooseForm(el, route.token, nav);
  else requestForm(el, sessionStorageEmail());
  return {};
};

/** The email typed on the sign-in page, carried over so it need not be typed twice. */
const EMAIL_KEY = 'truce.reset-email';
export function rememberEmail(email: string): void {
  try {
    if (email) sessionStorage.setItem(EMAIL_KEY, email);
    else sessionStorage.removeItem(EMAIL_KEY);
  } catch {
    /* storage off: the field starts empty */
  }
}
function sessionStorageEmail(): string {
  try {
    return sessionStorage.getItem(EMAIL_KEY) ?? '';
  } catch {
    return '';
  }
}
