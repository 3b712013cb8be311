/**
 * Use case: find incidents and present them with their sources, as JSON, GeoJSON or CSV (the table
 * is drawn by the CLI), whole or as one viewer may see them. Every filter reaches SQL as a
 * parameter (src/store/event-sql.ts).
 */
import { gradeIncident, loadIncidentRules, summariseIncident, type IncidentSummary } from '../incidents/index.js';
import { TruceError } from '../core/errors.js';
import { FULL_SCOPE, type IncidentFilter } from '../store/incident-queries.js';
import type { IncidentGrade, ReportOrigin, Store, StoredEvent, ViewScope, VisibleIncident } from '../store/store.js';
import { INCIDENT_GRADES } from '../store/types.js';
import { csvField } from './csv.js';
import { keyEvents } from './corroborate.service.js';

export interface IncidentSource {
  readonly eventId: number;
  /** `report:<id>` (with its canonical report when it is a copy) or `<dataset>:<row id>`. */
  readonly origin: string;
  readonly sourceName: string | null;
  /** The report the event was read from, and the evidence sentence's span in its cleaned body. */
  readonly reportId: number | null;
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly eventType: string;
  readonly subEventType: string;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly date: string | null;
  readonly timePrecision: number | null;
  readonly location: string | null;
  readonly geoPrecision: number | null;
  readonly fatalities: number | null;
  readonly modality: string;
  readonly evidence: string;
}

export interface IncidentView extends IncidentSummary {
  readonly id: number;
  readonly grade: IncidentGrade;
  readonly independentSources: number;
  readonly contestedBecause: readonly string[];
  readonly fatalitiesLow: number | null;
  readonly fatalitiesBest: number | null;
  readonly fatalitiesHigh: number | null;
  /** Every source's own version of the incident. */
  readonly sources: readonly IncidentSource[];
}

/** An incident as one viewer sees it: the view computed from, and the events of, what they may see. */
export interface ScopedIncident {
  readonly view: IncidentView;
  readonly events: readonly StoredEvent[];
}

/**
 * Views of incidents as found for a scope. An incident whose every event the viewer sees keeps its
 * stored grade and fatalities (which may carry a monitor's confirmation); any other is graded again
 * from its visible events alone, so nothing computed from a hidden report reaches the viewer.
 */
export async function scopeIncidents(
  store: Store,
  found: readonly VisibleIncident[],
  known: ReadonlyMap<number, StoredEvent> = new Map(),
): Promise<ScopedIncident[]> {
  const missing = found.flatMap((i) => i.eventIds).filter((id) => !known.has(id));
  const events = new Map(known);
  for (const e of await store.incidents.getEvents(missing)) events.set(e.id, e);
  const reportIds = found.flatMap((i) =>
    i.eventIds.flatMap((id) => {
      const p = events.get(id)?.provenance;
      return p && p.kind !== 'import' ? [p.reportId] : [];
    }),
  );
  const originList = await store.incidents.reportOrigins(reportIds);
  const origins = new Map(originList.map((o) => [o.id, o]));
  const rules = loadIncidentRules();
  return found.flatMap((inc) => {
    const members = inc.eventIds.map((id) => events.get(id)).filter((e): e is StoredEvent => e !== undefined);
    if (members.length === 0) return [];
    const withKeys = keyEvents(members, originList);
    const verdict = gradeIncident(withKeys, rules);
    const whole = inc.whole;
    const grade: IncidentGrade =
      whole?.grade ?? (inc.confirmed && verdict.grade !== 'contested' ? 'confirmed' : verdict.grade);
    const view: IncidentView = {
      id: inc.id,
      grade,
      independentSources: verdict.sources,
      contestedBecause: verdict.contested,
      fatalitiesLow: whole ? whole.fatalitiesLow : verdict.fatalitiesLow,
      fatalitiesBest: whole ? whole.fatalitiesBest : verdict.fatalitiesBest,
      fatalitiesHigh: whole ? whole.fatalitiesHigh : verdict.fatalitiesHigh,
      ...summariseIncident(withKeys),
      sources: members.map((e) => sourceOf(e, origins)),
    };
    return [{ view, events: members }];
  });
}

function sourceOf(e: StoredEvent, origins: ReadonlyMap<number, ReportOrigin>): IncidentSource {
  const p = e.provenance;
  const o = p.kind === 'import' ? undefined : origins.get(p.reportId);
  return {
    eventId: e.id,
    origin:
      p.kind === 'import'
        ? `${p.dataset}:${p.sourceId}`
        : `report:${p.reportId}${o?.canonicalReportId ? ` (copy of report:${o.canonicalReportId})` : ''}`,
    sourceName: p.kind === 'import' ? p.dataset : (o?.sourceName ?? e.source),
    reportId: p.kind === 'import' ? null : p.reportId,
    span: p.kind === 'import' ? null : { start: p.start, end: p.end },
    eventType: e.event_type,
    subEventType: e.sub_event_type,
    actor1: e.actor1,
    actor2: e.actor2,
    date: e.event_date,
    timePrecision: e.time_precision,
    location: e.location,
    geoPrecision: e.geo_precision,
    fatalities: e.fatalities,
    modality: e.modality,
    evidence: e.evidence,
  };
}

/**
 * Incidents matching the filter as the scope sees them, by id. With a scope that sees everything the
 * grade is filtered in SQL; otherwise on the recomputed grade, then cut to `limit`.
 */
export async function findScopedIncidents(
  store: Store,
  scope: ViewScope,
  filter: IncidentFilter = {},
): Promise<ScopedIncident[]> {
  if (scope.all) {
    const found = (await store.incidents.findIncidents(filter))
      .filter((i) => i.eventIds.length > 0)
      .map((i) => ({ id: i.id, eventIds: i.eventIds, whole: i, confirmed: i.grade === 'confirmed' }));
    return scopeIncidents(store, found);
  }
  const { grade, limit, ...events } = filter;
  if (grade !== undefined && !(INCIDENT_GRADES as readonly string[]).includes(grade))
    throw new TruceError('E007_BAD_OPTION', {
      option: 'grade',
      reason: `expected one of ${INCIDENT_GRADES.join(', ')}`,
    });
  const max = limit ?? 1000;
  const found = await store.incidents.findVisibleIncidents(scope, {
    ...events,
    limit: grade === undefined ? max : 100_000,
  });
  const scoped = await scopeIncidents(store, found);
  return (grade === undefined ? scoped : scoped.filter((s) => s.view.grade === grade)).slice(0, max);
}

/** `truce incidents`: every incident matching, as those who see everything see it. */
export async function findIncidentViews(store: Store, filter: IncidentFilter = {}): Promise<IncidentView[]> {
  return (await findScopedIncidents(store, FULL_SCOPE, filter)).map((s) => s.view);
}

export const CSV_COLUMNS = [
  'incident_id',
  'grade',
  'first_date',
  'last_date',
  'event_type',
  'sub_event_types',
  'location',
  'admin1',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'actors',
  'fatalities_low',
  'fatalities_best',
  'fatalities_high',
  'independent_sources',
  'source_names',
  'event_ids',
  'contested_because',
] as const;

export function incidentCsvRow(v: IncidentView): string {
  const names = [...new Set(v.sources.map((s) => s.sourceName).filter((n) => n !== null))];
  return [
    v.id,
    v.grade,
    v.first,
    v.last,
    v.eventType,
    v.subEventTypes.join('; '),
    v.location,
    v.admin1,
    v.country,
    v.latitude,
    v.longitude,
    v.geoPrecision,
    v.actors.join('; '),
    v.fatalitiesLow,
    v.fatalitiesBest,
    v.fatalitiesHigh,
    v.independentSources,
    names.join('; '),
    v.sources.map((s) => s.eventId).join(' '),
    v.contestedBecause.join('; '),
  ]
    .map((v) => csvField(v, { defuseFormulas: true }))
    .join(',');
}

/** RFC 7946 FeatureCollection; incidents without coordinates get a null geometry (allowed by the RFC). */
export function toGeoJson(views: readonly IncidentView[]): object {
  return {
    type: 'FeatureCollection',
    features: views.map((v) => {
      const { latitude, longitude, sources, ...properties } = v;
      return {
        type: 'Feature',
        id: v.id,
        geometry:
          latitude !== null && longitude !== null ? { type: 'Point', coordinates: [longitude, latitude] } : null,
        properties: { ...properties, sources },
      };
    }),
  };
}
