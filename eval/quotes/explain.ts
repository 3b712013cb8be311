/** `npx tsx eval/quotes/explain.ts "TEXT" ...`: tokens with POS, entities and quotes found, for debugging rules on invented sentences. */
import { createPlainReader } from '../../src/services/plain-reader.js';
const reader = createPlainReader('quotes');
for (const text of process.argv.slice(2)) {
  const doc = reader.read(text);
  console.log(doc.sentences!.tokens.map((t) => `${text.slice(t.start, t.end)}/${t.pos}`).join(' '));
  console.log('ents', doc.entities!.entities.map((e) => `${e.text}:${e.type}`).join('; '));
  for (const q of doc.quotes!.quotes)
    console.log(' ', q.kind, '|', q.speaker, '|', q.speakerMention?.text, '|', q.cue?.text, '|', q.text);
}
