/** The map's legend: what the fill, the outline and the size of a circle mean, drawn with the same scales. */
import { h, svg } from '../dom.js';
import { fatalityRadius, LEGEND_FATALITIES, LEGEND_REVIEW, LEGEND_TYPES } from '../scales.js';
import { REVIEW_LABELS } from '../vocab.js';

function dot(fill: string, r: number, stroke = '#333', weight = 1, dash: string | null = null, opacity = 0.85) {
  const size = Math.ceil(2 * r + weight + 2);
  return svg(
    'svg',
    { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true', class: 'legend-dot' },
    svg('circle', {
      cx: size / 2,
      cy: size / 2,
      r,
      fill,
      'fill-opacity': opacity,
      stroke,
      'stroke-width': weight,
      'stroke-dasharray': dash,
    }),
  );
}

export function legend(): HTMLElement {
  return h(
    'section',
    { class: 'legend', testid: 'map-legend', attrs: { 'aria-label': 'Legend' } },
    h('h2', { class: 'panel-title', text: 'Legend' }),
    h('h3', { text: 'Event type (fill)' }),
    h(
      'ul',
      { class: 'legend-list' },
      LEGEND_TYPES.map((t) => h('li', null, dot(t.colour, 6), t.label)),
    ),
    h('h3', { text: 'Review (outline)' }),
    h(
      'ul',
      { class: 'legend-list' },
      LEGEND_REVIEW.map((r) =>
        h(
          'li',
          null,
          dot('#bbbbbb', 7, r.ring.color, r.ring.weight, r.ring.dashArray, r.ring.fillOpacity),
          REVIEW_LABELS[r.state],
        ),
      ),
    ),
    h('h3', { text: 'Fatalities (size)' }),
    h(
      'ul',
      { class: 'legend-list legend-sizes' },
      LEGEND_FATALITIES.map((f) =>
        h('li', null, dot('#bbbbbb', fatalityRadius(f)), f === 0 ? 'none or unknown' : String(f)),
      ),
    ),
    h('p', { class: 'muted small', text: 'Dashed blue outlines: the agreement’s zones.' }),
  );
}
