// The union of the three clause cues (clause-facts.ts) must test as their three tests together.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { anyClauseCue, factsOf } from './clause-facts.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();
const { durativeLc, continuingLc, cumulativeLc } = lex.cues;

/** Words of the three cue regexes' sources and separators: texts near and inside the cues. */
const pieces = [
  ...new Set([durativeLc, continuingLc, cumulativeLc].flatMap((re) => re.source.match(/[a-z]{2,}/g) ?? [])),
  'so far',
  'since 2011',
  'for two years',
  'every day',
  'continued to',
];
const noise = [' ', ', ', '.', '-', 'x', '2014', 'é', '\n'];

test('anyClauseCue joins the three clause cues', () => {
  assert.ok(anyClauseCue(lex.cues) !== null);
});

test('anyClauseCue tests as durative, continuing or cumulative', () => {
  const any = anyClauseCue(lex.cues)!;
  assert.equal(any, lex.cues.clauseCuesLc, 'the three lists as one testAlt');
  // Without it (an item with a back-reference): the three sources joined.
  const joined = anyClauseCue({ ...lex.cues, clauseCuesLc: null })!;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces, ...noise), { maxLength: 12 }), (parts) => {
      const text = parts.join(' ');
      const three = durativeLc.test(text) || continuingLc.test(text) || cumulativeLc.test(text);
      assert.equal(any.test(text), three, JSON.stringify(text));
      assert.equal(joined.test(text), three, `joined: ${JSON.stringify(text)}`);
    }),
    { numRuns: 3000 },
  );
});

test('factsOf reads each cue of a clause', () => {
  const text = 'the war has raged for two years and rebels continued to attack the town so far';
  const facts = factsOf(new Map(), { start: 0, end: text.length }, text, lex);
  assert.deepEqual([facts.durative, facts.continuing, facts.cumulative], [true, true, true]);
  const plain = 'rebels attacked the town on tuesday';
  const none = factsOf(new Map(), { start: 0, end: plain.length }, plain, lex);
  assert.deepEqual([none.durative, none.continuing, none.cumulative], [false, false, false]);
});
