/** Builds the sentences layer by hand and runs the finder, so tests need no other stage. */
import type { Entity, PlacesLayer } from '../../core/document.js';
import { readSentences } from '../sentences/sentences.stage.js';
import { createPlacesFinder, type PlacesFinder } from './places.stage.js';

let shared: PlacesFinder | null = null;

/** One finder for all tests: the gazetteer is loaded once. */
export function finder(): PlacesFinder {
  shared ??= createPlacesFinder();
  return shared;
}

/** `dateline.place` as the cleaner would give it ("ALEPPO, Syria"), when the test needs one. */
export function placesOf(body: string, entities: readonly Entity[] = [], dateline?: { place: string }): PlacesLayer {
  const line = dateline ? { start: 0, end: 0, text: '', place: dateline.place, agency: null } : undefined;
  return finder().find({ body, sentences: readSentences(body), entities, dateline: line });
}

/** "Shells hit [Aleppo]." -> the text without brackets and the bracketed span. */
export function marked(example: string): { body: string; start: number; end: number } {
  const start = example.indexOf('[');
  const end = example.indexOf(']') - 1;
  return { body: example.replace('[', '').replace(']', ''), start, end };
}

/** Great-circle distance in km. */
export function km(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

export function entity(body: string, text: string, type: Entity['type']): Entity {
  const start = body.indexOf(text);
  return { start, end: start + text.length, text, type, canonical: text, actor: null, via: 'dictionary' };
}
