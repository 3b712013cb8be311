/**
 * A forgotten password: ask for a one-time reset link (#/reset), then choose a new password through
 * that link (#/reset/rst_…; the emailed /reset/… and /invitations/… paths are turned into this
 * route by main.ts). The request's answer never says whether the account exists.
 */
import { api } from '../api.js';
import { h, link, replace } from '../dom.js';
import { encodeRoute } from '../state.js';
import { toast } from '../ui.js';
import { accountForm, newPassword, showAccountForm } from './form.js';
import type { MountView, Nav } from './view.js';

/** Where the emailed link's text says the link is, for a link read from the outbox. */
const OUTBOX_NOTE =
  'Without a mail server, the link is written to the outbox that an administrator reads (truce users outbox): ask them for it.';

function requestForm(el: HTMLElement, email: string): void {
  const input = h('input', {
    id: 'reset-email',
    testid: 'reset-email',
    attrs: { type: 'email', name: 'email', autocomplete: 'username', required: true, value: email },
  });
  const form = accountForm({
    testid: 'reset-form',
    title: 'Reset your password',
    titleId: 'reset-title',
    intro: h('p', null, 'Give the email you sign in with. We send a one-time link to choose a new password.'),
    fields: [['Email', input]],
    submitText: 'Send me a reset link',
    submitTestid: 'reset-submit',
    errorTestid: 'reset-error',
    after: h('p', { class: 'muted small', text: OUTBOX_NOTE }),
    send: async (form) => {
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
    },
  });
  showAccountForm(el, form, input, link(encodeRoute({ page: 'login', next: null }), '← Back to sign in'));
}

function chooseForm(el: HTMLElement, token: string, nav: Nav): void {
  const invitation = token.startsWith('inv_');
  const pw = newPassword('reset-password');
  const form = accountForm({
    testid: 'reset-password-form',
    title: invitation ? 'Accept your invitation' : 'Choose a new password',
    titleId: 'reset-title',
    intro: h(
      'p',
      null,
      invitation
        ? 'Choose the password for your new account (12 characters or more).'
        : 'Choose a new password (12 characters or more). The link works once and expires.',
    ),
    fields: pw.fields,
    submitText: invitation ? 'Create my account' : 'Save the new password',
    submitTestid: 'reset-password-submit',
    errorTestid: 'reset-error',
    after: invitation
      ? null
      : h(
          'p',
          { class: 'small' },
          'Link expired or used? ',
          link(encodeRoute({ page: 'reset', token: null }), 'Ask for a new one'),
        ),
    check: pw.check,
    send: async () => {
      await api.setPasswordWithLink(token, pw.input.value);
      toast(invitation ? 'Your account is ready: sign in.' : 'Password changed: sign in with it.');
      nav.go({ page: 'login', next: null }, { replace: true });
    },
  });
  showAccountForm(el, form, pw.input);
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
