/**
 * What the judgement reads: an incident (one happening, reported by one or more sources) and its
 * events, in ACLED's field names. Defined here, not taken from the store or the corroboration code,
 * so the engine depends on nothing unfinished; services adapt whatever the store gives.
 */
import type { DateRange } from '../core/date.js';
import type { GeoPrecision, Modality } from '../core/taxonomy.js';

export interface AssessableEvent {
  /** Our id for the event (e.g. "event:42"). */
  readonly id: string;
  /** The source datasets' own ids, e.g. ACLED event_id_cnty "SYR1234". */
  readonly event_ids: readonly string[];
  readonly event_type: string;
  readonly sub_event_type: string;
  /** Truce tags (core/taxonomy.ts TRUCE_TAGS) such as humanitarian:convoy-blocked. */
  readonly tags?: readonly string[];
  readonly actor1: string | null;
  readonly assoc_actor_1: string | null;
  readonly actor2: string | null;
  readonly assoc_actor_2: string | null;
  readonly location: string | null;
  readonly admin1?: string | null;
  readonly country?: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geo_precision: GeoPrecision | null;
  readonly date: DateRange | null;
  readonly fatalities: number | null;
  readonly modality: Modality;
  readonly source: string | null;
  readonly evidence: string | null;
  /** The reader's confidence in the extraction, 0..1 (1 for imported rows). */
  readonly confidence?: number;
}

export type IncidentGrade = 'single_source' | 'corroborated' | 'contested' | 'confirmed';

export interface AssessableIncident {
  readonly id: string;
  readonly events: readonly AssessableEvent[];
  readonly grade?: IncidentGrade;
}
