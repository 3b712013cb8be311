/** Our main event for one ACLED notes text, as every events script scores it (the `truce classify` service). */
import type { IsoDay } from '../../src/core/date.js';
import { type ClassifyService, mainEvent } from '../../src/services/classify.service.js';
import { weekEnd, type PredictedEvent } from './score.js';

export interface Prediction {
  /** Null when the pipeline found no event, or threw. */
  readonly predicted: PredictedEvent | null;
  /** The stage's message when it threw (the text then counts as a miss). */
  readonly error: string | null;
}

/** The publication date given to the pipeline: the Sunday ending the week of the first coded event. */
export const publishedFor = (firstEventDate: string): IsoDay => weekEnd(firstEventDate) as IsoDay;

export function predictEvent(service: ClassifyService, notes: string, published: IsoDay): Prediction {
  let e: ReturnType<typeof mainEvent>;
  try {
    e = mainEvent(service.read(notes, published));
  } catch (err) {
    // A stage that throws on one text counts as a miss, and is reported, instead of stopping the run.
    return { predicted: null, error: (err as Error).message };
  }
  return {
    predicted: e && {
      type: e.eventType,
      subType: e.subEventType,
      actor1: e.actor1,
      actor2: e.actor2,
      latitude: e.location?.latitude ?? null,
      longitude: e.location?.longitude ?? null,
      date: e.date?.first ?? null,
      fatalities: e.fatalities,
    },
    error: null,
  };
}
