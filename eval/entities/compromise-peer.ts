/** compromise (a widely used JavaScript NLP library) as the entities peer: people, organisations, places. */
import nlp from 'compromise';
import type { LabelledSpan } from '../../src/services/tag.service.js';

interface Match {
  readonly offset?: { start: number; length: number };
}

export function compromiseSpans(text: string): LabelledSpan[] {
  const doc = nlp(text);
  const spans: LabelledSpan[] = [];
  const add = (matches: Match[], label: LabelledSpan['label']) => {
    for (const m of matches) {
      if (!m.offset) continue;
      const start = m.offset.start;
      let end = start + m.offset.length;
      // compromise's offsets take in trailing punctuation ("Geneva."); a final period stays after a capital ("U.S.").
      while (
        end > start &&
        (/[\s,;:!?)"'\u2019\u201d]/.test(text[end - 1]!) ||
          (text[end - 1] === '.' && !/[A-Z]/.test(text[end - 2] ?? '')))
      )
        end--;
      if (end > start) spans.push({ start, end, label });
    }
  };
  add(doc.people().json({ offset: true }) as Match[], 'PER');
  add(doc.organizations().json({ offset: true }) as Match[], 'ORG');
  add(doc.places().json({ offset: true }) as Match[], 'LOC');
  return spans;
}
