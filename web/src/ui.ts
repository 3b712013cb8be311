/** Small shared pieces of the views: badges, loading and error states, toasts, page headings. */
import { ApiError } from './api.js';
import { h, link, type Child } from './dom.js';
import { encodeRoute } from './state.js';
import {
  FINDING_LABELS,
  GRADE_LABELS,
  humanize,
  isFindingStatus,
  isGrade,
  isReviewState,
  REVIEW_LABELS,
} from './vocab.js';

export function reviewBadge(state: string | null | undefined): HTMLElement {
  const s = state ?? 'machine';
  const label = isReviewState(s) ? REVIEW_LABELS[s] : humanize(s);
  return h('span', {
    class: `badge review review-${isReviewState(s) ? s : 'other'}`,
    testid: 'review-state',
    text: label,
  });
}

export function gradeBadge(grade: string | null | undefined): HTMLElement {
  const g = grade ?? 'single_source';
  return h('span', {
    class: `badge grade grade-${isGrade(g) ? g : 'other'}`,
    text: isGrade(g) ? GRADE_LABELS[g] : humanize(g),
  });
}

export function statusBadge(status: string): HTMLElement {
  return h('span', {
    class: `badge status status-${isFindingStatus(status) ? status : 'other'}`,
    text: isFindingStatus(status) ? FINDING_LABELS[status] : humanize(status),
  });
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'state loading', attrs: { role: 'status' }, testid: 'loading' }, `Loading ${what}…`);
}

export function empty(text: string, ...more: Child[]): HTMLElement {
  return h('div', { class: 'state empty', testid: 'empty' }, h('p', null, text), ...more);
}

/** What went wrong, said plainly: a missing route, a needed sign-in, or the server's message and code. */
export function errorState(err: unknown, what: string): HTMLElement {
  if (err instanceof ApiError) {
    if (err.missing)
      return h(
        'div',
        { class: 'state unavailable', testid: 'unavailable' },
        h('p', null, `The ${what} are not available from this server yet.`),
        h('p', { class: 'muted' }, `(${err.message})`),
      );
    if (err.unauthenticated)
      return h(
        'div',
        { class: 'state error', testid: 'error' },
        h(
          'p',
          null,
          `Sign in to see the ${what}. `,
          link(encodeRoute({ page: 'login', next: location.hash || null }), 'Sign in'),
        ),
      );
    if (err.status === 403)
      return h(
        'div',
        { class: 'state error', testid: 'error' },
        h('p', null, `Your account may not see the ${what}. (${err.code})`),
      );
    if (err.status === 404)
      return h('div', { class: 'state error', testid: 'error' }, h('p', null, `Not found: ${err.message}`));
    return h(
      'div',
      { class: 'state error', testid: 'error', attrs: { role: 'alert' } },
      h('p', null, `Could not load the ${what}: ${err.message}`),
      h('p', { class: 'muted' }, `Error ${err.code}`),
    );
  }
  return h(
    'div',
    { class: 'state error', testid: 'error', attrs: { role: 'alert' } },
    h('p', null, `Could not load the ${what}.`),
    h('p', { class: 'muted' }, err instanceof Error ? err.message : String(err)),
  );
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return `${err.message} (${err.code})`;
  return err instanceof Error ? err.message : String(err);
}

let toastTimer = 0;

/** A short message read out by screen readers (the region is aria-live). */
export function toast(text: string, kind: 'ok' | 'error' = 'ok'): void {
  const region = document.querySelector('.toast-region');
  if (!region) return;
  const t = h('div', { class: `toast toast-${kind}`, testid: 'toast', text });
  region.replaceChildren(t);
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => t.remove(), kind === 'error' ? 9000 : 5000);
}

/** The page a signed-out visitor gets instead of one that needs an account: why, and a sign-in link back to `next`. */
export function signInPage(title: string, why: string, next: string): HTMLElement {
  return h(
    'div',
    { class: 'page narrow-page' },
    pageHeader(title),
    empty(why, link(encodeRoute({ page: 'login', next }), 'Sign in', { class: 'button' })),
  );
}

export function pageHeader(title: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'page-header' }, h('h1', { text: title }), ...extra);
}

/** "3–12" or "5" or "unknown" for fatalities low/best/high. */
export function fatalityText(low?: number | null, best?: number | null, high?: number | null): string {
  const b = best ?? low ?? high;
  if (b === null || b === undefined) return 'unknown';
  if (low !== null && low !== undefined && high !== null && high !== undefined && low !== high)
    return `${b} (${low}–${high})`;
  return String(b);
}

/** A labelled definition list from pairs, skipping empty values. */
export function facts(pairs: readonly [string, Child][]): HTMLElement {
  const dl = h('dl', { class: 'facts' });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    dl.append(h('dt', { text: k }), h('dd', null, v));
  }
  return dl;
}
