/**
 * The URL is the state: the page and its filters live in the hash (#/timeline?party=russia&win=7d),
 * so a view can be shared by copying the address. Decoding never trusts the URL: unknown values are
 * dropped, never shown.
 */
import { isDay, type Day } from './dates.js';
import { WINDOWS, type Window } from './time-window.js';
import { isEventType, isGrade, isReviewState, type EventType, type Grade, type ReviewState } from './vocab.js';

export interface Filters {
  /** Only incidents in the active agreement's zones ('agreement', the default), or all of them. */
  readonly area: 'agreement' | 'all';
  /**
   * The stretch of time the window moves in: the agreement's period ('agreement', the default: from
   * its start to its end, or while its incidents continue) or the whole record ('all').
   */
  readonly span: 'agreement' | 'all';
  readonly win: Window;
  /** Last day of the window; null = the record's last day. */
  readonly to: Day | null;
  readonly parties: readonly string[];
  readonly types: readonly EventType[];
  readonly grades: readonly Grade[];
  readonly reviews: readonly ReviewState[];
}

export interface MapView {
  readonly lat: number;
  readonly lon: number;
  readonly zoom: number;
}

export type Route =
  | { readonly page: 'map'; readonly filters: Filters; readonly view: MapView | null }
  | { readonly page: 'timeline'; readonly filters: Filters }
  | { readonly page: 'compliance'; readonly filters: Filters }
  | { readonly page: 'incident'; readonly id: string }
  | { readonly page: 'login'; readonly next: string | null }
  /** No token: ask for a reset link. A token (rst_… or inv_…, from the emailed link): choose a password. */
  | { readonly page: 'reset'; readonly token: string | null }
  | { readonly page: 'report'; readonly lat: number | null; readonly lon: number | null }
  | { readonly page: 'watchlist' }
  /** The signed-in account's API tokens (for scripts): list, create, revoke. */
  | { readonly page: 'tokens' }
  | { readonly page: 'not-found'; readonly path: string };

export const DEFAULT_FILTERS: Filters = {
  area: 'agreement',
  span: 'agreement',
  win: 'all',
  to: null,
  parties: [],
  types: [],
  grades: [],
  reviews: [],
};

const LINK_TOKEN_RE = /^(inv|rst)_[A-Za-z0-9_-]{43}$/;
const PARTY_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const INCIDENT_RE = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;

export function isLinkToken(token: string): boolean {
  return LINK_TOKEN_RE.test(token);
}

/**
 * The links the server emails are paths (/reset/rst_…, /invitations/inv_…), which the server answers
 * with this page: the hash route they stand for, or null for any other path.
 */
export function linkPathToHash(pathname: string): string | null {
  const m = /^\/(reset|invitations)\/([^/]+)\/?$/.exec(pathname);
  if (!m || !isLinkToken(m[2] as string)) return null;
  return `#/reset/${m[2]}`;
}

export function isIncidentId(id: string): boolean {
  return INCIDENT_RE.test(id);
}

function list<T extends string>(q: URLSearchParams, key: string, ok: (v: string) => v is T): T[] {
  const out = new Set<T>();
  for (const v of q.getAll(key)) if (ok(v)) out.add(v);
  return [...out].sort();
}

const isParty = (v: string): v is string => PARTY_RE.test(v);
const isWindow = (v: string | null): v is Window => v !== null && (WINDOWS as readonly string[]).includes(v);

export function decodeFilters(q: URLSearchParams): Filters {
  const win = q.get('win');
  const to = q.get('to');
  return {
    area: q.get('area') === 'all' ? 'all' : 'agreement',
    span: q.get('span') === 'all' ? 'all' : 'agreement',
    win: isWindow(win) ? win : DEFAULT_FILTERS.win,
    to: to !== null && isDay(to) ? to : null,
    parties: list(q, 'party', isParty),
    types: list(q, 'type', isEventType),
    grades: list(q, 'grade', isGrade),
    reviews: list(q, 'review', isReviewState),
  };
}

/** Only what differs from the defaults, lists sorted: one view, one address. */
export function encodeFilters(f: Filters, q = new URLSearchParams()): URLSearchParams {
  if (f.area !== DEFAULT_FILTERS.area) q.set('area', f.area);
  if (f.span !== DEFAULT_FILTERS.span) q.set('span', f.span);
  if (f.win !== DEFAULT_FILTERS.win) q.set('win', f.win);
  if (f.to) q.set('to', f.to);
  for (const p of [...f.parties].sort()) q.append('party', p);
  for (const t of [...f.types].sort()) q.append('type', t);
  for (const g of [...f.grades].sort()) q.append('grade', g);
  for (const r of [...f.reviews].sort()) q.append('review', r);
  return q;
}

function num(q: URLSearchParams, key: string, min: number, max: number): number | null {
  const raw = q.get(key);
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

function decodeView(q: URLSearchParams): MapView | null {
  const lat = num(q, 'lat', -90, 90);
  const lon = num(q, 'lon', -180, 180);
  const zoom = num(q, 'z', 1, 18);
  return lat !== null && lon !== null && zoom !== null ? { lat, lon, zoom: Math.round(zoom) } : null;
}

/** "#/incidents/incident:12?x=1" -> the route. */
export function decodeRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const qAt = raw.indexOf('?');
  const path = (qAt >= 0 ? raw.slice(0, qAt) : raw).replace(/\/+$/, '') || '/';
  const q = new URLSearchParams(qAt >= 0 ? raw.slice(qAt + 1) : '');
  if (path === '/' || path === '/map') return { page: 'map', filters: decodeFilters(q), view: decodeView(q) };
  if (path === '/timeline') return { page: 'timeline', filters: decodeFilters(q) };
  if (path === '/compliance') return { page: 'compliance', filters: decodeFilters(q) };
  if (path === '/watchlist') return { page: 'watchlist' };
  if (path === '/tokens') return { page: 'tokens' };
  if (path === '/report') return { page: 'report', lat: num(q, 'lat', -90, 90), lon: num(q, 'lon', -180, 180) };
  if (path === '/login') {
    const next = q.get('next');
    return {
      page: 'login',
      next: next && next.startsWith('#/') && !/^#\/(login|reset)\b/.test(next) ? next : null,
    };
  }
  if (path === '/reset') return { page: 'reset', token: null };
  const reset = /^\/reset\/([^/]+)$/.exec(path);
  if (reset && isLinkToken(reset[1] as string)) return { page: 'reset', token: reset[1] as string };
  const m = /^\/incidents\/([^/]+)$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1] as string);
    } catch {
      return { page: 'not-found', path };
    }
    if (isIncidentId(id)) return { page: 'incident', id };
  }
  return { page: 'not-found', path };
}

function withQuery(path: string, q: URLSearchParams): string {
  const s = q.toString();
  return s ? `#${path}?${s}` : `#${path}`;
}

/** The route -> "#/..." (decodeRoute(encodeRoute(r)) gives r back). */
export function encodeRoute(r: Route): string {
  switch (r.page) {
    case 'map': {
      const q = encodeFilters(r.filters);
      if (r.view) {
        q.set('lat', r.view.lat.toFixed(4));
        q.set('lon', r.view.lon.toFixed(4));
        q.set('z', String(r.view.zoom));
      }
      return withQuery('/', q);
    }
    case 'timeline':
    case 'compliance':
      return withQuery(`/${r.page}`, encodeFilters(r.filters));
    case 'incident':
      return `#/incidents/${encodeURIComponent(r.id)}`;
    case 'login':
      return withQuery('/login', new URLSearchParams(r.next ? { next: r.next } : {}));
    case 'report': {
      const q = new URLSearchParams();
      if (r.lat !== null && r.lon !== null) {
        q.set('lat', r.lat.toFixed(5));
        q.set('lon', r.lon.toFixed(5));
      }
      return withQuery('/report', q);
    }
    case 'reset':
      return r.token ? `#/reset/${r.token}` : '#/reset';
    case 'watchlist':
      return '#/watchlist';
    case 'tokens':
      return '#/tokens';
    case 'not-found':
      return `#${r.path}`;
  }
}

/** The filters of a route that has them (moving between map, timeline and board keeps them). */
export function filtersOf(r: Route): Filters {
  return 'filters' in r ? r.filters : DEFAULT_FILTERS;
}

/** Which filters narrow the view (for a "clear filters" button and for the export link). */
export function isFiltered(f: Filters): boolean {
  return (
    f.parties.length + f.types.length + f.grades.length + f.reviews.length > 0 ||
    f.win !== 'all' ||
    f.to !== null ||
    f.area !== DEFAULT_FILTERS.area ||
    f.span !== DEFAULT_FILTERS.span
  );
}
