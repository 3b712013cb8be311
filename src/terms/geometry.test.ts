import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { haversineM, inPolygon, pointToLineM, signedDistanceToPolygonM, type LonLat } from './geometry.js';
import { describeInstant, instantToLocalDay, localToInstant } from './time.js';

const square: LonLat[][] = [
  [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ],
];
const holed: LonLat[][] = [
  square[0]!,
  [
    [0.4, 0.4],
    [0.6, 0.4],
    [0.6, 0.6],
    [0.4, 0.6],
    [0.4, 0.4],
  ],
];

describe('geometry', () => {
  const rows: [string, LonLat, LonLat[][], boolean][] = [
    ['inside', [0.5, 0.5], square, true],
    ['outside', [1.5, 0.5], square, false],
    ['in the hole', [0.5, 0.5], holed, false],
    ['between hole and ring', [0.2, 0.2], holed, true],
  ];
  for (const [name, p, poly, expected] of rows)
    it(`point in polygon: ${name}`, () => assert.equal(inPolygon(p, poly), expected));
  it('haversine: one degree of latitude is about 111.2 km', () =>
    assert.ok(Math.abs(haversineM([0, 0], [0, 1]) - 111_195) < 50));
  it('distance to a line: perpendicular and past the end', () => {
    const line: LonLat[] = [
      [0, 0],
      [0, 1],
    ];
    assert.ok(Math.abs(pointToLineM([0.01, 0.5], line) - 1112) < 5);
    assert.ok(Math.abs(pointToLineM([0, 1.01], line) - 1112) < 5);
  });
  it('signed distance is negative inside', () => {
    assert.ok(signedDistanceToPolygonM([0.5, 0.5], square) < -55_000);
    assert.ok(signedDistanceToPolygonM([1.01, 0.5], square) > 1000);
  });
});

describe('zoned time', () => {
  it('Damascus local time to UTC across daylight saving', () => {
    assert.equal(
      new Date(localToInstant('2016-02-27T00:00', 'Asia/Damascus')).toISOString(),
      '2016-02-26T22:00:00.000Z',
    );
    assert.equal(
      new Date(localToInstant('2016-09-12T19:00', 'Asia/Damascus')).toISOString(),
      '2016-09-12T16:00:00.000Z',
    );
  });
  it('instants back to local days and text', () => {
    const t = Date.parse('2016-09-12T22:30:00Z');
    assert.equal(instantToLocalDay(t, 'Asia/Damascus'), '2016-09-13');
    assert.equal(describeInstant(t, 'Asia/Damascus'), '2016-09-13 01:30 Asia/Damascus');
  });
});
