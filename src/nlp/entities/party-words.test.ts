// Party words ("Maoists"): each country's own party or group, chosen by the report's country (invented notes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../core/document.js';
import { entityCountry, loadCountryData } from './entity-country.js';
import { isPartyWord, loadPartyWords, localParties } from './party-words.js';

const words = loadPartyWords();
const countries = loadCountryData();
const INDIA_MAOISTS = 'CPI (Maoist): Communist Party of India (Maoist)';

/** The entity the entities stage gives a mention of CPI (Maoist) (its default for the bare word). */
const mention = (text: string): Entity => ({
  start: 0,
  end: text.length,
  text,
  type: 'group',
  canonical: 'CPI (Maoist)',
  actor: { name: INDIA_MAOISTS, side: null, country: 'IN', generic: false },
  via: 'dictionary',
});

test('party words: the bare word is one, the group`s own name is not', () => {
  for (const [text, expected] of [
    ['Maoists', true],
    ['maoists', true],
    ['Maoist  rebels', true],
    ['CPI (Maoist)', false],
    ['Naxals', false],
  ] as const)
    assert.equal(isPartyWord(mention(text), words), expected, `${text}: party word ${expected}`);
});

test("party words: each country's own party, the default where the country is India or unknown", () => {
  const table: [country: string | null, text: string, canonical: string, actor: string | null][] = [
    ['IN', 'Maoists', 'CPI (Maoist)', INDIA_MAOISTS],
    [null, 'Maoists', 'CPI (Maoist)', INDIA_MAOISTS],
    // Nepal's Maoists are a party: its supporters are the crowd of a protest, no armed actor.
    ['NP', 'Maoists', 'CPN (Maoist Centre)', null],
    ['NP', 'armed Maoists', 'CPN (Maoist Centre)', null],
    // The group's own name is India's whatever the report's country.
    ['NP', 'CPI (Maoist)', 'CPI (Maoist)', INDIA_MAOISTS],
    // A country with no party of the word keeps the default.
    ['BD', 'Maoists', 'CPI (Maoist)', INDIA_MAOISTS],
  ];
  for (const [country, text, canonical, actor] of table) {
    const [e] = localParties([mention(text)], country, words);
    assert.equal(e!.canonical, canonical, `${text} in ${country ?? 'no country'}: canonical`);
    assert.equal(e!.actor?.name ?? null, actor, `${text} in ${country ?? 'no country'}: actor`);
  }
});

test('a party word is no cue of the country; the group`s own name is', () => {
  assert.equal(entityCountry(mention('Maoists'), countries), null, 'bare "Maoists" names no country');
  assert.equal(entityCountry(mention('CPI (Maoist)'), countries), 'IN', 'the full name is India`s');
  const same = [mention('CPI (Maoist)')];
  assert.equal(localParties(same, 'IN', words), same, 'nothing to change: the same array');
});
