/**
 * Duplicate events: one sentence yields one event per type and actor; two sentences of one
 * report that tell the same event (same type, actors, place, compatible date) become one event,
 * with the earliest sentence as evidence and the highest confidence.
 */
import type { ConflictEvent } from '../../core/document.js';
import { dayMs } from './days.js';

/**
 * A candidate is a fresh object the stage owns until it is returned: the later steps (type model,
 * tolls) set a field in place instead of copying the object ({ ...c } is slow in V8).
 */
export function setField<K extends keyof Candidate>(c: Candidate, key: K, value: Candidate[K]): void {
  (c as { -readonly [P in keyof Candidate]: Candidate[P] })[key] = value;
}

/** An event with what the merge needs to know about where its fields came from. */
export interface Candidate extends ConflictEvent {
  readonly sentenceIndex: number;
  readonly dateStated: boolean;
  readonly sourceFromText: boolean;
}

const DAY = 86_400_000;
const sameTags = (a: Candidate, b: Candidate) => a.tags.join() === b.tags.join();

function sameActors(a: Candidate, b: Candidate): boolean {
  // Across sentences of one report, an unnamed perpetrator of the same kind of event at the same
  // place and time is the named one ("A suicide bomber killed ..." / "The bomber, an IS member, ...").
  if (a.actor1 === null || b.actor1 === null) return a.subEventType === b.subEventType && a.tags.length === 0;
  return (a.actor1 === b.actor1 && fits(a.actor2, b.actor2)) || (a.actor1 === b.actor2 && fits(a.actor2, b.actor1));
}

/** Two second sides fit when either is unknown or both are the same. */
function fits(x: string | null, y: string | null): boolean {
  return x === null || y === null || x === y;
}

function samePlace(a: Candidate, b: Candidate): boolean {
  // A field note that names no place at all: its events share the one unnamed place.
  if (!a.location && !b.location) return true;
  if (!a.location || !b.location) return false;
  if (a.location.name === b.location.name) return true;
  const [la, oa, lb, ob] = [a.location.latitude, a.location.longitude, b.location.latitude, b.location.longitude];
  if (la === null || oa === null || lb === null || ob === null) return false;
  // Within about 25 km: ACLED's own tolerance for one location.
  return Math.hypot(la - lb, (oa - ob) * Math.cos((la * Math.PI) / 180)) * 111 <= 25;
}

function compatibleDates(a: Candidate, b: Candidate): boolean {
  if (!a.date || !b.date) return true;
  const slack = a.date.precision === 1 && b.date.precision === 1 ? 1 : 7;
  const aStart = dayMs(a.date.first) - slack * DAY;
  const aEnd = dayMs(a.date.last) + slack * DAY;
  return dayMs(b.date.first) <= aEnd && dayMs(b.date.last) >= aStart;
}

export function sameEvent(a: Candidate, b: Candidate): boolean {
  return (
    a.eventType === b.eventType &&
    a.subEventType === b.subEventType &&
    sameTags(a, b) &&
    a.modality === b.modality &&
    a.background === b.background &&
    sameActors(a, b) &&
    samePlace(a, b) &&
    compatibleDates(a, b)
  );
}

function combine(keep: Candidate, other: Candidate): Candidate {
  const swapped = keep.actor1 !== other.actor1;
  const otherActor2 = swapped ? other.actor1 : other.actor2;
  const betterDate = other.date && (!keep.date || other.date.precision < keep.date.precision) ? other : keep;
  const betterPlace =
    other.location && (!keep.location || other.location.geoPrecision < keep.location.geoPrecision) ? other : keep;
  const deaths = [keep.fatalities, other.fatalities].filter((n): n is number => n !== null);
  const betterSource = keep.sourceFromText || !other.sourceFromText ? keep : other;
  return {
    ...keep,
    actor1: keep.actor1 ?? other.actor1,
    actor2: keep.actor2 ?? otherActor2,
    assocActor1: keep.assocActor1 ?? (swapped ? null : other.assocActor1),
    date: betterDate.date,
    dateStated: betterDate.dateStated,
    background: keep.background,
    location: betterPlace.location,
    fatalities: deaths.length ? Math.min(...deaths) : null,
    source: betterSource.source,
    sourceFromText: betterSource.sourceFromText,
    confidence: Math.max(keep.confidence, other.confidence),
  };
}

/** Merges duplicates; input in text order, output in text order. */
export function mergeEvents(events: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const e of events) {
    // Within a sentence: one event per type and pair of sides ("pushed IS out ... of an offensive").
    const twin = out.findIndex(
      (o) =>
        (o.sentenceIndex === e.sentenceIndex &&
          o.eventType === e.eventType &&
          sameTags(o, e) &&
          o.modality === e.modality &&
          o.background === e.background &&
          (o.actor1 === e.actor1 || sameActors(o, e))) ||
        (o.sentenceIndex !== e.sentenceIndex && sameEvent(o, e)),
    );
    if (twin < 0) out.push(e);
    else {
      const o = out[twin]!;
      // In one sentence the surer reading wins; across sentences the earliest sentence stays the evidence.
      out[twin] = o.sentenceIndex === e.sentenceIndex && e.confidence > o.confidence ? combine(e, o) : combine(o, e);
    }
  }
  return out;
}
