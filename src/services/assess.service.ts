/**
 * `truce assess`: reads the store's incidents (or, while there are none, each stored event as its
 * own single-source incident), adapts them to the judgement's input and assesses them.
 */
import { addDays, parseIsoDay, type IsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import type { Modality } from '../core/taxonomy.js';
import { openSqliteStore } from '../store/sqlite/sqlite.store.js';
import type { Store, StoredEvent, StoredIncident } from '../store/store.js';
import { loadAgreement } from '../terms/agreement.js';
import { assess, type Assessment } from '../terms/assess.js';
import { eventDateRange } from '../terms/facts.js';
import type { AssessableEvent, AssessableIncident } from '../terms/incident.js';

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

/** Stored incidents with their events; events in no incident become single-source incidents. */
export function toAssessableIncidents(
  events: readonly StoredEvent[],
  incidents: readonly StoredIncident[],
): AssessableIncident[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const used = new Set<number>();
  const out: AssessableIncident[] = [];
  for (const inc of incidents) {
    const evs = inc.eventIds.map((id) => byId.get(id)).filter((e): e is StoredEvent => e !== undefined);
    if (evs.length === 0) continue;
    evs.forEach((e) => used.add(e.id));
    out.push({ id: `incident:${inc.id}`, grade: inc.grade, events: evs.map(toAssessableEvent) });
  }
  for (const e of events)
    if (!used.has(e.id)) out.push({ id: `event:${e.id}`, grade: 'single_source', events: [toAssessableEvent(e)] });
  return out;
}

export async function loadIncidents(store: Store, from?: IsoDay, to?: IsoDay): Promise<AssessableIncident[]> {
  const events: StoredEvent[] = [];
  // A month-precision event is coded on the month's first day: widen the window so it is not lost.
  const filter = { from: from ? addDays(from, -31) : undefined, to };
  for await (const e of store.iterateEvents(filter)) events.push(e);
  const incidents = await store.listIncidents({ limit: 10_000 });
  return toAssessableIncidents(events, incidents);
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
