// Cues that place a name (a unit or part of a place before "of", "the district headquarters X"), a
// province that tells its country, states the gazetteer cannot index by themselves, and common words
// of South Asian police English that are villages somewhere. Invented sentences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { km, marked, placesOf } from './test-helpers.js';

// [sentence with the place in brackets, name, country, geoPrecision, lat, lng] — coordinates within 5 km.
const PLACED: [string, string, string, 1 | 2 | 3, number, number][] = [
  // "X sector of Y": Y is where the sector lies (so it tells the country), and X is that country's town.
  ['Troops traded fire with infiltrators in [Uri] sector of Jammu and Kashmir.', 'Uri', 'IN', 1, 34.09, 74.03],
  [
    'Troops traded fire with infiltrators in Uri sector of [Jammu and Kashmir].',
    'Jammu and Kashmir',
    'IN',
    3,
    32.74,
    74.86,
  ],
  // "the state of X", "the streets of X": where people were.
  ['Students marched throughout the state of [Assam] on Friday.', 'Assam', 'IN', 3, 26.14, 91.8],
  ['Hundreds marched through the streets of [Dalbandin] after the killing.', 'Dalbandin', 'PK', 1, 28.89, 64.41],
  // "the district headquarters X": the district's seat.
  ['Shops stayed shut in the district headquarters [Rajbiraj] for a third day.', 'Rajbiraj', 'NP', 1, 26.54, 86.75],
  // A province of one country tells the country: Hyderabad of Sindh, not of India.
  ['Clerks rallied outside the [Hyderabad] Press Club for pay owed across Sindh.', 'Hyderabad', 'PK', 1, 25.4, 68.38],
  // States GeoNames cannot index under their bare name: Bihar (a town of India is called so) at its seat
  // Patna, Haryana (its seat Chandigarh lies outside it) at Chandigarh.
  ['Home guards went on strike across [Bihar] state over their pay.', 'Bihar', 'IN', 3, 25.59, 85.14],
  ['Truckers struck throughout the state of [Haryana] against a new rule.', 'Haryana', 'IN', 3, 30.74, 76.79],
];

describe('places: locative cues and provinces that tell the country', () => {
  for (const [example, name, country, precision, lat, lng] of PLACED) {
    it(example, () => {
      const { body, start, end } = marked(example);
      const places = placesOf(body).places;
      const found = places.find((p) => p.start === start && p.end === end);
      assert.ok(found, `no place at [${start}, ${end}) in ${JSON.stringify(places.map((p) => p.text))}`);
      assert.equal(found.name, name, 'name');
      assert.equal(found.country, country, 'country');
      assert.equal(found.geoPrecision, precision, 'geoPrecision');
      assert.ok(found.latitude !== null && found.longitude !== null, 'coordinates');
      assert.ok(
        km(found.latitude, found.longitude, lat, lng) < 5,
        `${found.latitude},${found.longitude} is not near ${lat},${lng}`,
      );
    });
  }
});

// Words of South Asian police English that are small GeoNames places abroad (stoplist.yaml).
const NOT_PLACES: [string, string][] = [
  ['The Officer-in Charge of the police station said two men were held.', 'Charge'],
  ['Police resorted to Lathi charge to scatter the students in Srinagar.', 'Lathi'],
];

describe('places: police English is no place', () => {
  for (const [body, word] of NOT_PLACES) {
    it(`${word} in: ${body}`, () => {
      const texts = placesOf(body).places.map((p) => p.text);
      assert.ok(!texts.includes(word), `found ${word} in ${JSON.stringify(texts)}`);
    });
  }
});
