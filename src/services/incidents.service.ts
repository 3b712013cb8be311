/**
 * Use case: find incidents and present them with their sources, as JSON, GeoJSON or CSV (the table
 * is drawn by the CLI). Every filter reaches SQL as a parameter (src/store/event-sql.ts).
 */
import { gradeIncident, loadIncidentRules, summariseIncident, type IncidentSummary } from '../incidents/index.js';
import { incidentQueriesFor, type IncidentFilter } from '../store/incident-queries.js';
import type { IncidentGrade, Store, StoredEvent } from '../store/store.js';
import { csvField } from './csv.js';
import { keyEvents } from './corroborate.service.js';

export interface IncidentSource {
  readonly eventId: number;
  /** `report:<id>` (with its canonical report when it is a copy) or `<dataset>:<row id>`. */
  readonly origin: string;
  readonly sourceName: string | null;
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

export async function findIncidentViews(store: Store, filter: IncidentFilter = {}): Promise<IncidentView[]> {
  const q = incidentQueriesFor(store);
  const incidents = await q.findIncidents(filter);
  const events = new Map((await q.getEvents(incidents.flatMap((i) => i.eventIds))).map((e) => [e.id, e]));
  const reportIds = [...events.values()].flatMap((e) =>
    e.provenance.kind === 'report' ? [e.provenance.reportId] : [],
  );
  const originList = await q.reportOrigins(reportIds);
  const origins = new Map(originList.map((o) => [o.id, o]));
  const rules = loadIncidentRules();
  return incidents.map((inc) => {
    const members = inc.eventIds.map((id) => events.get(id)).filter((e): e is StoredEvent => e !== undefined);
    const withKeys = keyEvents(members, originList);
    const verdict = gradeIncident(withKeys, rules);
    return {
      id: inc.id,
      grade: inc.grade,
      independentSources: verdict.sources,
      contestedBecause: verdict.contested,
      fatalitiesLow: inc.fatalitiesLow,
      fatalitiesBest: inc.fatalitiesBest,
      fatalitiesHigh: inc.fatalitiesHigh,
      ...summariseIncident(withKeys),
      sources: members.map((e) => {
        const p = e.provenance;
        const o = p.kind === 'report' ? origins.get(p.reportId) : undefined;
        return {
          eventId: e.id,
          origin:
            p.kind === 'report'
              ? `report:${p.reportId}${o?.canonicalReportId ? ` (copy of report:${o.canonicalReportId})` : ''}`
              : `${p.dataset}:${p.sourceId}`,
          sourceName: p.kind === 'report' ? (o?.sourceName ?? e.source) : p.dataset,
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
      }),
    };
  });
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
