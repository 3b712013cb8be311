/**
 * Sign in with email and password (a session cookie; the CSRF token is kept for writes). An account
 * signed in with a one-time password chooses its own password before going on.
 */
import { api } from '../api.js';
import { h, link, replace } from '../dom.js';
import { session } from '../session.js';
import { DEFAULT_FILTERS, decodeRoute, encodeRoute, type Route } from '../state.js';
import { errorText, toast } from '../ui.js';
import { rememberEmail } from './reset.view.js';
import type { MountView, Nav } from './view.js';
import { field } from './widgets.js';

function changePasswordForm(el: HTMLElement, current: string, nav: Nav, next: Route): void {
  const pw = h('input', {
    id: 'new-password',
    testid: 'new-password',
    attrs: { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 },
  });
  const again = h('input', {
    id: 'new-password-again',
    testid: 'new-password-again',
    attrs: { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 },
  });
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const submit = h('button', {
    class: 'button primary',
    testid: 'change-password-submit',
    text: 'Save and continue',
    attrs: { type: 'submit' },
  });
  const form = h(
    'form',
    {
      class: 'card form narrow',
      testid: 'change-password-form',
      on: {
        submit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          if (pw.value.length < 12) return void (error.textContent = 'Use at least 12 characters.');
          if (pw.value !== again.value) return void (error.textContent = 'The two passwords differ.');
          submit.disabled = true;
          try {
            await api.changePassword(current, pw.value);
            toast('Password changed.');
            await nav.refresh();
            nav.go(next);
          } catch (err) {
            error.textContent = errorText(err);
            submit.disabled = false;
          }
        },
      },
    },
    h('h1', { text: 'Choose your password' }),
    h('p', null, 'You signed in with a one-time password. Choose your own (12 characters or more) to go on.'),
    field('New password', pw),
    field('New password again', again),
    error,
    h('div', { class: 'actions' }, submit),
  );
  replace(el, h('div', { class: 'page narrow-page' }, form));
  pw.focus();
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
  const error = h('p', { class: 'form-error', testid: 'login-error', attrs: { role: 'alert' } });
  const submit = h('button', {
    class: 'button primary',
    testid: 'login-submit',
    text: 'Sign in',
    attrs: { type: 'submit' },
  });
  const form = h(
    'form',
    {
      class: 'card form narrow',
      testid: 'login-form',
      attrs: { 'aria-labelledby': 'login-title' },
      on: {
        submit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          submit.disabled = true;
          try {
            const typed = password.value;
            const me = await api.login(email.value.trim(), typed);
            password.value = '';
            if (me.mustChangePassword) return changePasswordForm(el, typed, nav, next);
            toast(`Signed in as ${me.email}.`);
            await nav.refresh();
            nav.go(next);
          } catch (err) {
            error.textContent = errorText(err);
            password.select();
          } finally {
            submit.disabled = false;
          }
        },
      },
    },
    h('h1', { id: 'login-title', text: 'Sign in' }),
    session.me
      ? h('p', {
          class: 'notice',
          text: `You are signed in as ${session.me.email}. Signing in again replaces that session.`,
        })
      : null,
    field('Email', email),
    field('Password', password),
    error,
    h('div', { class: 'actions' }, submit),
    h(
      'p',
      { class: 'small forgot' },
      link(encodeRoute({ page: 'reset', token: null }), 'Forgot your password?', {
        testid: 'forgot-password',
        on: { click: () => rememberEmail(email.value.trim()) },
      }),
    ),
    h('p', { class: 'muted small', text: 'Accounts are made by invitation from an administrator.' }),
  );
  replace(el, h('div', { class: 'page narrow-page' }, form, link('#/', '← Back to the map')));
  email.focus();
  return {};
};
