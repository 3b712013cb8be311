import type { Analysis } from '../core/analysis.js';
import { representativeDay } from '../core/date.js';
import type { Doc, Entity, PlaceMention } from '../core/document.js';
import { byStart } from '../core/span.js';
import { layer } from './stage.js';

type AnalysisEntity = Analysis['entities'][number];

const fromEntity = (e: Entity): AnalysisEntity => ({
  text: e.text,
  type: e.type,
  canonical: e.canonical,
  start: e.start,
  end: e.end,
});
const fromPlace = (p: PlaceMention): AnalysisEntity => ({
  text: p.text,
  type: 'place',
  canonical: p.name,
  start: p.start,
  end: p.end,
});

/** Builds the public Analysis contract from a fully analysed document. */
export function toAnalysis(doc: Doc): Analysis {
  const clean = layer(doc, 'clean');
  // People then places, in text order (the sort is stable: a person and a place at one start keep that order).
  const entities = [
    ...(doc.entities?.entities ?? []).map(fromEntity),
    ...(doc.places?.places ?? []).map(fromPlace),
  ].sort(byStart);
  return {
    report: {
      headline: clean.headline,
      published: clean.published,
      dateline: clean.dateline?.text ?? null,
      body: clean.body,
      removed: clean.removed.map((r) => ({ text: r.text, reason: r.reason })),
    },
    entities,
    quotes: (doc.quotes?.quotes ?? []).map((q) => ({
      text: q.text,
      speaker: q.speaker,
      speaker_mention: q.speakerMention?.text ?? null,
      cue: q.cue?.text ?? null,
      kind: q.kind,
      start: q.start,
      end: q.end,
    })),
    events: (doc.events?.events ?? []).map((e) => ({
      event_type: e.eventType,
      sub_event_type: e.subEventType,
      actor1: e.actor1,
      assoc_actor_1: e.assocActor1,
      actor2: e.actor2,
      assoc_actor_2: e.assocActor2,
      location: e.location?.name ?? null,
      admin1: e.location?.admin1 ?? null,
      country: e.location?.countryName ?? null,
      latitude: e.location?.latitude ?? null,
      longitude: e.location?.longitude ?? null,
      geo_precision: e.location?.geoPrecision ?? null,
      event_date: e.date ? representativeDay(e.date) : null,
      time_precision: e.date?.precision ?? null,
      fatalities: e.fatalities,
      modality: e.modality,
      source: e.source,
      evidence: e.text,
      start: e.start,
      end: e.end,
      confidence: e.confidence,
    })),
    warnings: [
      ...clean.warnings,
      ...(doc.sentences?.warnings ?? []),
      ...(doc.entities?.warnings ?? []),
      ...(doc.places?.warnings ?? []),
      ...(doc.dates?.warnings ?? []),
      ...(doc.quotes?.warnings ?? []),
      ...(doc.events?.warnings ?? []),
    ],
  };
}
