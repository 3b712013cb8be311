import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeatureCollection } from 'geojson';
import { adminCountries, areaTest, coordinatesText, distanceM, placeName } from './geo.js';

// An invented agreement's zones: a country, a square, a road with a 500 m buffer, a town with 2 km.
const zones: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: null as never, properties: { id: 'c', kind: 'admin', country: 'Utopia', admin1: [] } },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [10, 10],
            [11, 10],
            [11, 11],
            [10, 11],
            [10, 10],
          ],
        ],
      },
      properties: { id: 'sq', kind: 'polygon' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [20, 20],
          [20.1, 20],
        ],
      },
      properties: { id: 'road', kind: 'route', bufferM: 500 },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [30, 30] },
      properties: { id: 'town', kind: 'place', radiusM: 2000 },
    },
  ],
};

const at = (latitude: number | null, longitude: number | null, country: string | null = 'Elsewhere') => ({
  latitude,
  longitude,
  country,
});

describe('agreement area', () => {
  const test = areaTest(zones)!;
  const table = [
    { name: 'in the country, by name (case aside), without coordinates', i: at(null, null, 'utopia'), want: true },
    { name: 'inside the square', i: at(10.5, 10.5), want: true },
    { name: 'just outside the square', i: at(10.5, 11.01), want: false },
    { name: 'within the road buffer', i: at(20.003, 20.05), want: true },
    { name: 'past the road buffer', i: at(20.01, 20.05), want: false },
    { name: 'past the end of the road', i: at(20, 20.11), want: false },
    { name: 'within the town radius', i: at(30.01, 30), want: true },
    { name: 'outside the town radius', i: at(30.03, 30), want: false },
  ];
  for (const t of table) it(t.name, () => assert.equal(test(t.i), t.want));

  it('limits an admin zone to its admin1 regions when it names some', () => {
    const only = areaTest({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null as never,
          properties: { kind: 'admin', country: 'Utopia', admin1: ['North'] },
        },
      ],
    })!;
    assert.equal(only({ latitude: 1, longitude: 1, country: 'Utopia', admin1: 'North' }), true);
    assert.equal(only({ latitude: 1, longitude: 1, country: 'Utopia', admin1: 'South' }), false);
  });

  it('has no test without zones, and names the admin countries', () => {
    assert.equal(areaTest(null), null);
    assert.equal(areaTest({ type: 'FeatureCollection', features: [] }), null);
    assert.deepEqual(adminCountries(zones), ['Utopia']);
  });

  it('measures distances on the sphere', () => {
    assert.ok(Math.abs(distanceM(0, 0, 0, 1) - 111_195) < 10);
  });
});

describe('place names', () => {
  it('names the place, its province and country, each once', () => {
    assert.equal(
      placeName({ location: 'eastern Aleppo', admin1: 'Aleppo', country: 'Syria' }),
      'eastern Aleppo, Aleppo, Syria',
    );
    assert.equal(placeName({ location: 'Helmand', admin1: 'Helmand', country: 'Afghanistan' }), 'Helmand, Afghanistan');
    assert.equal(placeName({ location: null, admin1: ' ', country: 'Syria' }), 'Syria');
    assert.equal(placeName({}), null);
  });
  it('writes the point with its hemispheres', () => {
    assert.equal(coordinatesText(36.205, 37.18), '36.205° N, 37.180° E');
    assert.equal(coordinatesText(-1.5, -70.25), '1.500° S, 70.250° W');
  });
});
