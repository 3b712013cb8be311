/**
 * Regexes of the places stage rewritten end-first (`X$` as `$(?<=X)`) must match exactly the strings
 * the original patterns match; checked on random strings made of their words and of what surrounds them.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { CAPITALISED_BEFORE, LOCATIVE_RE } from './cues.js';

const ORIGINAL = {
  LOCATIVE_RE:
    /\b(?:in|near|at|outside|into|from|to|towards?|around|across|entered|reached|(?:city|town|village|port|province|state|district|sector|area|parts|streets|outskirts|suburbs|residents|inhabitants|people|citizens|villagers|locals|natives)\s+of)\s+(?:the\s+)?$|\b(?:district|village|town|city|area|upazila|tehsil|subdivision|county|cent(?:er|re)|headquarters)\s*,\s*$|\bheadquarters\s+$/i,
  CAPITALISED_BEFORE: /(?<!^|[.!?]\s*)\b(?!(?:The|In|At|Near|Outside|From|Of)\b)\p{Lu}[\p{L}'’-]*\s+$/u,
};

const WORDS = [
  ...['in', 'near', 'at', 'outside', 'into', 'from', 'to', 'toward', 'towards', 'around', 'across', 'entered'],
  ...['reached', 'city', 'town', 'village', 'port', 'province', 'district', 'area', 'of', 'the', 'upazila'],
  ...['center', 'centre', 'headquarters', 'centers', 'state', 'sector', 'parts', 'streets', 'outskirts', 'suburbs'],
  ...['residents', 'inhabitants', 'people', 'citizens', 'villagers', 'locals', 'natives', 'residentsof'],
  ...['tehsil', 'subdivision', 'county', 'The', 'In', 'At', 'Near', 'Outside', 'From', 'Of', 'Aleppo', 'Énna'],
  ...["O'Neil", 'Al-Bab', 'Ra’i', 'x', 'IN', 'Theo', 'Inn', 'Ofa', 'Ab', 'ſ', 'K', 'İ', 'é', 'İn', '1', '_'],
];
const GLUE = [' ', '  ', '', '\n', '\t', '\u00a0', '\u2009', ',', ' ,', ', ', '.', '. ', '!', '? ', '-', "'", '’', '"'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { maxLength: 12 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

for (const [name, rewritten] of Object.entries({ LOCATIVE_RE, CAPITALISED_BEFORE })) {
  it(`${name}: the end-first pattern matches what the original matches`, () => {
    const original = ORIGINAL[name as keyof typeof ORIGINAL];
    let matched = 0;
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 30 })), (s) => {
        const yes = original.test(s);
        if (yes) matched++;
        assert.equal(rewritten.test(s), yes, JSON.stringify(s));
      }),
      { numRuns: 20_000 },
    );
    // The strings must exercise both answers.
    assert.ok(matched > 200, `${name}: only ${matched} matches`);
  });
}
