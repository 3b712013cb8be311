import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { km, placesOf } from './test-helpers.js';

// [sentence, the capital expected where "capital" stands (name, precision, lat, lng) or null: no capital added].
const TABLE: [string, [string, 1 | 2, number, number] | null][] = [
  ["A bomb hit a house in the capital's Lalbagh area, Bangladesh police said.", ['Dhaka', 1, 23.71, 90.41]],
  ['Buses were torched on the outskirts of the capital, Bangladesh police said.', ['Dhaka', 2, 23.71, 90.41]],
  ['Protesters marched in the capital city on Monday, Nepal police said.', ['Kathmandu', 1, 27.7, 85.32]],
  // A province's capital, or one named right there, is no national capital by role.
  ['Farmers protested in the state capital on Monday, India said.', null],
  ['In the capital city here, party workers staged a sit-in, India said.', null],
  ['Activists rallied in the capital Dhaka on Sunday.', null],
  ['Teachers protested in the capital of Sindh province, Pakistan.', null],
  // No country told by the report's words: no capital.
  ['Shops stayed shut in the capital on Sunday.', null],
];

describe('places: "in the capital" is the capital of the report\'s country', () => {
  for (const [body, expected] of TABLE) {
    it(body, () => {
      const found = placesOf(body).places.find((p) => body.slice(p.start, p.end).startsWith('capital'));
      if (expected === null) return assert.equal(found, undefined, `no capital expected, got ${JSON.stringify(found)}`);
      const [name, precision, lat, lng] = expected;
      assert.ok(found, `no capital in ${JSON.stringify(placesOf(body).places.map((p) => p.text))}`);
      assert.equal(found.name, name, 'the capital of the report country');
      assert.equal(found.geoPrecision, precision, 'precision 2 when near the capital');
      assert.ok(found.latitude !== null && found.longitude !== null, 'has coordinates');
      assert.ok(
        km(found.latitude, found.longitude, lat, lng) < 10,
        `${found.latitude},${found.longitude} not near ${lat},${lng}`,
      );
    });
  }
});
