/**
 * `truce assess` and the service's findings: reads the store's incidents (and each event in no
 * incident as its own single-source incident), as a whole or as one viewer may see them, adapts
 * them to the judgement's input and assesses them.
 */
import { addDays, parseIsoDay, type IsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import type { Modality } from '../core/taxonomy.js';
import { FULL_SCOPE } from '../store/incident-queries.js';
import { pageEvents } from '../store/rows.js';
import { openSqliteStore } from '../store/sqlite/sqlite.store.js';
import type { EventFilter, Store, StoredEvent, ViewScope } from '../store/store.js';
import { loadAgreement } from '../terms/agreement.js';
import { assess, type Assessment } from '../terms/assess.js';
import { eventDateRange } from '../terms/facts.js';
import type { AssessableEvent, AssessableIncident } from '../terms/incident.js';
import { scopeIncidents, type ScopedIncident } from './incidents.service.js';

export interface AssessRequest {
  readonly agreement: string;
  readonly db?: string;
  readonly from?: string;
  readonly to?: string;
}

function day(field: string, value: string | undefined): IsoDay | undefined {
  if (value === undefined) return undefined;
  const d = parseIsoDay(value);
  if (!d) throw new TruceError('E006_BAD_DATE', { field, value });
  return d;
}

export function toAssessableEvent(e: StoredEvent): AssessableEvent {
  const p = e.provenance;
  return {
    id: `event:${e.id}`,
    event_ids: p.kind === 'import' ? [p.sourceId] : [],
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: e.assoc_actor_1,
    actor2: e.actor2,
    assoc_actor_2: e.assoc_actor_2,
    location: e.location,
    admin1: e.admin1,
    country: e.country,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.geo_precision,
    date: eventDateRange(e.event_date, e.time_precision),
    fatalities: e.fatalities,
    modality: e.modality as Modality,
    source: e.source ?? (p.kind === 'import' ? `${p.dataset} ${p.file} row ${p.row}` : `report ${p.reportId}`),
    evidence: e.evidence || null,
    confidence: e.confidence,
  };
}

/** One incident as the judgement reads it, graded as its viewer sees it. */
export function toAssessable(s: ScopedIncident): AssessableIncident {
  return { id: `incident:${s.view.id}`, grade: s.view.grade, events: s.events.map(toAssessableEvent) };
}

/** Every event the scope may see in the window, page by page. */
export async function visibleEvents(store: Store, scope: ViewScope, filter: EventFilter): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  const pages = scope.all
    ? store.iterateEvents(filter, 5000)
    : pageEvents((f) => store.access.listEvents(scope, f), filter, 5000);
  for await (const e of pages) out.push(e);
  return out;
}

/**
 * What the scope may see, ready to judge: each incident with an event in the window, with all its
 * visible events and its grade as that viewer sees it, and each visible event in no incident as a
 * single-source incident of its own. Nothing from a report the viewer may not see takes part.
 */
export async function loadIncidents(
  store: Store,
  from?: IsoDay,
  to?: IsoDay,
  scope: ViewScope = FULL_SCOPE,
): Promise<AssessableIncident[]> {
  // A month-precision event is coded on the month's first day: widen the window so it is not lost.
  const filter = { ...(from ? { from: addDays(from, -31) } : {}), ...(to ? { to } : {}) };
  const events = await visibleEvents(store, scope, filter);
  const found = await store.incidents.findVisibleIncidents(scope, { ...filter, limit: 100_000 });
  const scoped = await scopeIncidents(store, found, new Map(events.map((e) => [e.id, e])));
  const used = new Set(scoped.flatMap((s) => s.events.map((e) => e.id)));
  return [
    ...scoped.map(toAssessable),
    ...events
      .filter((e) => !used.has(e.id))
      .map((e) => ({ id: `event:${e.id}`, grade: 'single_source' as const, events: [toAssessableEvent(e)] })),
  ];
}

export async function assessStore(req: AssessRequest): Promise<Assessment> {
  const from = day('--from', req.from);
  const to = day('--to', req.to);
  if (from && to && from > to)
    throw new TruceError('E007_BAD_OPTION', { option: '--from/--to', reason: `${from} is after ${to}` });
  const agreement = loadAgreement(req.agreement);
  const store = await openSqliteStore({ path: req.db ?? (process.env.TRUCE_DB || './truce.db') });
  try {
    return assess(agreement, await loadIncidents(store, from, to), { from, to });
  } finally {
    await store.close();
  }
}
