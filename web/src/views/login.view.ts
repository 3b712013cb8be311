/**
 * Sign in with email and password (a session cookie; the CSRF token is kept for writes). An account
 * signed in with a one-time password chooses its own password before going on.
 */
import { api } from '../api.js';
import { h, link } from '../dom.js';
import { session } from '../session.js';
import { DEFAULT_FILTERS, decodeRoute, encodeRoute, type Route } from '../state.js';
import { toast } from '../ui.js';
import { accountForm, newPassword, showAccountForm } from './form.js';
import { rememberEmail } from './reset.view.js';
import type { MountView, Nav } from './view.js';

function changePasswordForm(el: HTMLElement, current: string, nav: Nav, next: Route): void {
  const pw = newPassword('new-password');
  const form = accountForm({
    testid: 'change-password-form',
    title: 'Choose your password',
    intro: h('p', null, 'You signed in with a one-time password. Choose your own (12 characters or more) to go on.'),
    fields: pw.fields,
    submitText: 'Save and continue',
    submitTestid: 'change-password-submit',
    check: pw.check,
    send: async () => {
      await api.changePassword(current, pw.input.value);
      toast('Password changed.');
      await nav.refresh();
      nav.go(next);
    },
  });
  showAccountForm(el, form, pw.input);
}

export const mountLogin: MountView = (el, route, nav) => {
  const next: Route =
    route.page === 'login' && route.next
      ? decodeRoute(route.next)
      : { page: 'map', filters: DEFAULT_FILTERS, view: null };
  const email = h('input', {
    id: 'login-email',
    testid: 'login-email',
    attrs: { type: 'email', name: 'email', autocomplete: 'username', required: true },
  });
  const password = h('input', {
    id: 'login-password',
    testid: 'login-password',
    attrs: { type: 'password', name: 'password', autocomplete: 'current-password', required: true },
  });
  const form = accountForm({
    testid: 'login-form',
    title: 'Sign in',
    titleId: 'login-title',
    intro: session.me
      ? h('p', {
          class: 'notice',
          text: `You are signed in as ${session.me.email}. Signing in again replaces that session.`,
        })
      : null,
    fields: [
      ['Email', email],
      ['Password', password],
    ],
    submitText: 'Sign in',
    submitTestid: 'login-submit',
    errorTestid: 'login-error',
    after: [
      h(
        'p',
        { class: 'small forgot' },
        link(encodeRoute({ page: 'reset', token: null }), 'Forgot your password?', {
          testid: 'forgot-password',
          on: { click: () => rememberEmail(email.value.trim()) },
        }),
      ),
      h('p', { class: 'muted small', text: 'Accounts are made by invitation from an administrator.' }),
    ],
    send: async () => {
      const typed = password.value;
      const me = await api.login(email.value.trim(), typed);
      password.value = '';
      if (me.mustChangePassword) return changePasswordForm(el, typed, nav, next);
      toast(`Signed in as ${me.email}.`);
      await nav.refresh();
      nav.go(next);
    },
    failed: () => password.select(),
  });
  showAccountForm(el, form, email, link('#/', '← Back to the map'));
  return {};
};
