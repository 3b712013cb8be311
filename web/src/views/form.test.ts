import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { ApiError } from '../api.js';
import { accountForm, newPassword, showAccountForm, type AccountFormOptions } from './form.js';

// The forms are DOM: a linkedom document stands in for the browser's.
const { document: doc, window: win } = parseHTML('<!doctype html><html><body><main></main></body></html>');
(globalThis as { document?: unknown }).document = doc;

const submitEvent = () => new (win as unknown as typeof globalThis).Event('submit', { cancelable: true });
const testid = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

function emailForm(options: Partial<AccountFormOptions> = {}) {
  const email = document.createElement('input');
  email.id = 'f-email';
  const form = accountForm({
    testid: 'f',
    title: 'Sign in',
    titleId: 'f-title',
    fields: [['Email', email]],
    submitText: 'Go',
    submitTestid: 'f-submit',
    errorTestid: 'f-error',
    send: async () => undefined,
    ...options,
  });
  return { form, email, submit: testid(form, 'f-submit') as HTMLButtonElement, error: testid(form, 'f-error') };
}

describe('account forms', () => {
  it('a card labelled by its heading, labelled fields, an alert line and a submit button', () => {
    const { form, email, submit, error } = emailForm({ intro: 'Welcome', after: 'Below' });
    assert.equal(form.tagName, 'FORM');
    assert.equal(form.className, 'card form narrow');
    assert.equal(form.dataset.testid, 'f');
    assert.equal(form.getAttribute('aria-labelledby'), 'f-title');
    const title = form.querySelector('h1') as HTMLElement;
    assert.equal(title.id, 'f-title');
    assert.equal(title.textContent, 'Sign in');
    const label = form.querySelector('label[for="f-email"]') as HTMLElement;
    assert.equal(label.textContent, 'Email');
    assert.equal(label.parentElement, email.parentElement);
    assert.equal(error.getAttribute('role'), 'alert');
    assert.equal(error.className, 'form-error');
    assert.equal(submit.getAttribute('type'), 'submit');
    assert.equal(submit.textContent, 'Go');
    assert.equal(submit.parentElement?.className, 'actions');
    assert.deepEqual(
      [...form.childNodes].map((n) => (n as Element).tagName ?? n.textContent),
      ['H1', 'Welcome', 'DIV', 'P', 'DIV', 'Below'],
    );
  });

  it('without a heading id or error test id, neither attribute is set', () => {
    const form = accountForm({
      testid: 'g',
      title: 'T',
      fields: [],
      submitText: 'Go',
      submitTestid: 'g-submit',
      send: async () => undefined,
    });
    assert.equal(form.hasAttribute('aria-labelledby'), false);
    assert.equal((form.querySelector('h1') as HTMLElement).hasAttribute('id'), false);
    assert.equal((form.querySelector('.form-error') as HTMLElement).hasAttribute('data-testid'), false);
  });

  it('as one part of a page: an h2, and errors in the status line the page gives', async () => {
    const line = document.createElement('p');
    const { form, error } = emailForm({
      heading: 'h2',
      errorLine: line,
      errorTestid: 'unused',
      check: () => 'Not yet.',
    });
    assert.equal(form.querySelector('h1'), null);
    assert.equal((form.querySelector('h2') as HTMLElement).textContent, 'Sign in');
    assert.equal(form.querySelector('.form-error'), null, 'no error line of its own');
    assert.equal(error, null);
    form.dispatchEvent(submitEvent());
    assert.equal(line.textContent, 'Not yet.');
  });

  it('the button is disabled while the request runs and after its success, the old error is cleared', async () => {
    const sent = deferred();
    let calls = 0;
    const { form, submit, error } = emailForm({
      send: (f) => {
        assert.equal(f, form);
        calls++;
        return sent.promise;
      },
    });
    error.textContent = 'old';
    const e = submitEvent();
    form.dispatchEvent(e);
    assert.equal(e.defaultPrevented, true);
    assert.equal(calls, 1);
    assert.equal(error.textContent, '');
    assert.equal(submit.disabled, true);
    sent.resolve();
    await sent.promise;
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(submit.disabled, true, 'a success moves on: no second send meanwhile');
    assert.equal(error.textContent, '');
  });

  it('a failed check is shown and nothing is sent', () => {
    let calls = 0;
    const { form, submit, error } = emailForm({
      check: () => 'Not yet.',
      send: async () => void calls++,
    });
    form.dispatchEvent(submitEvent());
    assert.equal(error.textContent, 'Not yet.');
    assert.equal(calls, 0);
    assert.equal(submit.disabled, false);
  });

  it('a failed request shows its error, then `failed` runs and the button is enabled again', async () => {
    const sent = deferred();
    const seen: string[] = [];
    const { form, submit, error } = emailForm({
      send: () => sent.promise,
      failed: () => seen.push(`failed after "${error.textContent}"`),
    });
    form.dispatchEvent(submitEvent());
    sent.reject(new ApiError(401, 'E010', 'Wrong email or password.'));
    await sent.promise.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(error.textContent, 'Wrong email or password. (E010)');
    assert.deepEqual(seen, ['failed after "Wrong email or password. (E010)"']);
    assert.equal(submit.disabled, false);
  });

  it('shown as the page, with the cursor in its first field', () => {
    const el = document.querySelector('main') as HTMLElement;
    const { form, email } = emailForm();
    let focused = 0;
    email.focus = () => void focused++;
    showAccountForm(el, form, email, 'back');
    assert.equal(el.children.length, 1);
    const page = el.firstElementChild as HTMLElement;
    assert.equal(page.className, 'page narrow-page');
    assert.equal(page.firstElementChild, form);
    assert.equal(page.lastChild?.textContent, 'back');
    assert.equal(focused, 1);
  });
});

describe('a new password typed twice', () => {
  const pw = newPassword('np');
  const [first, second] = pw.fields.map(([, c]) => c as HTMLInputElement);
  it('two password inputs named by the id', () => {
    assert.deepEqual(
      pw.fields.map(([label, c]) => [label, c.id, c.dataset.testid, c.getAttribute('autocomplete')]),
      [
        ['New password', 'np', 'np', 'new-password'],
        ['New password again', 'np-again', 'np-again', 'new-password'],
      ],
    );
    assert.equal(first, pw.input);
    for (const c of [first, second]) {
      assert.equal(c?.getAttribute('type'), 'password');
      assert.equal(c?.getAttribute('minlength'), '12');
      assert.equal(c?.hasAttribute('required'), true);
    }
  });
  const table = [
    { a: 'short', b: 'short', want: 'Use at least 12 characters.' },
    { a: 'twelve chars', b: 'twelve chars!', want: 'The two passwords differ.' },
    { a: 'twelve chars', b: 'twelve chars', want: null },
  ];
  for (const t of table)
    it(`${JSON.stringify(t.a)} / ${JSON.stringify(t.b)} -> ${t.want}`, () => {
      (first as HTMLInputElement).value = t.a;
      (second as HTMLInputElement).value = t.b;
      assert.equal(pw.check(), t.want);
    });
});
