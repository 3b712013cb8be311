/** Builds quote-stage inputs by hand for tests: a body, its sentences and an entity layer. */
import type { Entity, EntityType } from '../../core/document.js';
import { readSentences } from '../sentences/sentences.stage.js';

export type EntitySpec = readonly [text: string, type: EntityType, canonical: string];

/** Marks every occurrence of each entity text (longest first, no overlaps) as an entity. */
export function entitiesFor(body: string, specs: readonly EntitySpec[]): Entity[] {
  const out: Entity[] = [];
  const sorted = [...specs].sort((a, b) => b[0].length - a[0].length);
  for (const [text, type, canonical] of sorted) {
    const re = new RegExp(`\\b${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
    for (const m of body.matchAll(re)) {
      const start = m.index;
      const end = start + text.length;
      if (out.some((e) => e.start < end && start < e.end)) continue;
      out.push({ start, end, text, type, canonical, actor: null, via: 'dictionary' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function docParts(paragraphs: readonly string[], specs: readonly EntitySpec[]) {
  const body = paragraphs.join('\n\n');
  return { body, sentences: readSentences(body), entities: entitiesFor(body, specs) };
}
