// memoTolls (events.stage.ts) must answer every count as the fatality matcher does, whatever the order
// of the calls and their notCumulative flags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { memoTolls } from './events.stage.js';
import { createFatalityMatcher } from './fatalities.js';
import { loadLexicon } from './lexicon.js';

const PIECES = [
  'two',
  '12',
  'a',
  'at least',
  'soldiers',
  'civilians',
  'a policeman',
  'were',
  'was',
  'killed',
  'died',
  'dead',
  'killing',
  'wounded',
  'and',
  ',',
  'since 2011',
  'so far',
  'the war has killed',
  'death toll of',
  'in the attack',
  'Rebels',
];

test('memoTolls counts as the matcher it keeps, in any order of texts and flags', () => {
  const deaths = createFatalityMatcher(loadLexicon().cues);
  const texts = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(
      fc.array(texts, { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (pool, picks) => {
        const memo = memoTolls(deaths);
        for (const [i, pick] of picks.entries()) {
          const text = pool[pick % pool.length]!;
          const flag = (pick + i) % 2 === 0;
          assert.equal(memo.count(text, flag), deaths.count(text, flag), `${JSON.stringify(text)} ${flag}`);
          assert.equal(memo.cumulative(text), deaths.cumulative(text));
        }
      },
    ),
    { numRuns: 800 },
  );
});

test('the matcher given the text lower-cased (a slice of the lower-cased body) counts as without it', () => {
  const deaths = createFatalityMatcher(loadLexicon().cues);
  const texts = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(texts, fc.boolean(), (text, flag) => {
      const lower = text.toLowerCase();
      assert.equal(deaths.count(text, flag, lower), deaths.count(text, flag), JSON.stringify(text));
      assert.equal(memoTolls(deaths).count(text, flag, lower), deaths.count(text, flag), JSON.stringify(text));
    }),
    { numRuns: 500 },
  );
});
