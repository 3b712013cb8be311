/**
 * The time window controls shared by the map and the timeline: the span the window moves in (the
 * agreement's period, the default, or the whole record), "last 24 hours / 7 days / 30 days / whole
 * period" and a slider for the window's last day, counted back from the span's last day.
 */
import { formatDay, formatSpan } from '../dates.js';
import { h } from '../dom.js';
import type { Selection } from '../filter.js';
import { agreementTime } from '../session.js';
import type { Filters } from '../state.js';
import { dayToIndex, indexToDay, WINDOW_LABELS, WINDOWS } from '../time-window.js';

export interface TimeControls {
  readonly el: HTMLElement;
  /** Show the current filters and selection (keeps focus: nothing is rebuilt). */
  sync(filters: Filters, s: Selection): void;
}

export function rangeText(s: Selection): string {
  if (!s.range) return 'No dated incidents';
  return s.range.from === s.range.to
    ? formatDay(s.range.from)
    : `${formatDay(s.range.from)} – ${formatDay(s.range.to)}`;
}

export function timeControls(go: (f: Partial<Filters>) => void): TimeControls {
  let record: Selection['record'] = null;
  const spans = (['agreement', 'all'] as const).map((span) =>
    h('button', {
      class: 'seg',
      testid: `span-${span}`,
      text: span === 'agreement' ? 'Agreement' : 'Whole record',
      attrs: { type: 'button', 'aria-pressed': 'false' },
      on: { click: () => go({ span, to: null }) },
    }),
  );
  const spanNote = h('p', { class: 'muted small span-note', testid: 'span-note' });
  const buttons = WINDOWS.map((w) =>
    h('button', {
      class: 'seg',
      testid: `window-${w}`,
      text: WINDOW_LABELS[w],
      attrs: { type: 'button', 'aria-pressed': 'false' },
      on: { click: () => go({ win: w, to: null }) },
    }),
  );
  const slider = h('input', {
    id: 'time-slider',
    testid: 'time-slider',
    attrs: { type: 'range', min: 0, max: 0, step: 1, value: 0, disabled: true, 'aria-describedby': 'time-range' },
    on: {
      input: () => {
        if (record) go({ to: indexToDay(Number(slider.value), record) });
      },
    },
  });
  const out = h('output', {
    id: 'time-range',
    class: 'range-text',
    testid: 'time-range',
    attrs: { for: 'time-slider' },
  });
  const el = h(
    'section',
    { class: 'time', testid: 'time-controls', attrs: { 'aria-label': 'Time window' } },
    h('h2', { class: 'panel-title', text: 'Time window' }),
    h('p', { class: 'seg-label', id: 'span-label', text: 'Span' }),
    h('div', { class: 'segmented span', attrs: { role: 'group', 'aria-labelledby': 'span-label' } }, spans),
    spanNote,
    h('p', { class: 'seg-label', id: 'window-label', text: 'Show' }),
    h('div', { class: 'segmented', attrs: { role: 'group', 'aria-labelledby': 'window-label' } }, buttons),
    h('label', { class: 'slider-label', attrs: { for: 'time-slider' } }, 'Window ends on'),
    slider,
    out,
  );
  return {
    el,
    sync(filters, s) {
      record = s.record;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.testid === `window-${filters.win}`));
      // Without an agreement (or its start), there is only the whole record.
      const span = s.period ? filters.span : 'all';
      for (const b of spans) {
        b.setAttribute('aria-pressed', String(b.dataset.testid === `span-${span}`));
        b.hidden = !s.period;
      }
      spanNote.textContent = s.period
        ? span === 'agreement'
          ? `${formatSpan(s.period)}: ${agreementTime()?.to ? 'from the agreement’s start to its end' : 'from the agreement’s start while its incidents continue'}.`
          : `${formatSpan(s.whole)}: every incident, before and after the agreement.`
        : '';
      spanNote.hidden = !s.period;
      slider.disabled = !record;
      if (record) {
        slider.max = String(dayToIndex(record.to, record));
        slider.value = String(dayToIndex(s.range?.to ?? record.to, record));
        slider.setAttribute('aria-valuetext', s.range ? formatDay(s.range.to) : '');
      }
      out.textContent = rangeText(s);
    },
  };
}
