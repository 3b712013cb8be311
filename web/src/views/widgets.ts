/** Form pieces shared by the views. */
import { h, swatch } from '../dom.js';

export interface CheckboxGroup {
  readonly el: HTMLFieldSetElement;
  /** Set the boxes from the current filters (after a route change), keeping focus where it is. */
  sync(): void;
}

export function checkboxGroup(
  legend: string,
  name: string,
  options: readonly { value: string; label: string; colour?: string }[],
  selected: () => readonly string[],
  onChange: (values: string[]) => void,
): CheckboxGroup {
  const boxes = options.map((o) =>
    h('input', {
      testid: `filter-${name}-${o.value}`,
      attrs: { type: 'checkbox', name, value: o.value },
      on: { change: () => onChange(boxes.filter((b) => b.checked).map((b) => b.value)) },
    }),
  );
  const el = h(
    'fieldset',
    { class: 'checks', testid: `filter-${name}` },
    h('legend', { text: legend }),
    options.map((o, i) => h('label', { class: 'check' }, boxes[i], o.colour ? swatch(o.colour) : null, o.label)),
  );
  return {
    el,
    sync() {
      const s = new Set(selected());
      for (const b of boxes) b.checked = s.has(b.value);
    },
  };
}

/** A labelled field (label, control, optional hint). */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), control, hintEl);
}
