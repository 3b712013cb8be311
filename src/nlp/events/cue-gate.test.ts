// The cue gate (cue-gate.ts, cue-anchors.ts) may skip a cue test only where the test would fail: each
// gated regex of the lexicon is checked against its gate on stretches of made-up texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { itemAnchors } from './cue-anchors.js';
import { lowerTestsExact } from './cue-regex.js';
import { cueGate, gateIndex, mayMatch } from './cue-gate.js';
import { loadLexicon } from './lexicon.js';

const ANCHORS: Array<readonly [string, readonly string[] | null]> = [
  ['would', ['would']],
  ['calls? for', ['calls', 'call']],
  ['to (avoid|prevent)', ['avoid', 'prevent']],
  ['(a |the )?(series|string) of', ['series', 'string']],
  ['for (about )?(a|two|\\d+) (years?|months?)', ['years', 'year', 'months', 'month']],
  ['daily(?!\\s+(wages?|workers?))', ['daily']],
  ['hospitali[sz]ed', ['hospitalised', 'hospitalized']],
  ['short[- ]circuit', ['circuit']],
  ["didn't", ['didn']],
  ["'ll", ['ll']],
  ['(war|fighting)[^.;]{0,30}\\b(has|had) (killed|claimed)', ['killed', 'claimed']],
  ['so far|in total', ['far', 'total']],
  // No stretch of these is always one whole word: not gated.
  ['\\d{3,}', null],
  ['passers-?by', null],
  ['[\\p{L}]+s', null],
  ['grow\\w*', null],
  ['\\u0041bc', null],
];

test('anchor words of cue items', () => {
  for (const [item, expected] of ANCHORS) {
    const got = itemAnchors(item);
    assert.deepEqual(got && [...got].sort(), expected && [...expected].sort(), item);
  }
});

const lex = loadLexicon();
const gated = [...lex.cues.gate.needs.keys()];

test('the lexicon gates its dear cue lists', () => {
  for (const [name, re] of [
    ['hypothetical', lex.cues.hypothetical],
    ['unverifiedLc', lex.cues.unverifiedLc],
    ['clauseCuesLc', lex.cues.clauseCuesLc],
    ['deal', lex.cues.deal],
  ] as const)
    assert.ok(re && lex.cues.gate.needs.has(re), name);
  // The deal needs a noun and a verb: two anchor sets.
  assert.equal(lex.cues.gate.needs.get(lex.cues.deal)?.length, 2, 'deal');
});

/** Invented phrases that hold cue words, and noise around them. */
const PHRASES = [
  'the rebels would attack',
  'in order to prevent clashes',
  'a series of bombings',
  'for two years',
  'Police did not confirm the toll',
  'an unconfirmed report',
  'the deal would oblige them',
  'a ceasefire which requires both sides',
  'they plan to march',
  'militants vowed to strike',
  'the army denied shelling',
  'officials claimed the attack',
  'the war has killed thousands',
  'so far this year',
  'continued to fire',
  'were injured',
  'a gas cylinder exploded',
  'backed by jets',
  'blamed on the group',
  'clashes erupted',
  'came under fire',
  "they'll attack",
  "didn't fire",
  'short-circuit',
  'hospitalized',
  'repeatedly shelled',
];
const NOISE = [' ', '  ', ', ', '-', "'", '’', 'é', 'x', '9', '. ', '\u00a0', 'ſ', 'Would', 'SERIES', 'K', '\u212a'];

test('a gated cue test fails wherever the gate skips it', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PHRASES, ...NOISE), { minLength: 1, maxLength: 8 }),
      fc.nat(),
      fc.nat(),
      (parts, a, b) => {
        const body = parts.join('');
        const lowered = body.toLowerCase();
        const gate = cueGate(lowerTestsExact(body, lowered) ? lowered : null, lex.cues.gate);
        const start = a % (body.length + 1);
        const end = start + (b % (body.length - start + 1));
        for (const re of gated) {
          re.lastIndex = 0;
          const hit = re.test(body.slice(start, end));
          re.lastIndex = 0;
          if (hit) assert.ok(mayMatch(gate, re, start, end), `${re.source.slice(0, 40)} on ${JSON.stringify(body)}`);
        }
      },
    ),
    { numRuns: 3000 },
  );
});

test('a gate skips a stretch without the anchor words and tests one with them', () => {
  const index = gateIndex([[/(?<![\p{L}\p{N}])(?:years?)(?![\p{L}\p{N}])/u, [['years?']]]]);
  const re = [...index.needs.keys()][0]!;
  const text = 'two years of war, then calm';
  const gate = cueGate(text, index);
  const cases: Array<readonly [number, number, boolean, string]> = [
    [0, 9, true, 'the stretch holds "years"'],
    [10, text.length, false, 'no anchor after it'],
    [5, 9, true, 'a stretch that cuts a run is tested'],
    [4, 8, true, 'a stretch that cuts a run at its end is tested'],
  ];
  for (const [s, e, expected, name] of cases) assert.equal(mayMatch(gate, re, s, e), expected, name);
  assert.equal(mayMatch(cueGate(null, index), re, 10, text.length), true, 'nothing gated without the lower-cased body');
});
