/**
 * The timeline chart, drawn by hand in SVG: a strip of reduced-violence days with phase gates on
 * top, then one row per party with incidents (grey), violations (dark) and possible violations
 * (hatched) per day. Long quiet stretches are folded into one narrow "gap" column. Colours are
 * classes in styles.css; the same numbers are in a table under the chart.
 */
import { columnOf, countScale, labelEvery, type Column } from '../chart.js';
import type { DayCounts, PhaseGate } from '../api-types.js';
import { shortDay, toDay, type Day } from '../dates.js';
import { svg } from '../dom.js';

export interface ChartRow {
  readonly id: string;
  readonly label: string;
  readonly incidents: ReadonlyMap<Day, number>;
  readonly violations: ReadonlyMap<Day, number>;
  readonly possible: ReadonlyMap<Day, number>;
}

export interface ChartInput {
  readonly columns: readonly Column[];
  /** Width available; the chart grows wider (and scrolls) when the columns need it. */
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
/** Narrowest day column before the chart scrolls sideways; a gap column is this wide too. */
export const MIN_COLUMN = 8;

const title = (text: string) => svg('title', {}, text);

export function chartWidth(columns: number, available: number): number {
  return Math.max(320, available, LEFT + RIGHT + columns * MIN_COLUMN);
}

export function timelineChart(c: ChartInput): SVGSVGElement {
  const cols = c.columns;
  const width = chartWidth(cols.length, c.width);
  const band = (width - LEFT - RIGHT) / Math.max(1, cols.length);
  const x = (i: number) => LEFT + i * band;
  const bar = Math.max(1, band * 0.78);
  const pad = (band - bar) / 2;
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
    svg(
      'text',
      { x: LEFT, y: STRIP_TOP - 6, class: 'chart-label' },
      'Reduced violence (filled = every party within the threshold)',
    ),
  );

  // Gap columns: a light band through the whole chart, with the number of quiet days.
  cols.forEach((col, i) => {
    if (col.kind !== 'gap') return;
    root.append(
      svg(
        'rect',
        {
          x: x(i) + 1,
          y: STRIP_TOP,
          width: band - 2,
          height: height - AXIS_H - STRIP_TOP,
          class: 'gap-band',
          'data-testid': 'timeline-gap',
        },
        title(`${col.from} to ${col.to}: ${col.days} days with nothing recorded`),
      ),
    );
  });

  // Reduced-violence strip
  const byDay = new Map(c.daily.map((d) => [d.day, d]));
  cols.forEach((col, i) => {
    if (col.kind !== 'day') return;
    const row = byDay.get(col.day);
    if (!row || row.reduced === undefined) return;
    root.append(
      svg(
        'rect',
        {
          x: x(i) + pad,
          y: STRIP_TOP,
          width: bar,
          height: STRIP_H,
          class: row.reduced ? 'day-reduced' : 'day-not-reduced',
          'data-testid': 'reduced-day',
        },
        title(
          `${col.day}: ${row.reduced ? 'reduced violence' : 'over the threshold'}${row.run ? ` (run of ${row.run})` : ''}`,
        ),
      ),
    );
  });

  // Phase starts and gates met
  for (const p of c.phases) {
    const marks: [Day | null, string, string][] = [
      [toDay(p.starts), `${p.name} starts`, 'phase-start'],
      [p.gate?.metOn ?? null, `Gate met: ${p.name}`, 'gate-met'],
    ];
    for (const [day, label, cls] of marks) {
      if (!day) continue;
      const i = columnOf(cols, day);
      if (i < 0) continue;
      const lx = x(i) + band / 2;
      root.append(
        svg(
          'line',
          { x1: lx, x2: lx, y1: STRIP_TOP - 2, y2: height - AXIS_H, class: `phase-line ${cls}`, 'data-testid': cls },
          title(`${label} (${day})`),
        ),
      );
    }
  }

  // One row per party
  c.rows.forEach((r, ri) => {
    const top = rowsTop + ri * (ROW_LABEL + ROW_H);
    const base = top + ROW_LABEL + ROW_H;
    root.append(svg('text', { x: LEFT, y: top + 16, class: 'row-label' }, r.label));
    for (const t of y.ticks) {
      const ty = base - y.h(t);
      root.append(
        svg('line', { x1: LEFT, x2: width - RIGHT, y1: ty, y2: ty, class: t === 0 ? 'axis' : 'grid' }),
        svg('text', { x: LEFT - 5, y: ty + 4, class: 'tick', 'text-anchor': 'end' }, String(t)),
      );
    }
    cols.forEach((col, i) => {
      if (col.kind !== 'day') return;
      const d = col.day;
      const n = r.incidents.get(d) ?? 0;
      const v = r.violations.get(d) ?? 0;
      const p = r.possible.get(d) ?? 0;
      const tip = `${r.label}, ${d}: ${n} incident(s), ${v} violation(s), ${p} possible`;
      const x0 = x(i) + pad;
      if (n > 0)
        root.append(
          svg('rect', { x: x0, y: base - y.h(n), width: bar, height: y.h(n), class: 'bar-incidents' }, title(tip)),
        );
      if (v > 0)
        root.append(
          svg(
            'rect',
            {
              x: x0 + bar * 0.2,
              y: base - y.h(v),
              width: bar * 0.6,
              height: y.h(v),
              class: 'bar-violations',
              'data-testid': 'violation-bar',
            },
            title(tip),
          ),
        );
      if (p > 0)
        root.append(
          svg(
            'rect',
            { x: x0 + bar * 0.2, y: base - y.h(v) - y.h(p), width: bar * 0.6, height: y.h(p), class: 'bar-possible' },
            title(tip),
          ),
        );
    });
  });

  // Day axis: a gap is labelled by its length
  const every = labelEvery(cols.length, Math.floor((width - LEFT) / 56));
  cols.forEach((col, i) => {
    const cx = x(i) + band / 2;
    if (col.kind === 'gap')
      root.append(svg('text', { x: cx, y: height - 6, class: 'tick gap-label', 'text-anchor': 'middle' }, '…'));
    else if (i % every === 0)
      root.append(svg('text', { x: cx, y: height - 6, class: 'tick', 'text-anchor': 'middle' }, shortDay(col.day)));
  });
  return root;
}
