import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearSpelling } from './areas.js';
import { placesOf } from './test-helpers.js';

describe('places: spellings one letter apart', () => {
  for (const [a, b, near] of [
    ['nimruz', 'nimroz', true],
    ['heart', 'herat', true],
    ['khost', 'khowst', true],
    ['paktya', 'paktia', true],
    ['kunar', 'kunar', true],
    ['kunar', 'kandahar', false],
    ['ghor', 'ghazni', false],
  ] as const)
    it(`${a} / ${b}`, () => assert.equal(nearSpelling(a, b), near));
});

// Invented sentences. [sentence, name found, its country, its admin1, geoPrecision]
const TABLE: [string, string, string, string | null, 1 | 2 | 3][] = [
  // The province named after the district picks the district among same-named seats (Balkh, Faryab, Iran).
  ['Gunmen ambushed a police post in Dowlatabad district, Faryab, on Monday.', 'Dowlatabad', 'AF', 'Faryab', 2],
  ['Gunmen ambushed a police post in Dowlatabad district, Balkh, on Monday.', 'Dowlatabad', 'AF', 'Balkh', 2],
  // Iran's provincial capital loses to the Afghan district seat inside the province the text names.
  ['A roadside bomb hit a patrol in Mashhad district of Badakhshan province.', 'Mashhad', 'AF', 'Badakhshan', 2],
  ['A roadside bomb hit a patrol in Asmar (Kunar) on Sunday.', 'Asmar', 'AF', 'Kunar', 1],
  // The Persian ezafe joins the name ("Pul-e Khumri", not Iran's "Pul").
  ['Two soldiers were killed in Pul-e Khumri on Friday.', 'Pul-e Khumri', 'AF', 'Baghlan', 1],
  // A provincial seat whose name is not its province's (GeoNames PPLA), in a note naming no country.
  ['Dozens of people were detained in different parts of Quetta on Friday.', 'Quetta', 'PK', 'Balochistan', 1],
  // A capitalised preposition opening the sentence does not make the name part of a longer one.
  ['In Tangail, party supporters set off two crude bombs.', 'Tangail', 'BD', null, 1],
  // "Indian" is India's demonym, not the British Indian Ocean Territory's.
  ['Indian police dispersed a rally in Hassan district on Monday.', 'Hassan', 'IN', 'Karnataka', 2],
  // A province of the report's country spelled another way ("Nimruz" for GeoNames' Nimroz).
  ['Afghan forces clashed with militants in Khash district, Nimruz.', 'Nimroz', 'AF', 'Nimroz', 3],
  // A GeoNames district with no town of its name takes its seat's point, at district precision.
  ['Afghan forces repelled an attack in Gulran district on Tuesday.', 'Gulran', 'AF', 'Herat', 2],
  // An alternate GeoNames name never takes a town's own name ("Delhi" is also an alternate of Dili).
  ['Hundreds of party workers protested in Delhi on Monday.', 'Delhi', 'IN', null, 1],
  // A district is found beside a same-named town of another province (Muqur of Ghazni).
  ['Three people were hurt in a raid in Muqur district, Badghis.', 'Muqur', 'AF', 'Badghis', 2],
  // A country inside an organisation's name tells the country; a large city there beats a provincial capital abroad.
  ['Workers of the National Bank of Pakistan protested outside the Hyderabad Press Club.', 'Hyderabad', 'PK', null, 1],
  // "and" inside a name.
  ['Two men were arrested in Jammu and Kashmir on Friday.', 'Jammu and Kashmir', 'IN', null, 3],
];

describe('places: admin structure, seats and spellings', () => {
  for (const [body, name, country, admin1, precision] of TABLE) {
    it(body, () => {
      const places = placesOf(body).places;
      const p = places.find((x) => x.name === name);
      assert.ok(p, `${name} not found in ${JSON.stringify(places.map((x) => `${x.name}/${x.country}`))}`);
      assert.equal(p.country, country);
      if (admin1) assert.equal(p.admin1, admin1);
      assert.equal(p.geoPrecision, precision);
      assert.ok(p.latitude !== null && p.longitude !== null, 'has coordinates');
    });
  }

  it('a name running on through an ezafe ("Pul-e-Charkhi") is not its first word ("Pul", Iran)', () => {
    const places = placesOf('Rockets hit a base in the Pul-e-Charkhi area of Kabul city.').places;
    assert.ok(!places.some((p) => p.country === 'IR'), JSON.stringify(places.map((p) => p.name)));
    assert.ok(places.some((p) => p.name === 'Kabul' && p.country === 'AF'));
  });

  it('a place abroad that no other country has is taken after a locative cue', () => {
    const places = placesOf('Libyan traders blocked the road in Ben Gardane on Monday.').places;
    assert.ok(places.some((p) => p.name === 'Ben Gardane' && p.country === 'TN'));
  });
});
