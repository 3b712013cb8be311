import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placesOf } from './test-helpers.js';

// District seats (a town named as its GeoNames admin2 district) and admin regions no town is named
// after, in reports that name no country. [sentence, expected name or null, country, kind, has coordinates]
// A region no town is named after takes its seat's point (GeoNames PPLA / PPLA2), as ACLED does at precision 3.
const TABLE: [string, string | null, string | null, string | null, boolean][] = [
  ['Teachers marched in Patna on Sunday to demand their salaries.', 'Patna', 'IN', 'city', true],
  ['Journalists rallied in Badin against the arrest of a reporter.', 'Badin', 'PK', 'city', true],
  ['Party workers blocked a highway in Bhadrak district on Monday.', 'Bhadrak', 'IN', 'city', true],
  ['Farmers protested in Uttarakhand over the price of sugar cane.', 'Uttarakhand', 'IN', 'admin1', true],
  ['Two men were hurt in a clash in Sylhet Division on Friday.', 'Sylhet Division', 'BD', 'admin1', true],
  // A district with neither a GeoNames seat nor a town of 10,000+ takes its most central town's point.
  ['Two men were hurt in a clash in Barguna district on Friday.', 'Barguna', 'BD', 'region', true],
  ['Pope Francis spoke to pilgrims on Sunday.', null, null, null, false],
];

describe('district seats and admin regions', () => {
  for (const [body, name, country, kind, coords] of TABLE) {
    it(body, () => {
      const places = placesOf(body).places;
      if (name === null) return assert.equal(places.length, 0, JSON.stringify(places));
      const p = places.find((x) => x.name === name);
      assert.ok(p, `${name} not found in ${JSON.stringify(places.map((x) => x.name))}`);
      assert.equal(p.country, country);
      assert.equal(p.kind, kind);
      assert.equal(p.latitude !== null, coords);
    });
  }
});
