/**
 * Every request the dashboard makes, in one place: same-origin fetch with the session cookie, the
 * CSRF token on writes, errors as ApiError with the catalogue's code. Shapes: api-types.ts.
 */
import type {
  Agreement,
  ApiToken,
  AgreementSummary,
  Changes,
  Comment,
  Compliance,
  Config,
  FieldReportInput,
  Finding,
  Incident,
  IncidentDetail,
  List,
  Me,
  NewApiToken,
  ReviewStep,
  WatchItem,
} from './api-types.js';
import {
  normalizeChanges,
  normalizeComment,
  normalizeCompliance,
  normalizeDetail,
  normalizeFinding,
  normalizeIncident,
  normalizeList,
  normalizeNewToken,
  normalizeStep,
  normalizeToken,
} from './api-normalize.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** The route is not there (yet): the view says "not available" rather than "failed". */
  get missing(): boolean {
    return this.status === 404 && this.code === 'E022' && /^(GET|POST|DELETE) \/api\//.test(this.message);
  }
  get unauthenticated(): boolean {
    return this.status === 401;
  }
}

const CSRF_KEY = 'truce.csrf';

/** The session's CSRF token (from login, or from /api/auth/me when the server sends it). */
export const csrf = {
  get(): string | null {
    try {
      return localStorage.getItem(CSRF_KEY);
    } catch {
      return null;
    }
  },
  set(token: string | null): void {
    try {
      if (token) localStorage.setItem(CSRF_KEY, token);
      else localStorage.removeItem(CSRF_KEY);
    } catch {
      /* private mode: writes will ask to sign in again */
    }
  },
};

type Query = Readonly<Record<string, string | number | readonly string[] | null | undefined>>;

export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const x of v as readonly string[]) p.append(k, x);
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrf.get();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server did not answer. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string }; code?: string; message?: string }) ?? {};
    const err = e.error ?? e;
    throw new ApiError(res.status, err.code ?? `HTTP${res.status}`, err.message ?? `${method} ${path}: ${res.status}`);
  }
  return json as T;
}

const enc = encodeURIComponent;

export const api = {
  async me(): Promise<Me | null> {
    try {
      const me = await request<Me>('GET', '/api/auth/me');
      if (me.csrfToken) csrf.set(me.csrfToken);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.unauthenticated) {
        csrf.set(null);
        return null;
      }
      throw e;
    }
  },
  async login(email: string, password: string): Promise<Me> {
    const r = await request<{ user: Omit<Me, 'csrfToken'>; csrfToken: string }>('POST', '/api/auth/login', {
      email,
      password,
    });
    csrf.set(r.csrfToken);
    return { ...r.user, csrfToken: r.csrfToken };
  },
  async logout(): Promise<void> {
    try {
      await request<void>('POST', '/api/auth/logout');
    } finally {
      csrf.set(null);
    }
  },
  /** The server's settings and who is signed in (one request, 200 for the public too). */
  async config(): Promise<Config> {
    const c = await request<Config>('GET', '/api/config');
    csrf.set(c.session?.csrfToken ?? null);
    return c;
  },
  changePassword: (current: string, next: string) => request<void>('POST', '/api/auth/password', { current, next }),
  /** Asks for a reset link (always 202: the answer never says whether the account exists). */
  requestReset: (email: string) => request<unknown>('POST', '/api/auth/reset', { email }),
  /** A new password through the one-time link of a reset (rst_…) or an invitation (inv_…). */
  setPasswordWithLink: (token: string, password: string) =>
    token.startsWith('inv_')
      ? request<unknown>('POST', `/api/invitations/${enc(token)}/accept`, { password })
      : request<unknown>('POST', `/api/auth/reset/${enc(token)}`, { password }),

  agreements: async (): Promise<List<AgreementSummary>> =>
    normalizeList(await request<unknown>('GET', '/api/agreements')),
  agreement: (id: string) => request<Agreement>('GET', `/api/agreements/${enc(id)}`),
  findings: async (agreementId: string, q: Query = {}): Promise<List<Finding>> =>
    normalizeList(
      await request<unknown>('GET', `/api/agreements/${enc(agreementId)}/findings${queryString(q)}`),
      normalizeFinding,
    ),
  compliance: async (agreementId: string, q: Query = {}): Promise<Compliance> =>
    normalizeCompliance(
      await request<unknown>('GET', `/api/agreements/${enc(agreementId)}/compliance${queryString(q)}`),
    ),

  incidents: async (q: Query = {}): Promise<List<Incident>> =>
    normalizeList(
      await request<unknown>('GET', `/api/incidents${queryString({ limit: 10_000, ...q })}`),
      normalizeIncident,
    ),
  /**
   * The incident, then (signed in only: the public may not read them) its review history and
   * comments. Asked one after the other so an incident the viewer may not see costs one 404, no more.
   */
  async incident(id: string, signedIn: boolean): Promise<IncidentDetail> {
    const d = normalizeDetail(await request<unknown>('GET', `/api/incidents/${enc(id)}`));
    if (!signedIn) return d;
    const [history, comments] = await Promise.all([
      request<unknown>('GET', `/api/incidents/${enc(id)}/review`).catch(() => null),
      request<unknown>('GET', `/api/incidents/${enc(id)}/comments`).catch(() => null),
    ]);
    return {
      ...d,
      history: history ? normalizeList(history, normalizeStep).items : d.history,
      comments: comments ? normalizeList(comments, normalizeComment).items : d.comments,
    };
  },
  /** A report's cleaned text (the body evidence offsets point into). */
  async reportText(id: number): Promise<{ body: string; headline: string | null; url: string | null }> {
    const r = await request<{ url?: string | null; analysis?: { report?: { body?: string; headline?: string } } }>(
      'GET',
      `/api/reports/${id}`,
    );
    return { body: r.analysis?.report?.body ?? '', headline: r.analysis?.report?.headline ?? null, url: r.url ?? null };
  },

  reviewIncident: (id: string, to: string, comment: string) =>
    request<unknown>('POST', `/api/incidents/${enc(id)}/review`, { to, comment }),
  reviewFinding: (id: string, to: string, comment: string, evidence?: { url?: string; text?: string }) =>
    request<unknown>('POST', `/api/findings/${enc(id)}/review`, { to, comment, ...(evidence ? { evidence } : {}) }),
  reviewHistory: async (kind: 'incidents' | 'findings', id: string): Promise<List<ReviewStep>> =>
    normalizeList(await request<unknown>('GET', `/api/${kind}/${enc(id)}/review`), normalizeStep),
  comments: async (id: string): Promise<List<Comment>> =>
    normalizeList(await request<unknown>('GET', `/api/incidents/${enc(id)}/comments`), normalizeComment),
  addComment: async (id: string, text: string, parentId?: string) =>
    normalizeComment(
      await request<unknown>('POST', `/api/incidents/${enc(id)}/comments`, {
        text,
        ...(parentId && /^\d+$/.test(parentId) ? { parentId: Number(parentId) } : {}),
      }),
    ),

  watchlist: async (): Promise<List<WatchItem>> => normalizeList(await request<unknown>('GET', '/api/watchlist')),
  watch: (item: Omit<WatchItem, 'id'>) => request<WatchItem>('POST', '/api/watchlist', item),
  unwatch: (id: number | string) => request<void>('DELETE', `/api/watchlist/${enc(String(id))}`),
  changes: async (): Promise<Changes> => normalizeChanges(await request<unknown>('GET', '/api/watchlist/changes')),
  seen: (until: string | null) => request<unknown>('POST', '/api/watchlist/seen', until ? { at: until } : {}),

  /** The signed-in account's API tokens, revoked ones included (never their secrets). */
  tokens: async (): Promise<List<ApiToken>> =>
    normalizeList(await request<unknown>('GET', '/api/tokens'), normalizeToken),
  /** A new token; its secret is in this answer only (the server keeps its hash). No days: it never expires. */
  createToken: async (name: string, expiresInDays: number | null = null): Promise<NewApiToken> =>
    normalizeNewToken(
      await request<unknown>('POST', '/api/tokens', expiresInDays === null ? { name } : { name, expiresInDays }),
    ),
  revokeToken: (id: string) => request<void>('DELETE', `/api/tokens/${enc(id)}`),

  fieldReport: (input: FieldReportInput) =>
    request<{ reportId?: number; incidentId?: string; id?: number }>('POST', '/api/field-reports', input),

  /** Same filters as the map, as a download link (the browser sends the cookie). */
  exportUrl: (format: 'geojson' | 'csv', q: Query = {}) => `/api/incidents${queryString({ ...q, format })}`,
};
