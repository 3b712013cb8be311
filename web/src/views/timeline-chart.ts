/**
 * The timeline chart, drawn by hand in SVG: a strip of reduced-violence days with phase gates on
 * top, then one row per party with incidents (grey), violations (dark) and possible violations
 * (hatched) per day. Colours are classes in styles.css; the numbers are also in a table below.
 */
import { countScale, dayBands, labelEvery } from '../chart.js';
import type { DayCounts, PhaseGate } from '../api-types.js';
import { dayRange, shortDay, toDay, type Day } from '../dates.js';
import { svg } from '../dom.js';

export interface ChartRow {
  readonly id: string;
  readonly label: string;
  readonly incidents: ReadonlyMap<Day, number>;
  readonly violations: ReadonlyMap<Day, number>;
  readonly possible: ReadonlyMap<Day, number>;
}

export interface ChartInput {
  readonly from: Day;
  readonly to: Day;
  readonly width: number;
  readonly rows: readonly ChartRow[];
  readonly daily: readonly DayCounts[];
  readonly phases: readonly PhaseGate[];
}

const LEFT = 34;
const RIGHT = 8;
const STRIP_TOP = 22;
const STRIP_H = 16;
const ROW_LABEL = 28;
const ROW_H = 60;
const AXIS_H = 22;

export function timelineChart(c: ChartInput): SVGSVGElement {
  const days = dayRange(c.from, c.to);
  const width = Math.max(320, c.width);
  const bands = dayBands(c.from, c.to, LEFT, width - LEFT - RIGHT);
  const bar = Math.max(1, bands.band * 0.78);
  const pad = (bands.band - bar) / 2;
  const rowsTop = STRIP_TOP + STRIP_H + 12;
  const height = rowsTop + c.rows.length * (ROW_LABEL + ROW_H) + AXIS_H;
  const max = Math.max(1, ...c.rows.flatMap((r) => [...r.incidents.values(), ...r.violations.values()]));
  const y = countScale(max, ROW_H - 10);

  const root = svg('svg', {
    class: 'timeline-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'timeline-title timeline-desc',
    'data-testid': 'timeline-chart',
  });
  root.append(
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: 'hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 4, height: 4, class: 'hatch-bg' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 4, class: 'hatch-line' }),
      ),
    ),
  );

  // Reduced-violence strip
  const byDay = new Map(c.daily.map((d) => [d.day, d]));
  root.append(
    svg(
      'text',
      { x: LEFT, y: STRIP_TOP - 6, class: 'chart-label' },
      'Reduced violence (filled = every party within the threshold)',
    ),
  );
  for (const d of days) {
    const x = bands.x(d);
    const row = byDay.get(d);
    if (x === null || !row || row.reduced === undefined) continue;
    root.append(
      svg(
        'rect',
        {
          x: x + pad,
          y: STRIP_TOP,
          width: bar,
          height: STRIP_H,
          class: row.reduced ? 'day-reduced' : 'day-not-reduced',
          'data-testid': 'reduced-day',
        },
        svg(
          'title',
          {},
          `${d}: ${row.reduced ? 'reduced violence' : 'over the threshold'}${row.run ? ` (run ${row.run})` : ''}`,
        ),
      ),
    );
  }

  // Phase starts and gates met
  for (const p of c.phases) {
    const marks: [Day | null, string, string][] = [
      [toDay(p.starts), `${p.name} starts`, 'phase-start'],
      [p.gate?.metOn ?? null, `Gate met: ${p.name}`, 'gate-met'],
    ];
    for (const [day, label, cls] of marks) {
      if (!day) continue;
      const x = bands.x(day);
      if (x === null) continue;
      root.append(
        svg(
          'line',
          { x1: x, x2: x, y1: STRIP_TOP - 2, y2: height - AXIS_H, class: `phase-line ${cls}`, 'data-testid': cls },
          svg('title', {}, `${label} (${day})`),
        ),
      );
    }
  }

  // One row per party
  c.rows.forEach((r, i) => {
    const top = rowsTop + i * (ROW_LABEL + ROW_H);
    const base = top + ROW_LABEL + ROW_H;
    root.append(svg('text', { x: LEFT, y: top + 15, class: 'row-label' }, r.label));
    for (const t of y.ticks) {
      const ty = base - y.h(t);
      root.append(
        svg('line', { x1: LEFT, x2: width - RIGHT, y1: ty, y2: ty, class: t === 0 ? 'axis' : 'grid' }),
        svg('text', { x: LEFT - 5, y: ty + 4, class: 'tick', 'text-anchor': 'end' }, String(t)),
      );
    }
    for (const d of days) {
      const x = bands.x(d);
      if (x === null) continue;
      const n = r.incidents.get(d) ?? 0;
      const v = r.violations.get(d) ?? 0;
      const p = r.possible.get(d) ?? 0;
      const tip = `${r.label}, ${d}: ${n} incident(s), ${v} violation(s), ${p} possible`;
      if (n > 0)
        root.append(
          svg(
            'rect',
            { x: x + pad, y: base - y.h(n), width: bar, height: y.h(n), class: 'bar-incidents' },
            svg('title', {}, tip),
          ),
        );
      if (v > 0)
        root.append(
          svg(
            'rect',
            {
              x: x + pad + bar * 0.2,
              y: base - y.h(v),
              width: bar * 0.6,
              height: y.h(v),
              class: 'bar-violations',
              'data-testid': 'violation-bar',
            },
            svg('title', {}, tip),
          ),
        );
      if (p > 0)
        root.append(
          svg(
            'rect',
            {
              x: x + pad + bar * 0.2,
              y: base - y.h(v) - y.h(p),
              width: bar * 0.6,
              height: y.h(p),
              class: 'bar-possible',
            },
            svg('title', {}, tip),
          ),
        );
    }
  });

  // Day axis
  const every = labelEvery(days.length, Math.floor((width - LEFT) / 56));
  days.forEach((d, i) => {
    const x = bands.x(d);
    if (x === null || i % every !== 0) return;
    root.append(
      svg('text', { x: x + bands.band / 2, y: height - 6, class: 'tick', 'text-anchor': 'middle' }, shortDay(d)),
    );
  });
  return root;
}
