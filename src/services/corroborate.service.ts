/**
 * Use case: turn stored events into incidents (src/incidents) and keep them in step with the store.
 * `corroborateEvents` is what ingest calls after each batch: it recomputes only the neighbourhood of
 * the given events (events that could match them, and every member of the incidents they touch),
 * plus incidents left stale by a re-analysis. `corroborateAll` rebuilds from every event. Both are
 * idempotent: a second run writes nothing.
 */
import { addDays } from '../core/date.js';
import {
  clusterEvents,
  compareEvents,
  eligible,
  eventDays,
  gradeIncident,
  loadIncidentRules,
  type IncidentEvent,
  type IncidentRules,
} from '../incidents/index.js';
import type { IncidentGrade, IncidentStore, ReportOrigin, Store, StoredEvent, StoredIncident } from '../store/store.js';

export interface CorroborateResult {
  /** Events considered (the given ones and their neighbourhood). */
  readonly events: number;
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
  /** Grades of the incidents written or kept in this run. */
  readonly grades: Readonly<Record<IncidentGrade, number>>;
}

/** Candidates per seed event; beyond this a dense month is truncated (the seed still clusters). */
const NEIGHBOURS_PER_EVENT = 20_000;

/** Recomputes the incidents of these events (new, or re-analysed) and of every stale incident. */
export async function corroborateEvents(
  store: Store,
  eventIds: readonly number[],
  rules: IncidentRules = loadIncidentRules(),
): Promise<CorroborateResult> {
  const q = store.incidents;
  const stale = await q.staleIncidentIds();
  const staleMembers = (await Promise.all(stale.map((id) => store.getIncident(id)))).flatMap((i) => i?.eventIds ?? []);
  const seeds = await q.getEvents([...eventIds, ...staleMembers]);
  const byId = new Map(seeds.map((e) => [e.id, e]));
  const seedEvents = await toIncidentEvents(q, seeds);
  for (const seed of seedEvents) {
    if (!eligible(seed, rules)) continue;
    for (const candidate of await neighbours(store, q, seed, rules))
      if (!byId.has(candidate.id)) byId.set(candidate.id, candidate);
  }
  // Every member of an incident we touch is recomputed with it, so no incident is half rewritten.
  const touched = await q.incidentIdsOfEvents([...byId.keys()]);
  const existing = (await Promise.all([...new Set([...touched, ...stale])].map((id) => store.getIncident(id)))).filter(
    (i): i is StoredIncident => i !== null,
  );
  const missing = existing.flatMap((i) => i.eventIds).filter((id) => !byId.has(id));
  for (const e of await q.getEvents(missing)) byId.set(e.id, e);
  return reconcile(store, await toIncidentEvents(q, [...byId.values()]), existing, rules);
}

/** Rebuilds every incident from every stored event (`truce corroborate`). */
export async function corroborateAll(
  store: Store,
  rules: IncidentRules = loadIncidentRules(),
): Promise<CorroborateResult> {
  const q = store.incidents;
  const events: StoredEvent[] = [];
  for await (const e of store.iterateEvents({}, 5000)) events.push(e);
  const ids = new Set([...(await q.incidentIdsOfEvents(events.map((e) => e.id))), ...(await q.staleIncidentIds())]);
  const existing = (await Promise.all([...ids].map((id) => store.getIncident(id)))).filter(
    (i): i is StoredIncident => i !== null,
  );
  return reconcile(store, await toIncidentEvents(q, events), existing, rules);
}

/** Events that could be the same incident as `seed`: its time window, near it when it is placed. */
async function neighbours(
  store: Store,
  q: IncidentStore,
  seed: IncidentEvent,
  rules: IncidentRules,
): Promise<StoredEvent[]> {
  const days = eventDays(seed)!;
  const longest = Math.max(...rules.spanDays.values());
  const from = addDays(days.first, -(longest + rules.dateSlackDays));
  const to = addDays(days.last, rules.dateSlackDays);
  // Province-level matches may exceed the distance threshold, so coarse seeds search by time only.
  const precise =
    seed.latitude !== null && seed.longitude !== null && (seed.geo_precision ?? 3) < rules.admin1AtPrecision;
  const near = precise ? { lat: seed.latitude!, lon: seed.longitude!, km: rules.maxKm } : undefined;
  const found = await store.listEvents({ from, to, ...(near ? { near } : {}), limit: NEIGHBOURS_PER_EVENT });
  const asIncident = await toIncidentEvents(q, found);
  const keep = new Set(asIncident.filter((c) => compareEvents(seed, c, rules).match).map((c) => c.id));
  return found.filter((e) => keep.has(e.id));
}

/**
 * Adds what the incident layer needs to tell sources apart (ADR 0008): the document an event was read
 * from, its story (the canonical report, which copies and versions share, or the dataset) and the
 * outlet that published the report (its own source name; null when unknown). Only the origins of the
 * events' own reports are read, so a viewer's grade never depends on a report they may not see.
 */
export function keyEvents(events: readonly StoredEvent[], origins: readonly ReportOrigin[]): IncidentEvent[] {
  const byId = new Map(origins.map((o) => [o.id, o]));
  return events.map((e) => {
    const { provenance, ...fields } = e;
    if (provenance.kind === 'import') {
      const key = `dataset:${provenance.dataset}`;
      return { ...fields, sourceKey: key, documentKey: key, outlet: null };
    }
    const own = provenance.reportId;
    const origin = byId.get(own);
    return {
      ...fields,
      sourceKey: `report:${origin?.canonicalReportId ?? own}`,
      documentKey: `report:${own}`,
      outlet: origin?.sourceName ?? null,
    };
  });
}

async function toIncidentEvents(q: IncidentStore, events: readonly StoredEvent[]): Promise<IncidentEvent[]> {
  const reportIds = events.flatMap((e) => (e.provenance.kind === 'import' ? [] : [e.provenance.reportId]));
  // Read fresh on every call: a report may have been linked to its canonical one since.
  return keyEvents(events, await q.reportOrigins(reportIds));
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Writes the clusters over the existing incidents: each cluster keeps the id of the incident it
 * shares most events with (lowest id on a tie), so ids stay stable; incidents left empty are deleted.
 * A monitor's 'confirmed' grade is kept unless the sources now contest the incident.
 */
async function reconcile(
  store: Store,
  events: readonly IncidentEvent[],
  existing: readonly StoredIncident[],
  rules: IncidentRules,
): Promise<CorroborateResult> {
  const clusters = clusterEvents(events, rules);
  const owner = new Map<number, StoredIncident>();
  for (const inc of [...existing].sort((a, b) => a.id - b.id))
    for (const id of inc.eventIds) if (!owner.has(id)) owner.set(id, inc);
  const taken = new Set<number>();
  const grades: Record<IncidentGrade, number> = { single_source: 0, corroborated: 0, contested: 0, confirmed: 0 };
  let [created, updated, unchanged] = [0, 0, 0];
  const staleIds = new Set(await store.incidents.staleIncidentIds());
  for (const cluster of clusters) {
    const ids = cluster.events.map((e) => e.id);
    const overlap = new Map<number, number>();
    for (const id of ids) {
      const inc = owner.get(id);
      if (inc && !taken.has(inc.id)) overlap.set(inc.id, (overlap.get(inc.id) ?? 0) + 1);
    }
    const bestId = [...overlap].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    const previous = bestId === undefined ? undefined : existing.find((i) => i.id === bestId);
    const verdict = gradeIncident(cluster.events, rules);
    const grade: IncidentGrade =
      previous?.grade === 'confirmed' && verdict.grade !== 'contested' ? 'confirmed' : verdict.grade;
    grades[grade]++;
    const row = {
      grade,
      fatalitiesLow: verdict.fatalitiesLow,
      fatalitiesBest: verdict.fatalitiesBest,
      fatalitiesHigh: verdict.fatalitiesHigh,
      eventIds: ids,
    };
    if (previous === undefined) {
      await store.putIncident(row);
      created++;
      continue;
    }
    taken.add(previous.id);
    const same =
      previous.grade === grade &&
      previous.fatalitiesLow === row.fatalitiesLow &&
      previous.fatalitiesBest === row.fatalitiesBest &&
      previous.fatalitiesHigh === row.fatalitiesHigh &&
      sameIds(
        [...previous.eventIds].sort((a, b) => a - b),
        ids,
      ) &&
      !staleIds.has(previous.id);
    if (same) unchanged++;
    else {
      await store.putIncident({ id: previous.id, ...row });
      updated++;
    }
  }
  let deleted = 0;
  for (const inc of existing)
    if (!taken.has(inc.id)) {
      await store.deleteIncident(inc.id);
      deleted++;
    }
  return { events: events.length, created, updated, deleted, unchanged, grades };
}
