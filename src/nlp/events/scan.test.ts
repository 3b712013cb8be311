// The trigger scan tries a rule's regex at a first word only where the text after the word can go on
// as the pattern does (followOf, mayFollow): it must find every hit the regexes tried everywhere find.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readSentences } from '../sentences/sentences.stage.js';
import { loadLexicon } from './lexicon.js';
import { buildTriggerIndex, findHits, followOf, mayFollow, type TriggerIndex } from './scan.js';

const lexicon = loadLexicon();
const index = buildTriggerIndex(lexicon.rules);
/** The same index with every regex tried at its first words, as before followOf. */
const always: TriggerIndex = {
  ...index,
  byHash: new Map(
    [...index.byHash].map(([h, list]) => [h, list.map((b) => ({ ...b, follows: b.follows.map(() => null) }))]),
  ),
};

const hitsOf = (text: string, idx: TriggerIndex) =>
  findHits(text.toLowerCase(), readSentences(text).tokens, idx).map((h) => `${h.rule.id}@${h.start}-${h.end}`);

test('followOf reads what may follow a first word', () => {
  const re = (s: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:(?:${s}))(?![\p{L}\p{N}])`, 'uy');
  const table: [string, string, ReturnType<typeof followOf>][] = [
    [String.raw`human\s+chains?`, 'human', { end: false, chars: '', space: true, next: 'c' }],
    [String.raw`human-chains?`, 'human', { end: false, chars: '-', space: false, next: '' }],
    [String.raw`air\s*strikes?`, 'air', { end: false, chars: 's', space: true, next: 's' }],
    [String.raw`(?:clash|clashes)(\s+with)?`, 'clash', { end: true, chars: 'e', space: true, next: 'w' }],
    // Gaps, look-arounds and classes with escapes are not listed: the regex is always tried.
    [String.raw`convoys?(?:\s+[^\s;.!?]+){0,4}?\s+attacked`, 'convoy', null],
    [String.raw`fire(?!\s+brigade)`, 'fire', null],
    [String.raw`hold\s+[\w-]+`, 'hold', null],
  ];
  for (const [src, word, want] of table) assert.deepEqual(followOf(re(src), word), want, src);
});

test('mayFollow: the characters after the word, white space of any kind, the next word', () => {
  const f = { end: false, chars: '-', space: true, next: 'c' };
  const table: [string, number, boolean][] = [
    ['human chain', 5, true],
    ['human \t\u00a0 chain', 5, true],
    ['human-chain', 5, true],
    ['human rights', 5, false],
    ['human', 5, false],
    ['human  ', 5, false],
    ['human.', 5, false],
  ];
  for (const [text, k, want] of table) assert.equal(mayFollow(f, text, k), want, JSON.stringify(text));
  assert.equal(mayFollow(null, 'human rights', 5), true, 'no Follow: always tried');
  assert.equal(mayFollow({ ...f, end: true }, 'human rights', 5), true, 'a pattern that may end with the word');
});

test('every rule finds on its own example, and on mixed examples, what the regexes tried everywhere find', () => {
  for (const rule of lexicon.rules)
    assert.deepEqual(hitsOf(rule.example, index), hitsOf(rule.example, always), `${rule.id}: ${rule.example}`);
  // Examples cut into words and joined again in any order and with any white space.
  const words = [...new Set(lexicon.rules.flatMap((r) => r.example.split(/\s+/)))];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }),
      fc.array(fc.constantFrom(' ', ' ', ' ', '  ', '\n', ', ', '-', '\u00a0'), { minLength: 30, maxLength: 30 }),
      (parts, gaps) => {
        const text = parts.map((p, i) => p + gaps[i]!).join('');
        assert.deepEqual(hitsOf(text, index), hitsOf(text, always), JSON.stringify(text));
      },
    ),
    { numRuns: 1500 },
  );
});
