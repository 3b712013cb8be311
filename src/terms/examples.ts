/**
 * Each term may carry examples: a small incident and the status it must get. `truce agreement check`
 * and the tests run every term against its own examples, so a term that cannot match fails loudly.
 */
import type { Modality } from '../core/taxonomy.js';
import type { TermExample } from './agreement.schema.js';
import type { CompiledAgreement } from './agreement.js';
import { eventDateRange } from './facts.js';
import type { AssessableIncident } from './incident.js';
import { judge } from './judge.js';

export function exampleIncident(x: TermExample, id: string): AssessableIncident {
  return {
    id,
    events: [
      {
        id: `${id}/1`,
        event_ids: [],
        event_type: x.event_type,
        sub_event_type: x.sub_event_type,
        tags: x.tags,
        actor1: x.actor1 ?? null,
        assoc_actor_1: null,
        actor2: x.actor2 ?? null,
        assoc_actor_2: null,
        location: x.location ?? null,
        admin1: x.admin1 ?? null,
        country: x.country ?? null,
        latitude: x.latitude ?? null,
        longitude: x.longitude ?? null,
        geo_precision: x.geo_precision ?? (x.latitude === undefined ? null : 1),
        date: eventDateRange(x.event_date, x.time_precision ?? 1),
        fatalities: null,
        modality: (x.modality ?? 'asserted') as Modality,
        source: 'example',
        evidence: x.evidence ?? null,
      },
    ],
  };
}

export interface ExampleResult {
  readonly term_id: string;
  readonly index: number;
  readonly expected: string;
  readonly got: string;
  readonly explanation: string;
}

/** Runs every example of every term; returns one result each (ok when expected === got). */
export function runExamples(ca: CompiledAgreement): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const term of ca.agreement.terms) {
    (term.examples ?? []).forEach((x, i) => {
      const f = judge(ca, term, exampleIncident(x, `example:${term.id}:${i}`));
      out.push({ term_id: term.id, index: i, expected: x.expect, got: f.status, explanation: f.explanation });
    });
  }
  return out;
}
