/**
 * The time window controls shared by the map and the timeline: "last 24 hours / 7 days / 30 days /
 * whole period" and a slider for the window's last day, both counted from the latest incident.
 */
import { formatDay } from '../dates.js';
import { h } from '../dom.js';
import type { Selection } from '../filter.js';
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
    h('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': 'Window length' } }, buttons),
    h('label', { class: 'slider-label', attrs: { for: 'time-slider' } }, 'Window ends on'),
    slider,
    out,
    h('p', { class: 'muted small', text: '“Last” counts back from the latest incident shown.' }),
  );
  return {
    el,
    sync(filters, s) {
      record = s.record;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.testid === `window-${filters.win}`));
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
