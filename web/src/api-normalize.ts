/**
 * Answers of the API as the views want them: ids as strings, sources grouped per report with their
 * evidence spans, authors as one line of text, the compliance board flattened to term x party counts.
 * Tolerant of missing fields (a partial answer still renders). Pure, tested in api-normalize.test.ts.
 */
import type {
  ApiToken,
  Changes,
  Comment,
  Compliance,
  DayCounts,
  Finding,
  Incident,
  IncidentDetail,
  IncidentEvent,
  IncidentSource,
  List,
  NewApiToken,
  PhaseGate,
  ReviewStep,
  SourceClaim,
  TermPartyCount,
  WatchChange,
} from './api-types.js';
import { isReviewState, REVIEW_LABELS } from './vocab.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** Ids come as numbers or strings; the dashboard keeps strings. */
const id = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
}

export function normalizeList<T>(raw: unknown, each: (x: unknown) => T = (x) => x as T): List<T> {
  if (Array.isArray(raw)) return { items: raw.map(each), total: raw.length };
  if (isObj(raw)) {
    const items = arr(pick(raw, 'items', 'steps')).map(each);
    return { items, total: typeof raw.total === 'number' ? raw.total : items.length };
  }
  return { items: [], total: 0 };
}

export function normalizeIncident(raw: unknown): Incident {
  const o = isObj(raw) ? raw : {};
  const date = isObj(o.date) ? o.date : {};
  return {
    ...(o as unknown as Incident),
    id: id(o.id) ?? '',
    date: { start: str(date.start), end: str(date.end), precision: numOrNull(date.precision) },
    eventType: str(o.eventType),
    latitude: numOrNull(o.latitude),
    longitude: numOrNull(o.longitude),
    grade: str(o.grade) ?? 'single_source',
    reviewState: str(o.reviewState) ?? 'machine',
    parties: arr(o.parties).filter((p): p is string => typeof p === 'string'),
  };
}

/** Who did something, as far as the viewer may know: the email for overseers, else the role and party. */
export function authorText(by: unknown): string | null {
  if (typeof by === 'string') return by;
  if (!isObj(by)) return null;
  const email = str(by.email);
  if (email) return email;
  const role = str(by.role) ?? 'someone';
  const party = str(by.partyId);
  return party ? `${role} (${party})` : role;
}

export function normalizeFinding(raw: unknown): Finding {
  const o = isObj(raw) ? raw : {};
  return {
    id: id(o.id) ?? '',
    term: String(pick(o, 'term', 'termId', 'term_id') ?? ''),
    termTitle: str(pick(o, 'termTitle', 'term_title')),
    party: str(o.party) ?? str(o.answerable),
    incidentId: id(pick(o, 'incidentId', 'incident_id')),
    status: str(o.status) ?? 'not_covered',
    confidence: typeof o.confidence === 'number' ? o.confidence : undefined,
    reasons: arr(o.reasons).filter((r): r is string => typeof r === 'string'),
    explanation: str(o.explanation) ?? '',
    eventIds: arr(pick(o, 'eventIds', 'event_ids')).map(String),
    reviewState: str(pick(o, 'reviewState', 'review_state')) ?? 'machine',
    day: str(o.day),
  };
}

function normalizeEvent(raw: unknown): IncidentEvent {
  const o = isObj(raw) ? raw : {};
  const prov = isObj(o.provenance) ? o.provenance : {};
  return {
    ...(o as unknown as IncidentEvent),
    id: id(o.id) ?? '',
    reportId: prov.kind === 'report' ? numOrNull(prov.reportId) : numOrNull(o.reportId),
  };
}

/** One card per report: every event read from it adds its evidence span. */
export function groupSources(rawSources: unknown): IncidentSource[] {
  const out = new Map<string, IncidentSource & { evidence: { start: number; end: number; text?: string }[] }>();
  arr(rawSources).forEach((raw, i) => {
    const s = isObj(raw) ? raw : {};
    const report = isObj(s.report) ? s.report : null;
    const reportId = report ? numOrNull(report.id) : numOrNull(s.reportId);
    const key = reportId !== null ? `r${reportId}` : `s${i}`;
    const span = isObj(s.span) ? s.span : null;
    const sentence = str(pick(s, 'sentence', 'evidence'));
    const card = out.get(key) ?? {
      reportId,
      origin: str(s.origin),
      source: str(pick(s, 'sourceName', 'source')) ?? (report ? str(report.sourceName) : null),
      url: report ? str(report.url) : str(s.url),
      headline: report ? str(report.headline) : str(s.headline),
      published: report ? str(report.published) : str(s.published),
      eventIds: [],
      evidence: [],
      copyOf: /\(copy of (report:\d+)\)/.exec(str(s.origin) ?? '')?.[1] ?? null,
      claims: [],
    };
    (card.claims as SourceClaim[]).push({
      eventType: str(s.eventType),
      subEventType: str(s.subEventType),
      actor1: str(s.actor1),
      actor2: str(s.actor2),
      location: str(s.location),
      date: str(s.date),
      fatalities: numOrNull(s.fatalities),
      modality: str(s.modality),
    });
    if (span && typeof span.start === 'number' && typeof span.end === 'number')
      card.evidence.push({ start: span.start, end: span.end, ...(sentence ? { text: sentence } : {}) });
    else if (sentence) card.evidence.push({ start: Number.NaN, end: Number.NaN, text: sentence });
    const ev = id(s.eventId);
    if (ev !== null) (card.eventIds as (string | number)[]).push(ev);
    out.set(key, card);
  });
  return [...out.values()];
}

export function normalizeStep(raw: unknown): ReviewStep {
  const o = isObj(raw) ? raw : {};
  return {
    from: str(o.from),
    to: str(o.to) ?? 'machine',
    by: authorText(o.by),
    at: str(o.at) ?? '',
    comment: str(o.comment),
    evidence: isObj(o.evidence) ? (o.evidence as ReviewStep['evidence']) : null,
  };
}

export function normalizeComment(raw: unknown): Comment {
  const o = isObj(raw) ? raw : {};
  return {
    id: id(o.id) ?? '',
    author: authorText(pick(o, 'by', 'author')),
    text: str(o.text) ?? '',
    at: str(pick(o, 'at', 'createdAt')) ?? '',
    parentId: id(o.parentId),
    review: o.review === true,
  };
}

export function normalizeDetail(raw: unknown): IncidentDetail {
  const o = isObj(raw) ? raw : {};
  const base = isObj(o.incident) ? o.incident : o;
  const review = isObj(o.review) ? o.review : {};
  const incident = normalizeIncident(base);
  return {
    incident: { ...incident, reviewState: str(review.state) ?? incident.reviewState },
    events: arr(o.events).map(normalizeEvent),
    sources: groupSources(o.sources),
    findings: arr(o.findings).map(normalizeFinding),
    history: arr(o.history).map(normalizeStep),
    comments: arr(o.comments).map(normalizeComment),
  };
}

function tallies(term: string, title: string | undefined, parties: Obj): TermPartyCount[] {
  return Object.entries(parties)
    .filter((e): e is [string, Obj] => isObj(e[1]))
    .map(([party, c]) => ({
      term,
      title,
      party,
      violation: num(pick(c, 'violation', 'violations')),
      possible_violation: num(pick(c, 'possible_violation', 'possibleViolation', 'possible')),
      permitted: num(c.permitted),
    }));
}

function normalizeDay(d: Obj): DayCounts {
  const parties: Record<string, { violations: number; possible: number; incidents?: number }> = {};
  for (const [p, c] of Object.entries(isObj(d.parties) ? d.parties : {}))
    if (isObj(c))
      parties[p] = {
        violations: num(pick(c, 'violations', 'violation')),
        possible: num(pick(c, 'possible', 'possible_violation')),
        ...(c.incidents !== undefined ? { incidents: num(c.incidents) } : {}),
      };
  return {
    day: String(d.day ?? ''),
    parties,
    reduced: typeof d.reduced === 'boolean' ? d.reduced : undefined,
    run: typeof d.run === 'number' ? d.run : undefined,
  };
}

function normalizePhase(p: Obj): PhaseGate {
  const g = isObj(p.gate) ? p.gate : null;
  return {
    id: String(pick(p, 'id', 'phase_id') ?? ''),
    name: String(p.name ?? ''),
    starts: str(p.starts),
    ends: str(p.ends),
    gate: g
      ? {
          consecutiveDays: num(pick(g, 'consecutiveDays', 'consecutive_days')),
          metOn: str(pick(g, 'metOn', 'met_on')),
          explanation: str(g.explanation) ?? '',
        }
      : null,
  };
}

export function normalizeCompliance(raw: unknown): Compliance {
  const o = isObj(raw) ? raw : {};
  const terms = arr(o.terms).filter(isObj);
  const s = isObj(o.streak) ? o.streak : null;
  const latest = terms
    .flatMap((t) => arr(t.latest).map(normalizeFinding))
    .filter((f) => f.status === 'violation' || f.status === 'possible_violation')
    .sort((a, b) => (b.day ?? '').localeCompare(a.day ?? '') || a.id.localeCompare(b.id));
  const hl = isObj(o.headline) ? o.headline : null;
  return {
    period: isObj(o.period) ? { from: String(o.period.from ?? ''), to: String(o.period.to ?? '') } : undefined,
    headline: hl
      ? {
          violations: num(hl.violations),
          possibleViolations: num(hl.possibleViolations),
          permitted: num(hl.permitted),
          incidentsWithViolation: num(hl.incidentsWithViolation),
        }
      : undefined,
    excludedByReview: typeof o.excludedByReview === 'number' ? o.excludedByReview : undefined,
    terms: terms.map((t) => ({
      id: String(t.id ?? ''),
      title: str(t.title) ?? String(t.id ?? ''),
      kind: str(t.kind) ?? undefined,
    })),
    counts: terms.flatMap((t) =>
      tallies(String(t.id ?? ''), str(t.title) ?? undefined, isObj(t.parties) ? t.parties : {}),
    ),
    latest,
    daily: arr(pick(o, 'timeline', 'daily'))
      .filter(isObj)
      .map(normalizeDay),
    streak: s
      ? {
          current: num(s.current),
          longest: num(s.longest),
          threshold: typeof s.maxViolationsPerPartyPerDay === 'number' ? s.maxViolationsPerPartyPerDay : undefined,
          lastReset: str(s.lastReset),
        }
      : undefined,
    phases: arr(o.phases).filter(isObj).map(normalizePhase),
  };
}

const stateLabel = (v: unknown) => (isReviewState(v) ? REVIEW_LABELS[v].toLowerCase() : String(v ?? '?'));
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What changed, newest first, one line each. */
export function normalizeChanges(raw: unknown): Changes {
  const o = isObj(raw) ? raw : {};
  const items: WatchChange[] = [];
  for (const x of arr(o.incidents).filter(isObj)) {
    const events = arr(x.events).filter(isObj);
    const first = events[0] ?? {};
    const what = [str(first.subEventType) ?? str(first.eventType), str(first.location)].filter(Boolean).join(' in ');
    const watches = arr(x.watches)
      .filter(isObj)
      .map((w) => str(w.label))
      .filter(Boolean);
    items.push({
      kind: 'new events',
      incidentId: id(x.incidentId),
      summary: `${plural(events.length, 'new event')}${what ? `: ${what}` : ''}${watches.length ? ` (watching ${watches.join(', ')})` : ''}`,
      at:
        events
          .map((e) => str(e.storedAt) ?? '')
          .sort()
          .at(-1) ?? null,
    });
  }
  for (const r of arr(o.reviews).filter(isObj)) {
    const subject = isObj(r.subject) ? r.subject : {};
    items.push({
      kind: 'review',
      incidentId: id(r.incidentId),
      summary: `${subject.kind === 'finding' ? 'A finding' : 'The incident'} moved from ${stateLabel(r.from)} to ${stateLabel(r.to)} by ${authorText(r.by) ?? 'someone'}`,
      at: str(r.at),
    });
  }
  for (const c of arr(o.comments).filter(isObj)) {
    const text = str(c.text) ?? '';
    items.push({
      kind: 'comment',
      incidentId: id(c.incidentId),
      summary: `${authorText(c.by) ?? 'Someone'} commented: “${text.length > 140 ? `${text.slice(0, 140)}…` : text}”`,
      at: str(c.at),
    });
  }
  items.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return {
    items,
    since: str(o.since),
    until: str(o.until),
    firstVisit: o.firstVisit === true,
    truncated: o.truncated === true,
  };
}

/** One listed API token (the optional fields are null when the server does not send them). */
export function normalizeToken(raw: unknown): ApiToken {
  const o = isObj(raw) ? raw : {};
  return {
    id: id(o.id) ?? '',
    name: str(o.name) ?? '',
    createdAt: str(o.createdAt),
    revokedAt: str(o.revokedAt),
    expiresAt: str(o.expiresAt),
    lastUsedAt: str(o.lastUsedAt),
  };
}

/** A created token: its secret must be there, or there is nothing to show the user. */
export function normalizeNewToken(raw: unknown): NewApiToken {
  const o = isObj(raw) ? raw : {};
  const token = str(o.token);
  if (!token) throw new Error('The server did not send the new token.');
  return { id: id(o.id) ?? '', name: str(o.name) ?? '', token, expiresAt: str(o.expiresAt) };
}
