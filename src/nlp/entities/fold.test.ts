import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readSentences } from '../sentences/sentences.stage.js';
import { tokenTexts } from '../sentences/token-text.js';
import { FormCache, tokensFromLayer, type Form } from './fold.js';
import { AliasIndex } from './matcher.js';

const index = new AliasIndex<string>();
for (const alias of ['U.S.', 'al-Nusra Front', 'Free Syrian Army', 'IS', 'the government', 'Médecins Sans Frontières'])
  index.add(alias, alias);

const TEXTS = [
  'The U.S. envoy met al-Nusra Front and Free Syrian Army commanders in Idlib, officials said.',
  'Médecins Sans Frontières said IS fighters — about 200 — shelled the town; "the government" denied it.',
  'Lt. Col. Ahmed al-Hassan’s unit (2nd Brigade) retreated, U.N. monitors’ report of 12.5 km said.',
];

/** Flags of a key, for a FormCache's `flagsOf`: any function of the key will do. */
const flagsOf = (key: string): number => key.length * 2 + (key === 'the' ? 1 : 0);

/** Every sentence's tokens read directly and through a FormCache: the same tokens, plus the head and flags. */
function agree(body: string, forms: FormCache): void {
  const layer = readSentences(body);
  const known = tokenTexts(layer, body);
  const formOf: Form[] = [];
  for (const s of layer.sentences) {
    const plain = tokensFromLayer(body, layer.tokens, s.tokenStart, s.tokenEnd, known);
    const cached = tokensFromLayer(body, layer.tokens, s.tokenStart, s.tokenEnd, known, forms, formOf);
    assert.deepEqual(
      cached.map(({ head: _, flags: __, ...t }) => t),
      plain,
      'the same tokens',
    );
    for (const t of cached) assert.equal(t.head, index.first(t.key), `head of ${t.key}`);
    for (const t of cached) assert.equal(t.flags, flagsOf(t.key), `flags of ${t.key}`);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) assert.ok(formOf[i], `form of token ${i}`);
  }
}

describe('entities: token forms', () => {
  it('a FormCache gives the tokens tokensFromLayer gives, with the alias index entry of each key', () => {
    const forms = new FormCache((key) => index.first(key), flagsOf);
    for (const body of TEXTS) agree(body, forms);
    // Again from the cache: the same tokens.
    for (const body of TEXTS) agree(body, forms);
  });

  it('agrees on any text', () => {
    const forms = new FormCache((key) => index.first(key), flagsOf);
    const piece = fc.constantFrom(
      'U.S.',
      'al-Nusra',
      'Front',
      'IS',
      'is',
      'Médecins',
      '—',
      '-',
      "'s",
      '’s',
      'O’Brien',
      '12.5',
      '2nd',
      'Lt.',
      '(',
      ')',
      ',',
      '.',
      'the',
      'Government',
      'ÉTAT',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 25 }), fc.boolean(), (words, spaced) => {
        agree(words.join(spaced ? ' ' : '') + '.', forms);
      }),
      { numRuns: 300 },
    );
  });
});
