/**
 * The timeline: incidents and violations per day and party, the run of reduced-violence days and the
 * phase gates. Same filters as the map (window, parties, types, grades, review).
 */
import { api } from '../api.js';
import type { Compliance, Incident } from '../api-types.js';
import { compressDays } from '../chart.js';
import { dayRange, formatDay, toDay, type Day } from '../dates.js';
import { h, replace } from '../dom.js';
import { incidentsPerDay, select } from '../filter.js';
import { agreementTime, loadIncidents, parties, partyName, session } from '../session.js';
import { DEFAULT_FILTERS, type Filters } from '../state.js';
import { areaTest } from '../geo.js';
import { empty, errorState, loading, pageHeader } from '../ui.js';
import { timelineChart, type ChartRow } from './timeline-chart.js';
import { timeControls } from './time-controls.js';
import { checkboxGroup } from './widgets.js';
import type { MountView } from './view.js';

const MAX_COLUMNS = 400;

interface Data {
  readonly incidents: readonly Incident[];
  readonly compliance: Compliance | null;
  readonly complianceError: unknown;
}

function rowsFor(f: Filters, items: readonly Incident[], c: Compliance | null, from: Day, to: Day): ChartRow[] {
  const inWindow = items.filter((i) => {
    const d = (i.date.start ?? '').slice(0, 10);
    return d >= from && d <= to;
  });
  const perDay = incidentsPerDay(inWindow);
  const ids = parties().map((p) => p.id);
  const shown = f.parties.length > 0 ? ids.filter((p) => f.parties.includes(p)) : ids;
  const pick = (fn: (d: Compliance['daily'][number]) => number) =>
    new Map((c?.daily ?? []).map((d) => [d.day, fn(d)] as [Day, number]).filter(([, n]) => n > 0));
  return shown.map((p) => ({
    id: p,
    label: partyName(p),
    incidents: new Map([...perDay].map(([d, m]) => [d, m.get(p) ?? 0] as [Day, number])),
    violations: pick((d) => d.parties[p]?.violations ?? 0),
    possible: pick((d) => d.parties[p]?.possible ?? 0),
  }));
}

function summary(c: Compliance | null, err: unknown): HTMLElement {
  if (!c) return err ? errorState(err, 'compliance figures (violations, streak, phases)') : h('div');
  const streak = c.streak;
  return h(
    'div',
    { class: 'cards' },
    h(
      'section',
      { class: 'card stat', testid: 'streak' },
      h('h2', { text: 'Reduced-violence streak' }),
      streak
        ? h(
            'p',
            { class: 'big' },
            String(streak.current),
            h('span', { class: 'unit', text: streak.current === 1 ? ' day' : ' days' }),
          )
        : h('p', { class: 'muted', text: 'not computed' }),
      streak
        ? h(
            'p',
            { class: 'muted' },
            `Days in a row with no party over ${streak.threshold ?? 0} violation(s) a day. Longest: ${streak.longest}.`,
            streak.lastReset ? ` Last broken on ${formatDay(streak.lastReset)}.` : '',
          )
        : null,
    ),
    h(
      'section',
      { class: 'card phases', testid: 'phase-gates' },
      h('h2', { text: 'Phases and gates' }),
      c.phases.length === 0
        ? h('p', { class: 'muted', text: 'The agreement has no phases.' })
        : h(
            'ul',
            { class: 'plain' },
            c.phases.map((p) =>
              h(
                'li',
                { testid: 'phase' },
                h('strong', { text: p.name }),
                p.starts ? h('span', { class: 'muted', text: ` from ${p.starts}` }) : null,
                p.gate
                  ? h(
                      'p',
                      { class: p.gate.metOn ? 'gate gate-met' : 'gate gate-open' },
                      p.gate.metOn
                        ? `Gate met on ${formatDay(p.gate.metOn)}. `
                        : `Gate not met (needs ${p.gate.consecutiveDays} days). `,
                      h('span', { class: 'muted', text: p.gate.explanation }),
                    )
                  : null,
              ),
            ),
          ),
    ),
  );
}

function table(rows: readonly ChartRow[], days: readonly Day[]): HTMLElement {
  const withData = days.filter((d) =>
    rows.some((r) => (r.incidents.get(d) ?? 0) + (r.violations.get(d) ?? 0) + (r.possible.get(d) ?? 0) > 0),
  );
  return h(
    'details',
    { class: 'data-table' },
    h('summary', { text: 'The numbers as a table' }),
    withData.length === 0
      ? h('p', { class: 'muted', text: 'No incident or violation on these days.' })
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            null,
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { text: 'Day' }),
                rows.map((r) => h('th', { text: r.label, attrs: { scope: 'col' } })),
              ),
            ),
            h(
              'tbody',
              null,
              withData.map((d) =>
                h(
                  'tr',
                  null,
                  h('th', { text: formatDay(d), attrs: { scope: 'row' } }),
                  rows.map((r) =>
                    h('td', {
                      text: `${r.incidents.get(d) ?? 0} inc. · ${r.violations.get(d) ?? 0} viol. · ${r.possible.get(d) ?? 0} poss.`,
                    }),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

export const mountTimeline: MountView = (el, route, nav) => {
  let current = route;
  let data: Data | null = null;
  const filters = () => (current.page === 'timeline' ? current.filters : DEFAULT_FILTERS);
  const go = (f: Partial<Filters>) => nav.go({ page: 'timeline', filters: { ...filters(), ...f } }, { replace: true });
  const time = timeControls(go);
  const partyBox = checkboxGroup(
    'Parties shown',
    'party',
    parties().map((p) => ({ value: p.id, label: p.name })),
    () => filters().parties,
    (values) => go({ parties: values }),
  );
  const inArea = areaTest(session.agreement?.zones);
  const body = h('div', { class: 'timeline-body' }, loading('the timeline'));
  const chartBox = h('div', { class: 'chart-box', testid: 'timeline' });
  replace(
    el,
    h(
      'div',
      { class: 'page wide-page' },
      pageHeader(
        'Timeline',
        h(
          'p',
          { class: 'lede', id: 'timeline-desc' },
          session.agreement
            ? `Incidents and violations per day and party under ${session.agreement.title}.`
            : 'No agreement is loaded: violations cannot be shown.',
        ),
      ),
      h('div', { class: 'card toolbar' }, time.el, parties().length > 0 ? partyBox.el : null),
      body,
    ),
  );

  const draw = () => {
    if (!data || current.page !== 'timeline') return;
    const f = current.filters;
    const sel = select(data.incidents, { ...f, parties: [] }, inArea, agreementTime());
    time.sync(f, sel);
    partyBox.sync();
    const period = data.compliance?.period;
    let from = sel.range?.from ?? period?.from ?? null;
    const to = sel.range?.to ?? period?.to ?? null;
    // The whole period starts with the agreement (or the first incident before it) and ends with the
    // latest incident shown.
    if (f.win === 'all' && period?.from && (!from || period.from < from)) from = period.from;
    if (!from || !to) {
      replace(chartBox, empty('No dated incidents to draw yet.'));
      return;
    }
    const rows = rowsFor(f, sel.items, data.compliance, from, to);
    const busy = new Set<Day>();
    for (const r of rows)
      for (const m of [r.incidents, r.violations, r.possible]) for (const [d, n] of m) if (n > 0) busy.add(d);
    for (const d of data.compliance?.daily ?? []) if (d.reduced === false) busy.add(d.day);
    for (const p of data.compliance?.phases ?? []) {
      const start = toDay(p.starts);
      if (start) busy.add(start);
      if (p.gate?.metOn) busy.add(p.gate.metOn);
    }
    let columns = compressDays(dayRange(from, to), busy);
    let note: string | null = columns.some((c) => c.kind === 'gap')
      ? 'Quiet stretches of a week or more are folded into a narrow column (…).'
      : null;
    if (columns.length > MAX_COLUMNS) {
      columns = columns.slice(0, MAX_COLUMNS);
      note = `Showing the first ${MAX_COLUMNS} columns; choose a window above to see later days.`;
    }
    const width = Math.max(chartBox.clientWidth - 34 || 0, el.clientWidth - 64);
    replace(
      chartBox,
      h('h2', { id: 'timeline-title', class: 'chart-title', text: `${formatDay(from)} – ${formatDay(to)}` }),
      note ? h('p', { class: 'muted small', text: note }) : null,
      rows.length === 0
        ? empty('The agreement names no parties to chart.')
        : h(
            'div',
            {
              class: 'chart-scroll',
              attrs: { tabindex: 0, 'aria-label': 'Timeline chart (scrolls sideways when long)' },
            },
            timelineChart({
              columns,
              width,
              rows,
              daily: data.compliance?.daily ?? [],
              phases: data.compliance?.phases ?? [],
            }),
          ),
      h(
        'ul',
        { class: 'chart-key' },
        h('li', null, h('span', { class: 'key key-incidents' }), 'Incidents naming the party'),
        h('li', null, h('span', { class: 'key key-violations' }), 'Violations'),
        h('li', null, h('span', { class: 'key key-possible' }), 'Possible violations'),
        h('li', null, h('span', { class: 'key key-reduced' }), 'Day of reduced violence'),
        h('li', null, h('span', { class: 'key key-gate' }), 'Phase start (dashed) / gate met (solid)'),
      ),
      table(rows, dayRange(from, to)),
    );
  };

  Promise.all([
    loadIncidents(),
    session.agreement
      ? api.compliance(session.agreement.id).then(
          (c) => ({ c, e: null as unknown }),
          (e: unknown) => ({ c: null, e }),
        )
      : Promise.resolve({ c: null, e: session.agreementError }),
  ])
    .then(([inc, comp]) => {
      data = { incidents: inc.items, compliance: comp.c, complianceError: comp.e };
      replace(body, chartBox, summary(comp.c, comp.e));
      draw();
    })
    .catch((e) => replace(body, errorState(e, 'incidents')));

  let lastWidth = 0;
  const resize = new ResizeObserver(() => {
    if (Math.abs(el.clientWidth - lastWidth) < 8) return;
    lastWidth = el.clientWidth;
    draw();
  });
  resize.observe(el);
  return {
    update(r) {
      current = r;
      draw();
    },
    unmount() {
      resize.disconnect();
    },
  };
};
