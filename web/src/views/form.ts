/**
 * The shape of the dashboard's small account forms (sign in, choose or change a password, ask for a
 * reset link): a card with a heading, labelled fields, an error line read out when it changes, and a
 * submit button that is disabled while the request runs (and stays so after a success, which moves on:
 * another page or another form). The request itself goes through api.ts (which sends the CSRF token on
 * writes).
 */
import { h, replace, type Child } from '../dom.js';
import { errorText } from '../ui.js';
import { field } from './widgets.js';

export interface AccountFormOptions {
  /** data-testid of the form. */
  readonly testid: string;
  readonly title: string;
  /** The heading's level: h1 when the form is the page (the default), h2 when it is one part of a page. */
  readonly heading?: 'h1' | 'h2';
  /** The heading's id; when given, the form is labelled by it (aria-labelledby). */
  readonly titleId?: string;
  /** Between the heading and the fields (an explanation, a notice). */
  readonly intro?: Child;
  /** Label and control of each field, in order. */
  readonly fields: readonly (readonly [label: string, control: HTMLElement])[];
  readonly submitText: string;
  readonly submitTestid: string;
  /** data-testid of the error line. */
  readonly errorTestid?: string;
  /**
   * Where errors are shown when the page has its own status line (a live region elsewhere on the page);
   * by default the form has its own error line, after the fields.
   */
  readonly errorLine?: HTMLElement;
  /** After the submit button (links, notes). */
  readonly after?: Child;
  /** Checked before sending: the message to show, or null to send. */
  readonly check?: () => string | null;
  /** The request and what follows its success (a toast, navigation, another form). */
  readonly send: (form: HTMLFormElement) => Promise<void>;
  /** After a failed request, once its error is shown (select the password to type it again). */
  readonly failed?: () => void;
}

export function accountForm(o: AccountFormOptions): HTMLFormElement {
  const own = o.errorLine ? null : h('p', { class: 'form-error', testid: o.errorTestid, attrs: { role: 'alert' } });
  const error = o.errorLine ?? (own as HTMLElement);
  const submit = h('button', {
    class: 'button primary',
    testid: o.submitTestid,
    text: o.submitText,
    attrs: { type: 'submit' },
  });
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card form narrow',
      testid: o.testid,
      attrs: { 'aria-labelledby': o.titleId },
      on: {
        submit: async (e) => {
          e.preventDefault();
          error.textContent = '';
          const problem = o.check?.() ?? null;
          if (problem !== null) return void (error.textContent = problem);
          submit.disabled = true;
          try {
            await o.send(form);
          } catch (err) {
            error.textContent = errorText(err);
            o.failed?.();
            submit.disabled = false;
          }
        },
      },
    },
    h(o.heading ?? 'h1', { id: o.titleId, text: o.title }),
    o.intro,
    o.fields.map(([label, control]) => field(label, control)),
    own,
    h('div', { class: 'actions' }, submit),
    o.after,
  );
  return form;
}

/** Shows the form as the page, with what goes `below` it, and puts the cursor in `first`. */
export function showAccountForm(el: HTMLElement, form: HTMLFormElement, first: HTMLElement, below?: Child): void {
  replace(el, h('div', { class: 'page narrow-page' }, form, below));
  first.focus();
}

/** A new password typed twice (12 characters or more), its fields and the check of the pair. */
export interface NewPassword {
  readonly input: HTMLInputElement;
  readonly fields: AccountFormOptions['fields'];
  readonly check: () => string | null;
}

/** `id` names the first input (id and data-testid); the second is `${id}-again`. */
export function newPassword(id: string): NewPassword {
  const input = passwordInput(id);
  const again = passwordInput(`${id}-again`);
  return {
    input,
    fields: [
      ['New password', input],
      ['New password again', again],
    ],
    check: () => {
      if (input.value.length < 12) return 'Use at least 12 characters.';
      if (input.value !== again.value) return 'The two passwords differ.';
      return null;
    },
  };
}

function passwordInput(id: string): HTMLInputElement {
  return h('input', {
    id,
    testid: id,
    attrs: { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 },
  });
}
