/**
 * The shapes of incidents as they leave the server: a list item (JSON), a GeoJSON feature, a CSV
 * row, and the incident page's detail with its sources, evidence spans and findings.
 */
import type { IncidentDetail, IncidentItem } from '../../services/incident-read.service.js';
import { CSV_COLUMNS, incidentCsvRow } from '../../services/incidents.service.js';
import { csvField } from '../../services/csv.js';
import { presentFinding } from './finding.presenter.js';
import { presentEvent } from './report.presenter.js';

export function presentIncidentItem(i: IncidentItem) {
  const v = i.view;
  return {
    id: v.id,
    date: { start: v.first, end: v.last, precision: i.timePrecision },
    eventType: v.eventType,
    subEventType: i.lead.sub_event_type,
    subEventTypes: v.subEventTypes,
    actor1: i.lead.actor1,
    actor2: i.lead.actor2,
    actors: v.actors,
    location: v.location,
    admin1: v.admin1,
    country: v.country,
    latitude: v.latitude,
    longitude: v.longitude,
    geoPrecision: v.geoPrecision,
    grade: v.grade,
    contestedBecause: v.contestedBecause,
    independentSources: v.independentSources,
    sourceCount: v.sources.length,
    fatalitiesLow: v.fatalitiesLow,
    fatalitiesBest: v.fatalitiesBest,
    fatalitiesHigh: v.fatalitiesHigh,
    reviewState: i.reviewState,
    parties: i.parties,
    eventIds: v.sources.map((s) => s.eventId),
  };
}

/** RFC 7946: incidents without coordinates get a null geometry. */
export function presentIncidentGeoJson(items: readonly IncidentItem[], extra: Record<string, unknown>) {
  return {
    type: 'FeatureCollection' as const,
    ...extra,
    features: items.map((i) => {
      const { latitude, longitude, ...properties } = presentIncidentItem(i);
      return {
        type: 'Feature' as const,
        id: i.view.id,
        geometry:
          latitude !== null && longitude !== null
            ? { type: 'Point' as const, coordinates: [longitude, latitude] }
            : null,
        properties,
      };
    }),
  };
}

/** The columns of `truce incidents --format csv`, then the parties and the review state. */
export function incidentsCsv(items: readonly IncidentItem[]): string {
  const head = [...CSV_COLUMNS, 'parties', 'review_state'].join(',');
  const rows = items.map(
    (i) =>
      `${incidentCsvRow(i.view)},${csvField(i.parties.join('; '), { defuseFormulas: true })},${csvField(i.reviewState)}`,
  );
  return `${[head, ...rows].join('\r\n')}\r\n`;
}

export function presentIncidentDetail(d: IncidentDetail) {
  return {
    ...presentIncidentItem(d.item),
    agreementId: d.agreementId,
    review: d.review,
    events: d.events.map(presentEvent),
    sources: d.item.view.sources.map((s) => ({
      eventId: s.eventId,
      origin: s.origin,
      sourceName: s.sourceName,
      report: s.reportId === null ? null : (d.reports.get(s.reportId) ?? { id: s.reportId }),
      /** The evidence sentence's [start, end) in the report's cleaned body (GET /api/reports/:id). */
      span: s.span,
      sentence: s.evidence,
      eventType: s.eventType,
      subEventType: s.subEventType,
      actor1: s.actor1,
      actor2: s.actor2,
      date: s.date,
      timePrecision: s.timePrecision,
      location: s.location,
      geoPrecision: s.geoPrecision,
      fatalities: s.fatalities,
      modality: s.modality,
    })),
    findings: d.findings.map(presentFinding),
  };
}
