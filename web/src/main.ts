/**
 * The dashboard's entry: starts the session, draws the navigation, and routes the address
 * (#/..., see state.ts) to a view. No framework: each view builds its DOM and updates in place.
 */
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { api } from './api.js';
import { h, link, replace } from './dom.js';
import { can, refreshSession, session, startSession } from './session.js';
import { decodeRoute, encodeRoute, filtersOf, linkPathToHash, type Route } from './state.js';
import { toast } from './ui.js';
import { mountCompliance } from './views/compliance.view.js';
import { mountFieldReport } from './views/field-report.view.js';
import { mountIncident } from './views/incident.view.js';
import { mountLogin } from './views/login.view.js';
import { mountMap } from './views/map.view.js';
import { mountNotFound } from './views/not-found.view.js';
import { mountReset } from './views/reset.view.js';
import { mountTimeline } from './views/timeline.view.js';
import { mountTokens } from './views/tokens.view.js';
import type { MountView, Nav, View } from './views/view.js';
import { mountWatchlist } from './views/watchlist.view.js';

const VIEWS: Readonly<Record<Route['page'], MountView>> = {
  map: mountMap,
  timeline: mountTimeline,
  compliance: mountCompliance,
  incident: mountIncident,
  login: mountLogin,
  reset: mountReset,
  report: mountFieldReport,
  watchlist: mountWatchlist,
  tokens: mountTokens,
  'not-found': mountNotFound,
};

const TITLES: Readonly<Record<Route['page'], string>> = {
  map: 'Map',
  timeline: 'Timeline',
  compliance: 'Compliance',
  incident: 'Incident',
  login: 'Sign in',
  reset: 'Reset password',
  report: 'Field report',
  watchlist: 'Watchlist',
  tokens: 'API tokens',
  'not-found': 'Not found',
};

const main = document.getElementById('main') as HTMLElement;
const navEl = document.querySelector('.nav') as HTMLElement;
const userEl = document.querySelector('.user') as HTMLElement;

// An emailed link (/reset/rst_…, /invitations/inv_…) is a path the server answers with this page:
// show its route at the root, so the token leaves the path (and every later address).
const linked = linkPathToHash(location.pathname);
if (linked) history.replaceState(null, '', `/${linked}`);

let current: { page: Route['page']; view: View } | null = null;
let route: Route = decodeRoute(location.hash);

function drawNav(): void {
  const f = filtersOf(route);
  const items: [Route['page'], Route, string][] = [
    ['map', { page: 'map', filters: f, view: null }, 'Map'],
    ['timeline', { page: 'timeline', filters: f }, 'Timeline'],
    ['compliance', { page: 'compliance', filters: f }, 'Compliance'],
  ];
  if (session.me) items.push(['watchlist', { page: 'watchlist' }, 'Watchlist']);
  if (can('admin', 'monitor')) items.push(['report', { page: 'report', lat: null, lon: null }, 'Field report']);
  replace(
    navEl,
    h(
      'ul',
      null,
      items.map(([page, r, label]) =>
        h(
          'li',
          null,
          link(encodeRoute(r), label, {
            testid: `nav-${page}`,
            attrs: { 'aria-current': route.page === page ? 'page' : null },
          }),
        ),
      ),
    ),
  );
  if (session.me) {
    const me = session.me;
    replace(
      userEl,
      h(
        'span',
        { class: 'who', testid: 'signed-in-as' },
        h('span', { class: 'who-email', text: me.email }),
        h('span', { class: 'badge role', text: me.partyId ? `${me.role} · ${me.partyId}` : me.role }),
      ),
      // The account's own pages.
      link(encodeRoute({ page: 'tokens' }), 'API tokens', {
        class: 'account-link',
        testid: 'nav-tokens',
        attrs: { 'aria-current': route.page === 'tokens' ? 'page' : null },
      }),
      h('button', {
        class: 'link-button',
        testid: 'logout',
        text: 'Sign out',
        attrs: { type: 'button' },
        on: {
          click: async () => {
            await api.logout().catch(() => undefined);
            await nav.refresh();
            toast('Signed out.');
          },
        },
      }),
    );
  } else {
    const next = route.page === 'login' ? null : location.hash || null;
    replace(
      userEl,
      link(encodeRoute({ page: 'login', next }), 'Sign in', { class: 'button small', testid: 'nav-login' }),
    );
  }
}

function show(force = false): void {
  route = decodeRoute(location.hash);
  document.title = `${TITLES[route.page]} · Truce Monitor`;
  drawNav();
  if (!force && current && current.page === route.page && current.view.update) {
    current.view.update(route);
    return;
  }
  current?.view.unmount?.();
  replace(main);
  main.className = `main page-${route.page}`;
  current = { page: route.page, view: VIEWS[route.page](main, route, nav) };
}

const nav: Nav = {
  go(next, options = {}) {
    const hash = encodeRoute(next);
    if (options.replace) {
      if (hash !== location.hash) history.replaceState(null, '', hash);
      show();
    } else if (hash === location.hash) show(true);
    else location.hash = hash; // hashchange -> show()
  },
  async refresh() {
    await refreshSession();
    show(true);
  },
};

window.addEventListener('hashchange', () => {
  const before = current?.page;
  show();
  // A new page: start at its top (its title in sight, not under the sticky header) and move focus to
  // it, as a page load would (screen readers announce the title).
  if (current && current.page !== before) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
});

// The header's real height (the nav wraps on narrow screens), for the page's height and scroll offsets.
const topbar = document.querySelector('.topbar') as HTMLElement;
const measureTopbar = () =>
  document.documentElement.style.setProperty('--topbar-h', `${Math.ceil(topbar.getBoundingClientRect().height)}px`);
new ResizeObserver(measureTopbar).observe(topbar);
measureTopbar();

document.querySelector('.skip-link')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});

replace(main, h('p', { class: 'state loading', text: 'Loading…' }));
startSession()
  .catch(() => undefined)
  .finally(() => show(true));
