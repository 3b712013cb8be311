/**
 * The compliance board: per term and party, how many violations and possible violations; the latest
 * violations with their explanations; obligations and phase gates. Only what this viewer may see counts.
 */
import { api } from '../api.js';
import type { Compliance, Finding } from '../api-types.js';
import { formatDay } from '../dates.js';
import { h, link, replace } from '../dom.js';
import { parties, partyName, session } from '../session.js';
import { encodeRoute, type Route } from '../state.js';
import { select } from '../filter.js';
import { agreementTime, loadIncidents } from '../session.js';
import { areaTest } from '../geo.js';
import { empty, errorState, loading, pageHeader, reviewBadge, statusBadge } from '../ui.js';
import { explanationBlock } from './incident-parts.js';
import type { MountView } from './view.js';

function cell(v: number, p: number): HTMLElement {
  const level = v >= 5 ? 'l3' : v >= 2 ? 'l2' : v >= 1 ? 'l1' : p > 0 ? 'lp' : 'l0';
  return h(
    'td',
    { class: `count ${level}`, testid: 'compliance-cell' },
    h('span', { class: 'n-viol', text: String(v) }),
    h('span', { class: 'n-poss', text: p > 0 ? ` +${p} possible` : '' }),
  );
}

function stat(n: number, label: string, cls: string): HTMLElement {
  return h(
    'div',
    { class: `stat-box ${cls}` },
    h('span', { class: 'stat-n', text: String(n) }),
    h('span', { class: 'stat-label', text: label }),
  );
}

function board(c: Compliance, shownParties: readonly string[]): HTMLElement {
  const by = new Map(c.counts.map((x) => [`${x.term}\u0000${x.party}`, x]));
  const totals = new Map<string, { v: number; p: number }>();
  for (const x of c.counts) {
    const t = totals.get(x.party) ?? { v: 0, p: 0 };
    totals.set(x.party, { v: t.v + x.violation, p: t.p + x.possible_violation });
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'board', testid: 'compliance-board' },
      h('caption', { text: 'Violations per term and party (+ possible violations)' }),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { text: 'Term', attrs: { scope: 'col' } }),
          shownParties.map((p) => h('th', { text: partyName(p), attrs: { scope: 'col' } })),
        ),
      ),
      h(
        'tbody',
        null,
        c.terms.map((t) =>
          h(
            'tr',
            { testid: 'compliance-row' },
            h(
              'th',
              { attrs: { scope: 'row' } },
              h('span', { text: t.title }),
              t.kind ? h('span', { class: 'muted small', text: ` ${t.kind}` }) : null,
            ),
            shownParties.map((p) => {
              const x = by.get(`${t.id}\u0000${p}`);
              return cell(x?.violation ?? 0, x?.possible_violation ?? 0);
            }),
          ),
        ),
      ),
      h(
        'tfoot',
        null,
        h(
          'tr',
          null,
          h('th', { text: 'All terms', attrs: { scope: 'row' } }),
          shownParties.map((p) => cell(totals.get(p)?.v ?? 0, totals.get(p)?.p ?? 0)),
        ),
      ),
    ),
  );
}

function latest(items: readonly Finding[]): HTMLElement {
  if (items.length === 0) return empty('No violation in this period.');
  return h(
    'ol',
    { class: 'findings-list', testid: 'latest-violations' },
    items.map((f) =>
      h(
        'li',
        { class: 'finding-row' },
        h(
          'div',
          { class: 'row-head' },
          statusBadge(f.status),
          h('strong', { text: f.termTitle || f.term }),
          h('span', { text: ` · ${partyName(f.party)}` }),
          f.day ? h('span', { class: 'muted', text: ` · ${formatDay(f.day)}` }) : null,
          reviewBadge(f.reviewState),
        ),
        explanationBlock(f.explanation),
        f.incidentId ? link(encodeRoute({ page: 'incident', id: f.incidentId }), 'Open the incident') : null,
      ),
    ),
  );
}

export const mountCompliance: MountView = (el, route) => {
  let current = route;
  const body = h('div', null, loading('the compliance board'));
  replace(
    el,
    h(
      'div',
      { class: 'page wide-page', testid: 'compliance-page' },
      pageHeader(
        'Compliance',
        h('p', { class: 'lede', text: session.agreement ? session.agreement.title : 'No agreement is loaded.' }),
      ),
      body,
    ),
  );
  if (!session.agreement) {
    replace(
      body,
      session.agreementError ? errorState(session.agreementError, 'agreements') : empty('No agreement is loaded.'),
    );
    return {};
  }
  const agreement = session.agreement;

  const load = async (r: Route) => {
    if (r.page !== 'compliance') return;
    replace(body, loading('the compliance board'));
    try {
      // The window of the map (relative to the latest incident) becomes from/to for the server.
      const inc = await loadIncidents().catch(() => null);
      const range = inc ? select(inc.items, r.filters, areaTest(agreement.zones), agreementTime()).range : null;
      const whole = r.filters.win === 'all' && !r.filters.to && r.filters.span === 'all';
      const q = whole ? {} : { from: range?.from, to: range?.to };
      const c = await api.compliance(agreement.id, q);
      if (current !== r) return;
      const ids = parties().map((p) => p.id);
      if (c.counts.some((x) => x.party === 'unattributed' && x.violation + x.possible_violation > 0))
        ids.push('unattributed');
      const shown = r.filters.parties.length > 0 ? ids.filter((p) => r.filters.parties.includes(p)) : ids;
      const latestShown = c.latest.filter(
        (f) => r.filters.parties.length === 0 || (f.party && r.filters.parties.includes(f.party)),
      );
      replace(
        body,
        c.period
          ? h(
              'p',
              { class: 'muted', testid: 'compliance-period' },
              `Period: ${formatDay(c.period.from)} – ${formatDay(c.period.to)}`,
              r.filters.span === 'agreement' && r.filters.win === 'all' && !r.filters.to
                ? ' (the agreement’s period) · '
                : ' · ',
              r.filters.span === 'agreement'
                ? link(
                    encodeRoute({ page: 'compliance', filters: { ...r.filters, span: 'all', win: 'all', to: null } }),
                    'Whole record',
                    { testid: 'compliance-span-all' },
                  )
                : link(
                    encodeRoute({
                      page: 'compliance',
                      filters: { ...r.filters, span: 'agreement', win: 'all', to: null },
                    }),
                    'The agreement’s period only',
                    { testid: 'compliance-span-agreement' },
                  ),
            )
          : null,
        c.headline
          ? h(
              'div',
              { class: 'stats', testid: 'compliance-headline' },
              stat(c.headline.violations, 'violations', 'stat-violation'),
              stat(c.headline.possibleViolations, 'possible violations', 'stat-possible'),
              stat(c.headline.incidentsWithViolation, 'incidents with a violation', ''),
              stat(c.headline.permitted, 'permitted acts', 'stat-permitted'),
            )
          : null,
        c.excludedByReview
          ? h('p', {
              class: 'muted small',
              text: `${c.excludedByReview} finding(s) rejected in review are not counted.`,
            })
          : null,
        c.terms.length === 0 ? empty('No term has a finding yet.') : board(c, shown),
        h('h2', { text: 'Latest violations and possible violations' }),
        latest(latestShown.slice(0, 20)),
      );
    } catch (e) {
      if (current === r) replace(body, errorState(e, 'compliance figures'));
    }
  };
  void load(route);
  return {
    update(r) {
      current = r;
      void load(r);
    },
  };
};
