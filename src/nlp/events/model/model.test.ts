// The event type model: features, training on a toy set, and the limits on what it may change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_TYPE_NAMES } from '../../../core/taxonomy.js';
import { findCandidates, type Found } from '../candidates.js';
import { createFatalityMatcher } from '../fatalities.js';
import { loadLexicon } from '../lexicon.js';
import { buildTriggerIndex } from '../scan.js';
import { buildDoc } from '../testing.js';
import { WORLD } from '../world.fixture.js';
import { applyTypeModel, weakTrigger } from './apply.js';
import { decodeModel, encodeModel, probabilities, trainModel, type TypeModel } from './classifier.js';
import { F, sentenceFeatures, stem } from './features.js';
import { mix } from '../../entities/model/features.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);
const index = buildTriggerIndex(lexicon.rules);
const found = (text: string): Found => findCandidates(buildDoc(text, WORLD), lexicon, deaths, index)!;

for (const [word, expected] of [
  ['protesters', 'protester'],
  ['clashed', 'clash'],
  ['burning', 'burn'],
  ['clashes', 'clash'],
  ['police', 'police'],
  ['press', 'press'],
] as const) {
  test(`stem: ${word} -> ${expected}`, () => assert.equal(stem(word), expected));
}

test('features: content words only, so a name or a number changes nothing', () => {
  const ids = (text: string) => {
    const f = found(text);
    const s = f.sentences[0]!;
    return [...sentenceFeatures({ lower: f.lower, tokens: f.tokens, ...s, hits: [], candidates: [], actors: [] })];
  };
  assert.deepEqual(ids('Rebels shelled Jarablus on Monday.'), ids('Rebels shelled Kalinagar on Monday.'));
  assert.notDeepEqual(ids('Rebels shelled Jarablus on Monday.'), ids('Rebels bombed Jarablus on Monday.'));
});

/** A model whose only weight is on the bias: it always says `type` with probability ~1. */
function always(type: string): TypeModel {
  const classes = EVENT_TYPE_NAMES;
  const bits = 8;
  const weights = new Float32Array((1 << bits) * classes.length);
  weights[(mix(F.bias, 0) & ((1 << bits) - 1)) * classes.length + classes.indexOf(type as never)] = 50;
  return { bits, classes, weights, scale: 1, meta: { policy: { retype: 0.6, weight: 1, weakOnly: true } } };
}

test('training: a toy set of two separable classes is learnt, and survives the weights file', () => {
  const classes = ['Battles', 'Protests'];
  const rows = Array.from({ length: 40 }, (_, i) => ({
    ids: Uint32Array.from([mix(F.bias, 0), mix(F.word, i % 2 ? 11 : 22), mix(F.word, 1000 + i)]),
    label: i % 2,
  }));
  const model = decodeModel(
    encodeModel(trainModel(rows, classes, { bits: 10, epochs: 5, seed: 1, rate: 0.1, l2: 0 }), {}),
  );
  assert.ok(probabilities(model, Uint32Array.from([mix(F.bias, 0), mix(F.word, 11)]))[1]! > 0.9);
  assert.ok(probabilities(model, Uint32Array.from([mix(F.bias, 0), mix(F.word, 22)]))[0]! > 0.9);
});

test('weak triggers: generic words and outcomes are, air strikes and blasts are not', () => {
  const f = found('Warplanes struck Aleppo. Rebels attacked Jarablus. A blast hit Homs.');
  const weak = Object.fromEntries([...f.bySentence.values()].flat().map((h) => [h.rule.id, weakTrigger(h)]));
  assert.equal(weak['air-strike'], false);
  assert.equal(weak['attack'], true);
  assert.equal(weak['explosion'], false);
});

type Row = [text: string, model: string, type: string, actor1?: string];
const rows: Row[] = [
  // a weak trigger, and the new type is another kind of violence: re-typed, with the generic actor
  ['Unknown gunmen attacked a bus in Jarablus, injuring five people.', 'Riots', 'Riots', 'Rioters (Syria)'],
  // a type with no trigger of its own in the sentence: kept
  ['Unknown gunmen attacked a bus in Jarablus, injuring five people.', 'Protests', 'Violence against civilians'],
  // a trigger that fixes the type: never re-typed
  ['Russian warplanes struck Jarablus on Monday.', 'Riots', 'Explosions/Remote violence'],
  ['Police arrested four men in Jarablus.', 'Protests', 'Strategic developments'],
];
for (const [text, type, expected, actor1] of rows) {
  test(`model says ${type}: "${text}" stays or becomes ${expected}`, () => {
    const f = found(text);
    applyTypeModel(f, always(type), lexicon);
    const c = f.candidates.find((x) => x.modality === 'asserted')!;
    assert.equal(c.eventType, expected);
    if (actor1) assert.equal(c.actor1, actor1);
  });
}

test('re-weighing: in one sentence, the candidate of the type the model likes keeps its confidence', () => {
  const text = 'Police fired tear gas at protesters and arrested ten of them in Jarablus.';
  const before = found(text).candidates.map((c) => [c.eventType, c.confidence] as const);
  const f = found(text);
  applyTypeModel(f, always('Strategic developments'), lexicon);
  const after = new Map(f.candidates.map((c) => [c.eventType, c.confidence]));
  for (const [type, confidence] of before) {
    if (type === 'Strategic developments') assert.equal(after.get(type), confidence);
    else assert.ok(after.get(type)! < confidence);
  }
});
