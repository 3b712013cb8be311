/**
 * Use case: a signed-in user follows zones (an agreement's zone, or a box), actors and incidents,
 * and sees what changed since their last visit: incidents with new visible events in a watched zone
 * or with a watched actor, new sources, review steps and comments on watched incidents. Everything
 * is read through the user's scope: a change to something they may not see is never shown.
 */
import { TruceError } from '../core/errors.js';
import { actorOf, requireRole, scopeOf, type Principal } from '../auth/principal.js';
import type { Store, StoredEvent, Watch, WatchKind } from '../store/store.js';
import { loadAgreement } from '../terms/agreement.js';
import { placeInZone } from '../terms/facts.js';
import { toAssessableEvent } from './assess.service.js';
import { AuditService } from './audit.service.js';
import { loadAuthors, type Author } from './authors.js';
import type { AgreementLookup } from './finding-ref.js';

export const MAX_WATCHES = 200;
/** Changes read per request; beyond it the answer says it was cut short. */
const MAX_NEW_EVENTS = 2000;
const FIRST_VISIT_DAYS = 7;

interface Box {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** A watch made ready to test events against. */
type Matcher = (e: StoredEvent) => boolean;

export interface MatchedWatch {
  readonly id: number;
  readonly kind: WatchKind;
  readonly label: string;
}

export interface IncidentChange {
  /** Null while the event is in no incident yet. */
  readonly incidentId: number | null;
  readonly events: readonly {
    readonly id: number;
    readonly date: string | null;
    readonly eventType: string;
    readonly subEventType: string;
    readonly actor1: string | null;
    readonly actor2: string | null;
    readonly location: string | null;
    readonly storedAt: string;
  }[];
  readonly watches: readonly MatchedWatch[];
}

export interface Changes {
  /** The visit the changes are counted from (the last one, or a week ago on a first visit). */
  readonly since: string;
  /** Pass this to `seen` to mark exactly these changes as seen. */
  readonly until: string;
  readonly firstVisit: boolean;
  readonly incidents: readonly IncidentChange[];
  readonly reviews: readonly {
    readonly incidentId: number;
    readonly subject: { readonly kind: 'incident' | 'finding'; readonly id: string };
    readonly from: string;
    readonly to: string;
    readonly at: string;
    readonly by: Author | null;
  }[];
  readonly comments: readonly {
    readonly incidentId: number;
    readonly id: number;
    readonly parentId: number | null;
    readonly text: string;
    readonly at: string;
    readonly by: Author | null;
  }[];
  /** True when there were more new events than one answer holds. */
  readonly truncated: boolean;
}

const bad = (option: string, reason: string) => new TruceError('E007_BAD_OPTION', { option, reason });

/** `bbox:W,S,E,N` in degrees; west > east crosses the antimeridian. */
export function parseBox(value: string): Box | null {
  const m = /^bbox:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(value);
  if (!m) return null;
  const [west, south, east, north] = m.slice(1).map(Number) as [number, number, number, number];
  const lon = (x: number) => x >= -180 && x <= 180;
  const lat = (y: number) => y >= -90 && y <= 90;
  if (!lon(west) || !lon(east) || !lat(south) || !lat(north) || south > north) return null;
  return { west, south, east, north };
}

function inBox(b: Box, e: StoredEvent): boolean {
  if (e.latitude === null || e.longitude === null) return false;
  if (e.latitude < b.south || e.latitude > b.north) return false;
  return b.west <= b.east
    ? e.longitude >= b.west && e.longitude <= b.east
    : e.longitude >= b.west || e.longitude <= b.east;
}

const actorsOf = (e: StoredEvent) => [e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2];

export class WatchlistService {
  private readonly audit: AuditService;
  private readonly agreements: AgreementLookup;
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    options: { agreements?: AgreementLookup; now?: () => Date } = {},
  ) {
    this.audit = new AuditService(store);
    this.agreements = options.agreements ?? (async (id) => loadAgreement(id));
    this.now = options.now ?? (() => new Date());
  }

  list(by: Principal | null): Promise<Watch[]> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    return this.store.watchlist.list(p.userId);
  }

  /** Checks a watch's value and makes its test (E007 for a bad value, E022 for an unseen incident). */
  private async matcher(p: Principal, kind: WatchKind, value: string): Promise<Matcher> {
    if (kind === 'actor') {
      const needle = value.toLowerCase();
      return (e) => actorsOf(e).some((a) => a !== null && a.toLowerCase().includes(needle));
    }
    if (kind === 'incident') {
      const id = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
      if (id === null || !(await this.store.incidents.getVisibleIncident(scopeOf(p), id)))
        throw new TruceError('E022_NOT_FOUND', { what: `Incident ${value}` });
      return () => false; // followed through its own changes below
    }
    const box = parseBox(value);
    if (box) return (e) => inBox(box, e);
    const m = /^([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)$/.exec(value);
    if (!m) throw bad('value', 'a zone is bbox:W,S,E,N or <agreementId>/<zoneId>');
    const ca = await this.agreements(m[1] as string).catch(() => null);
    const zone = ca?.zones.get(m[2] as string);
    if (!ca || !zone) throw bad('value', `no zone ${m[2]} in agreement ${m[1]}`);
    return (e) => placeInZone(ca, zone, toAssessableEvent(e)).rel !== 'outside';
  }

  async add(by: Principal | null, input: { kind: WatchKind; value: string; label?: string }) {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    const value = input.value.trim();
    if (value === '' || value.length > 200) throw bad('value', '1 to 200 characters');
    const label = (input.label ?? '').trim() || value;
    if (label.length > 200) throw bad('label', 'at most 200 characters');
    await this.matcher(p, input.kind, value);
    return this.store.transaction(async () => {
      const existing = await this.store.watchlist.list(p.userId);
      if (existing.length >= MAX_WATCHES && !existing.some((w) => w.kind === input.kind && w.value === value))
        throw new TruceError('E024_CONFLICT', { reason: `a watchlist holds at most ${MAX_WATCHES} items` });
      const added = await this.store.watchlist.add(p.userId, input.kind, value, label);
      if (added.created)
        await this.audit.record({
          actor: actorOf(p),
          action: 'watch.add',
          subject: `user:${p.userId}`,
          after: { id: added.watch.id, kind: input.kind, value, label },
        });
      return added;
    });
  }

  async remove(by: Principal | null, id: number): Promise<void> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    await this.store.transaction(async () => {
      const w = await this.store.watchlist.get(p.userId, id);
      if (!w || !(await this.store.watchlist.remove(p.userId, id)))
        throw new TruceError('E022_NOT_FOUND', { what: `Watch ${id}` });
      await this.audit.record({
        actor: actorOf(p),
        action: 'watch.remove',
        subject: `user:${p.userId}`,
        before: { id, kind: w.kind, value: w.value, label: w.label },
      });
    });
  }

  /** Marks everything up to `at` (default now; never in the future) as seen. */
  async seen(by: Principal | null, at?: string): Promise<string> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    const now = this.now().toISOString();
    const when = at === undefined ? now : new Date(at).toISOString();
    if (when > now) throw bad('at', 'a visit cannot be in the future');
    await this.store.transaction(async () => {
      const before = await this.store.watchlist.lastSeen(p.userId);
      await this.store.watchlist.markSeen(p.userId, when);
      await this.audit.record({
        actor: actorOf(p),
        action: 'watch.seen',
        subject: `user:${p.userId}`,
        before: { seenAt: before },
        after: { seenAt: when },
      });
    });
    return when;
  }

  async changes(by: Principal | null): Promise<Changes> {
    const p = requireRole(by, 'admin', 'monitor', 'liaison', 'analyst');
    const scope = scopeOf(p);
    const until = this.now().toISOString();
    const last = await this.store.watchlist.lastSeen(p.userId);
    const since = last ?? new Date(this.now().getTime() - FIRST_VISIT_DAYS * 86_400_000).toISOString();
    const watches = await this.store.watchlist.list(p.userId);
    const tests: { watch: Watch; test: Matcher }[] = [];
    const followed = new Set<number>();
    for (const w of watches) {
      try {
        if (w.kind === 'incident') {
          await this.matcher(p, w.kind, w.value);
          followed.add(Number(w.value));
        } else tests.push({ watch: w, test: await this.matcher(p, w.kind, w.value) });
      } catch {
        // A watch that no longer resolves (incident gone or hidden, zone removed) shows nothing.
      }
    }
    const fresh = (await this.store.watchlist.eventsStoredSince(scope, since, MAX_NEW_EVENTS + 1)).filter(
      (x) => x.storedAt <= until,
    );
    const truncated = fresh.length > MAX_NEW_EVENTS;
    type Fresh = { event: StoredEvent; storedAt: string };
    const byIncident = new Map<string, { incidentId: number | null; events: Fresh[]; watches: Watch[] }>();
    for (const { event, incidentId, storedAt } of fresh.slice(0, MAX_NEW_EVENTS)) {
      const hits = tests.filter((t) => t.test(event)).map((t) => t.watch);
      if (incidentId !== null && followed.has(incidentId))
        hits.push(...watches.filter((w) => w.kind === 'incident' && Number(w.value) === incidentId));
      if (hits.length === 0) continue;
      const key = incidentId === null ? `event:${event.id}` : `incident:${incidentId}`;
      const entry = byIncident.get(key) ?? { incidentId, events: [], watches: [] };
      entry.events.push({ event, storedAt });
      for (const h of hits) if (!entry.watches.includes(h)) entry.watches.push(h);
      byIncident.set(key, entry);
    }
    const ids = [...followed].map(String);
    const [moves, comments] = await Promise.all([
      this.store.review.movesSince([...followed], since),
      this.store.review.commentsSince('incident', ids, since),
    ]);
    const shownMoves = moves.filter((m) => m.at <= until && m.incidentId !== null);
    const shownComments = comments.filter((c) => c.createdAt <= until);
    const authors = await loadAuthors(this.store, [
      ...shownMoves.map((m) => m.userId),
      ...shownComments.map((c) => c.userId),
    ]);
    const author = (id: number | null) => (id === null ? null : (authors.get(id) ?? null));
    return {
      since,
      until,
      firstVisit: last === null,
      incidents: [...byIncident.values()].map((x) => ({
        incidentId: x.incidentId,
        events: x.events.map(({ event: e, storedAt }) => ({
          id: e.id,
          date: e.event_date,
          eventType: e.event_type,
          subEventType: e.sub_event_type,
          actor1: e.actor1,
          actor2: e.actor2,
          location: e.location,
          storedAt,
        })),
        watches: x.watches.map((w) => ({ id: w.id, kind: w.kind, label: w.label })),
      })),
      reviews: shownMoves.map((m) => ({
        incidentId: m.incidentId as number,
        subject: { kind: m.subjectKind, id: m.subjectId },
        from: m.from,
        to: m.to,
        at: m.at,
        by: author(m.userId),
      })),
      comments: shownComments.map((c) => ({
        incidentId: Number(c.subjectId),
        id: c.id,
        parentId: c.parentId,
        text: c.body,
        at: c.createdAt,
        by: author(c.userId),
      })),
      truncated,
    };
  }
}
