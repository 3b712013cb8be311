/** Names spelled another way than the gazetteer's (joined or apart, the Persian "-e", vowels). Invented sentences. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spellingKey } from './gazetteer.js';
import { placesOf } from './test-helpers.js';

describe('places: spelling keys', () => {
  for (const [a, b, same] of [
    ['dawlat abad', 'dowlatabad', true],
    ['kushki kuhna', 'koshk e kohneh', true],
    ['nahr e shahi', 'nahri shahi', true],
    ['mirpurkhas', 'mirpur khas', true],
    ['sholgara', 'shalgar', true],
    ['kandahar', 'kunduz', false],
    ['herat', 'hirat', true],
  ] as const)
    it(`${a} / ${b}`, () => assert.equal(spellingKey(a) === spellingKey(b), same));
});

// [sentence, text of the name, reported name, country, admin1]
const TABLE: [string, string, string, string, string][] = [
  [
    'Gunmen stormed a checkpoint in Dawlat Abad district, Balkh, on Monday.',
    'Dawlat Abad',
    'Dawlatabad',
    'AF',
    'Balkh',
  ],
  ['Police arrested two men in Mirpurkhas, Pakistan, on Friday.', 'Mirpurkhas', 'Mirpur Khas', 'PK', 'Sindh'],
  ['Rockets hit a post in Kushki Kuhna district of Herat province.', 'Kushki Kuhna', 'Koshk-e Kohneh', 'AF', 'Herat'],
];

describe("places: another spelling of a place of the report's countries", () => {
  for (const [body, text, name, country, admin1] of TABLE)
    it(body, () => {
      const found = placesOf(body).places.find((p) => p.text === text);
      assert.ok(found, `no ${text} in ${JSON.stringify(placesOf(body).places.map((p) => p.text))}`);
      assert.equal(found.name, name);
      assert.equal(found.country, country);
      assert.equal(found.admin1, admin1);
    });

  it('not inside another province the sentence names', () => {
    // Shalgar is a district of Ghazni; the sentence puts the name in Balkh.
    const body = 'Fighting went on in Sholgara district, Balkh, on Sunday.';
    assert.ok(!placesOf(body).places.some((p) => p.text === 'Sholgara'));
  });

  it('in a report that names no country: a town of 10,000+ spelled so nowhere else, which then tells the country', () => {
    const body = 'Shopkeepers protested in Mirpurkhas against the new tax on Monday.';
    const found = placesOf(body).places.find((p) => p.text === 'Mirpurkhas');
    assert.equal(found?.name, 'Mirpur Khas', JSON.stringify(placesOf(body).places));
    assert.equal(found?.country, 'PK', 'the town of Sindh');
  });

  it('not when the name is no place after a locative cue', () => {
    const body = 'Members of the Dawlat Abad Youth Council met in Balkh, Afghanistan.';
    assert.ok(!placesOf(body).places.some((p) => p.text.startsWith('Dawlat')));
  });
});

describe('places: a part of another place is no town abroad', () => {
  it('"the X area of Y district": a village of Y', () => {
    const body = 'A bomb hit a police car in the Bazar area of Nad Ali district, Helmand, Afghanistan.';
    const bazar = placesOf(body).places.find((p) => p.text === 'Bazar');
    assert.ok(!bazar || bazar.country === 'AF', JSON.stringify(bazar));
  });

  it('"X district, Y": Y is the province, not its capital town', () => {
    const body = 'Gunmen shot a teacher in Gelan district, Ghazni, on Sunday.';
    const ghazni = placesOf(body).places.find((p) => p.text === 'Ghazni');
    assert.equal(ghazni?.kind, 'admin1');
    assert.equal(ghazni?.geoPrecision, 3);
  });
});
