import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SentencesLayer } from '../../core/document.js';
import { createReadingPipeline } from '../analyze.js';
import { clausesOf, wordsAsIn } from './clauses.js';

// Invented text: cuts at ";", ", which", "but" and "and" before a new subject, capitals and a dash.
const RAW =
  'Gunmen Attacked a Checkpoint near the river; Police said, Which surprised nobody, that two died. ' +
  'Troops shelled the village But the militants withdrew — And the army Entered the town, and residents fled.';

test('clauses read from the token texts are the clauses read by slicing the body', () => {
  const doc = createReadingPipeline().run({ raw: RAW, mediaType: 'text/plain' }, { until: 'sentences' });
  const body = doc.clean!.body;
  const layer = doc.sentences!;
  // A copy of the layer carries no remembered texts: its texts are sliced from the body.
  const copy = JSON.parse(JSON.stringify(layer)) as SentencesLayer;
  const lower = body.toLowerCase();
  let cuts = 0;
  for (const s of layer.sentences) {
    const sliced = clausesOf(lower, s, layer.tokens);
    cuts += sliced.length - 1;
    assert.deepEqual(clausesOf(lower, s, layer.tokens, wordsAsIn(lower, body, layer)), sliced);
    assert.deepEqual(clausesOf(lower, s, copy.tokens, wordsAsIn(lower, body, copy)), sliced);
    assert.deepEqual(clausesOf(body, s, layer.tokens, wordsAsIn(body, body, layer)), clausesOf(body, s, layer.tokens));
  }
  assert.ok(cuts >= 3, `the text has clauses to cut (${cuts})`);
});
