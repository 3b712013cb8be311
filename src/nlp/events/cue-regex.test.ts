// testAlt (cue-regex.ts) must test exactly as the plain word-bounded alternation it replaces, on the
// cue lists of data/events/cues.yaml and on made-up lists of the same pattern shapes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { dataPath } from '../../core/data-file.js';
import {
  alt,
  leadingLetters,
  lowerTestsExact,
  lowerVariant,
  slicesLowerExact,
  testAlt,
  testSpan,
  wordAlt,
} from './cue-regex.js';
import { endsWithOf, RELATIVE_BEFORE } from './attach.js';
import { deathWordTest, deathWordTestLc } from './fatalities.js';
import { loadLexicon } from './lexicon.js';

const cues = parse(readFileSync(dataPath('events', 'cues.yaml'), 'utf8')) as {
  modality: Record<string, string[]>;
  numbers: { cumulative: string[]; death_words: string[] };
  durative: string[];
  continuing: string[];
  reaction_verbs: string[];
  attribution_verbs: string[];
  aircraft: string[];
  past_markers: string[];
  partisans: string[];
  demonstration: string[];
  crowd_violence: string[];
  injured: string[];
  accidental: string[];
};

/** The lists compiled by testAlt, with their flags (the `Lc` versions are lower-cased, case-sensitive). */
const LISTS: Array<readonly [string, readonly string[], string]> = [
  ['hypothetical', cues.modality.hypothetical!, 'iu'],
  ['planned', cues.modality.planned!, 'iu'],
  ['negated', cues.modality.negated!, 'iu'],
  ['claimed', cues.modality.claimed!, 'iu'],
  ['denied', cues.modality.denied!, 'iu'],
  ['unverified', cues.modality.unverified!, 'iu'],
  ['deal nouns', cues.modality.deal_nouns!, 'iu'],
  ['cumulative', cues.numbers.cumulative, 'iu'],
  ['cumulativeLc', cues.numbers.cumulative.map((s) => s.toLowerCase()), 'u'],
  ['durativeLc', cues.durative.map((s) => s.toLowerCase()), 'u'],
  ['continuingLc', cues.continuing.map((s) => s.toLowerCase()), 'u'],
  ['reaction', cues.reaction_verbs, 'iu'],
  ['attributionVerbs', cues.attribution_verbs, 'iu'],
  ['aircraft', cues.aircraft, 'iu'],
  ['pastMarkers', cues.past_markers, 'iu'],
  ['partisans', cues.partisans, 'iu'],
  ['demonstration', cues.demonstration, 'iu'],
  ['crowdViolence', cues.crowd_violence, 'iu'],
  ['injured', cues.injured, 'iu'],
  ['accidental', cues.accidental, 'iu'],
];

/** Separators and look-alikes: word edges, other scripts, case folding (long s, Kelvin sign), surrogate pairs. */
const NOISE = [
  ' ',
  ' ',
  ' ',
  '  ',
  ',',
  '.',
  ';',
  '-',
  '_',
  '\n',
  '’',
  "'",
  '(',
  '"',
  '2011',
  '12',
  '0',
  'x',
  'é',
  'ſ',
  'K',
  'İ',
  '𝐀',
  '\u00a0',
];

/** The words and fragments a list's patterns are made of, as they are and upper-cased. */
function piecesOf(items: readonly string[]): string[] {
  const words = new Set<string>();
  for (const item of items) for (const w of item.match(/[a-z0-9']+/gi) ?? []) words.add(w);
  const list = [...words];
  return [...list, ...list.map((w) => w.toUpperCase()), ...list.map((w) => w[0]!.toUpperCase() + w.slice(1))];
}

function sameTests(items: readonly string[], flags: string, runs: number): void {
  const plain = new RegExp(wordAlt(items), flags);
  const fast = testAlt(items, flags);
  const pieces = piecesOf(items);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...NOISE)), { maxLength: 14 }),
      fc.array(fc.constantFrom(' ', '', ' ', ', '), { minLength: 14, maxLength: 14 }),
      (parts, gaps) => {
        const text = parts.map((p, i) => p + gaps[i]!).join('');
        assert.equal(fast.test(text), plain.test(text), `${JSON.stringify(text)}: ${fast.source}`);
      },
    ),
    { numRuns: runs },
  );
}

for (const [name, items, flags] of LISTS) {
  test(`testAlt: ${name} tests as the plain alternation`, () => {
    sameTests(items, flags, 1500);
  });
}

test('leadingLetters spreads leading groups, optional parts and top-level bars', () => {
  assert.deepEqual(leadingLetters('(has|had) (seen|met)'), [
    ['h', 'as (seen|met)'],
    ['h', 'ad (seen|met)'],
  ]);
  assert.deepEqual(leadingLetters('(a )?(record|history) of'), [
    ['a', ' (record|history) of'],
    ['r', 'ecord of'],
    ['h', 'istory of'],
  ]);
  assert.deepEqual(leadingLetters('so far|to date'), [
    ['s', 'o far'],
    ['t', 'o date'],
  ]);
  assert.deepEqual(leadingLetters("'ll|will"), [
    ["'", 'll'],
    ['w', 'ill'],
  ]);
  assert.equal(leadingLetters('.ll'), null);
  assert.equal(leadingLetters('(?=a)b'), null);
  assert.equal(leadingLetters('(ab)+c'), null);
  assert.equal(leadingLetters('a?b'), null);
});

test('testAlt keeps the plain alternation for patterns it cannot spread', () => {
  assert.equal(testAlt(['-ll', 'will'], 'iu').source, new RegExp(wordAlt(['-ll', 'will']), 'iu').source);
  assert.equal(testAlt(['(a)\\1'], 'u').source, new RegExp(wordAlt(['(a)\\1']), 'u').source);
});

/** Made-up patterns of the cue lists' shapes: words, optional and alternative groups, classes, gaps. */
const shape = fc.letrec((tie) => ({
  word: fc.constantFrom('a', 'an', 'the', 'so', 'far', 'war', 'has', 'had', 'since', 'x', 'ab', 'b'),
  atom: fc.oneof(
    { weight: 4, arbitrary: tie('word') as fc.Arbitrary<string> },
    fc.constantFrom('\\d+', '[\\w ]{1,5}?', '[^.;]{0,6}', '\\b', ' ', '\\s+'),
    fc
      .tuple(fc.array(tie('seq') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '?'))
      .map(([alts, q]) => `(${alts.join('|')})${q}`),
  ),
  seq: fc
    .array(tie('atom') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 })
    .map((atoms) => atoms.join(' ').replace(/ +/g, ' ')),
}));

test('testAlt tests as the plain alternation on made-up pattern lists', () => {
  fc.assert(
    fc.property(
      fc.array(shape.seq, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('u', 'iu'),
      fc.array(fc.constantFrom('a', 'an', 'the', 'so', 'far', 'war', 'has', 'had', 'since', 'x', 'ab', 'b', ...NOISE), {
        maxLength: 12,
      }),
      (items, flags, words) => {
        let plain: RegExp;
        try {
          plain = new RegExp(wordAlt(items), flags);
        } catch {
          return;
        }
        const fast = testAlt(items, flags);
        for (const text of [words.join(' '), words.join(''), words.join(', ')])
          assert.equal(fast.test(text), plain.test(text), `${JSON.stringify(items)} on ${JSON.stringify(text)}`);
      },
    ),
    { numRuns: 600 },
  );
});

test('the death-word test tests as the plain alternation of the death words, "toll" and "kill(s)"', () => {
  const words = cues.numbers.death_words;
  const plain = new RegExp(String.raw`${alt(words)}|toll|death|(?<![\p{L}])kills?(?![\p{L}])`, 'iu');
  const fast = deathWordTest(loadLexicon().cues);
  const pieces = [...piecesOf([...words, 'toll', 'death', 'kill', 'kills', 'skill', 'killer'])];
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...NOISE, 'K')), { maxLength: 10 }),
      fc.constantFrom(' ', '', ', '),
      (parts, gap) => {
        const text = parts.join(gap);
        assert.equal(fast.test(text), plain.test(text), JSON.stringify(text));
      },
    ),
    { numRuns: 3000 },
  );
});

test('endsWithOf is false only where RELATIVE_BEFORE cannot match (its guard in usablePlaces)', () => {
  const pieces = ['north', 'South', 'east', 'WEST', '-east', 'of', 'OF', 'Of', 'off', 'f', 'o', 'x', 'the'];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieces, ' ', '  ', '\n', '\u00a0', '\u2003', ',', 'é'), { maxLength: 12 }),
      (parts) => {
        const body = parts.join('');
        for (let end = 0; end <= body.length; end++)
          if (!endsWithOf(body, end))
            assert.equal(RELATIVE_BEFORE.test(body.slice(Math.max(0, end - 20), end)), false, JSON.stringify(body));
      },
    ),
    { numRuns: 3000 },
  );
});

test('lowerTestsExact: a lower-case pattern on the lower-cased text tests as the iu pattern on the text', () => {
  // Every code point alone, for the classes the cue patterns use.
  const classes = [
    String.raw`[\p{L}\p{N}]`,
    String.raw`\p{L}`,
    String.raw`\p{N}`,
    String.raw`\s`,
    String.raw`\d`,
    String.raw`\w`,
    '[^.;]',
    's',
    'k',
    'i',
    'x',
  ];
  const pairs = classes.map((c) => [new RegExp(`^${c}$`, 'iu'), new RegExp(`^${c}$`, 'u')] as const);
  for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x20000 ? 1 : 0x101) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const lc = ch.toLowerCase();
    if (!lowerTestsExact(ch, lc)) continue;
    for (const [iu, u] of pairs) assert.equal(u.test(lc), iu.test(ch), `U+${cp.toString(16)} ${iu.source}`);
  }
  // The cumulative cue (tested lower-cased in candidates.ts, as iu in the fatality matcher).
  const { cumulative, cumulativeLc } = loadLexicon().cues;
  const pieces = piecesOf(cues.numbers.cumulative);
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...NOISE, '\u0345', 'Σ')), { maxLength: 14 }),
      fc.array(fc.constantFrom(' ', '', ' ', ', '), { minLength: 14, maxLength: 14 }),
      (parts, gaps) => {
        const text = parts.map((p, i) => p + gaps[i]!).join('');
        const lc = text.toLowerCase();
        if (lowerTestsExact(text, lc)) assert.equal(cumulativeLc.test(lc), cumulative.test(text), JSON.stringify(text));
        else assert.ok(lc.length !== text.length || text.includes('\u017f') || text.includes('\u0345'));
      },
    ),
    { numRuns: 3000 },
  );
});

test('slicesLowerExact: where it holds, every slice of the lower-cased text is that slice lower-cased', () => {
  const table: [string, boolean][] = [
    ['Five soldiers were KILLED.', true],
    ['', true],
    ['İstanbul', false], // lower-cased to two code units
    ['ΟΔΟΣ closed', false], // a final sigma: the lower case of "Σ" depends on what follows it
    ['a \u{10400} b', false], // a surrogate pair: a slice could split it
  ];
  for (const [text, exact] of table)
    assert.equal(slicesLowerExact(text, text.toLowerCase()), exact, JSON.stringify(text));
  // Every code point of the basic plane, between letters and at a slice's edge.
  for (let cp = 0; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const text = `A${String.fromCharCode(cp)}B ${String.fromCharCode(cp)}`;
    const lc = text.toLowerCase();
    if (!slicesLowerExact(text, lc)) continue;
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++)
        assert.equal(lc.slice(i, j), text.slice(i, j).toLowerCase(), `U+${cp.toString(16)} [${i}, ${j})`);
  }
});

test('lowerTestsExact: the death-word test and the unverified cue, lower-cased, test as their iu patterns', () => {
  const lex = loadLexicon().cues;
  const pairs = [
    [
      deathWordTest(lex),
      deathWordTestLc(lex),
      [...cues.numbers.death_words, 'toll', 'death', 'kill', 'Kills', 'skill'],
    ],
    [lex.unverified, lex.unverifiedLc, cues.modality.unverified!],
  ] as const;
  for (const [iu, u, items] of pairs) {
    const pieces = [...piecesOf(items)].flatMap((p) => [p, p.toUpperCase()]);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...NOISE, '\u0345', 'Σ', 'İ', 'K')), {
          maxLength: 12,
        }),
        fc.array(fc.constantFrom(' ', '', ' ', ', '), { minLength: 12, maxLength: 12 }),
        (parts, gaps) => {
          const text = parts.map((p, i) => p + gaps[i]!).join('');
          const lc = text.toLowerCase();
          if (lowerTestsExact(text, lc))
            assert.equal(u.test(lc), iu.test(text), `${iu.source} on ${JSON.stringify(text)}`);
        },
      ),
      { numRuns: 3000 },
    );
  }
});

test('lowerVariant: only a case-blind unicode regex with no upper-case letter or case-reading property has one', () => {
  assert.equal(lowerVariant(/(?<![\p{L}])was\s+$/iu)?.flags, 'u', 'a lower-case iu pattern drops its i flag');
  assert.equal(lowerVariant(/(?<![\p{L}\p{N}])said/giu)?.flags, 'gu', 'the g flag is kept');
  assert.equal(lowerVariant(/Said/iu), null, 'an upper-case literal reads case');
  assert.equal(lowerVariant(/\S+ed/iu), null, 'an upper-case escape is no lower-case pattern');
  assert.equal(lowerVariant(/\p{Lu}\w+/iu), null, 'a case property reads case');
  assert.equal(lowerVariant(/said/u), null, 'a case-sensitive pattern is not case-blind');
  assert.equal(testSpan(/^as\s/iu, 'Bombs WAS fired', 'bombs was fired', 6, 12), false, 'the span, not the text');
  assert.equal(testSpan(/^was\s/iu, 'Bombs WAS fired', 'bombs was fired', 6, 12), true, 'the lower-cased span');
  assert.equal(testSpan(/^was\s/iu, 'Bombs WAS fired', null, 6, 12), true, 'the text as written without one');
});

test('lowerVariant: the modality and filter cues, lower-cased, test as their iu patterns', () => {
  const lex = loadLexicon().cues;
  const lists = [
    [lex.hypothetical, cues.modality.hypothetical!],
    [lex.planned, cues.modality.planned!],
    [lex.claimed, cues.modality.claimed!],
    [lex.denied, cues.modality.denied!],
    [lex.injured, cues.injured],
    [lex.partisans, cues.partisans],
    [lex.pastMarkers, cues.past_markers],
  ] as const;
  for (const [iu, items] of lists) {
    const u = lowerVariant(iu);
    assert.ok(u, `${iu.source.slice(0, 40)} has a lower-case variant`);
    const pieces = [...piecesOf(items)].flatMap((p) => [p, p.toUpperCase()]);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...NOISE, 'İ', 'K')), { maxLength: 10 }),
        fc.array(fc.constantFrom(' ', '', ' ', ', '), { minLength: 10, maxLength: 10 }),
        (parts, gaps) => {
          const text = parts.map((p, i) => p + gaps[i]!).join('');
          const lc = text.toLowerCase();
          if (lowerTestsExact(text, lc))
            assert.equal(u.test(lc), iu.test(text), `${iu.source.slice(0, 40)} on ${JSON.stringify(text)}`);
        },
      ),
      { numRuns: 1000 },
    );
  }
});
