import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCityIndex } from './city-index.js';
import { centralTown } from './district-point.js';

// The capitals map only decides each row's source; one entry is enough to check it survives the cache.
const capitals = new Map([['damascus', ['SY']]]);
const dir = mkdtempSync(join(tmpdir(), 'places-cache-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('places: the cached city index', () => {
  it('is built with no cache, written, then read back with the same rows', () => {
    const built = loadCityIndex({ capitals, cacheDirs: [dir] });
    assert.equal(built.origin, 'built');
    assert.ok(readdirSync(dir).some((f) => f.startsWith('cities-') && f.endsWith('.bin')));
    const cached = loadCityIndex({ capitals, cacheDirs: [dir] });
    assert.equal(cached.origin, 'cache');
    assert.equal(cached.keys, built.keys);
    for (const key of ['damascus', 'aleppo', 'arish', 'hamdaniyah', 'sanliurfa', 'no such place zz'])
      assert.deepEqual(cached.rows(key), built.rows(key), key);
    const damascus = cached.rows('damascus').find((r) => r.country === 'SY');
    assert.equal(damascus?.source, 'capital');
    assert.ok(
      cached.rows('arish').some((r) => r.country === 'EG'),
      'Arīsh folds to arish',
    );
  });

  it('works with the cache disabled (a read-only install)', () => {
    const index = loadCityIndex({ capitals, cacheDirs: [] });
    assert.equal(index.origin, 'built');
    assert.ok(index.rows('aleppo').length > 0);
  });
});

// [towns of a district (lat, lng), the point expected]: the town nearest the towns' mean point.
const CENTRAL: [string, [number, number][], { lat: number; lng: number } | undefined][] = [
  ['no towns: no point', [], undefined],
  ['one town: that town', [[22.1, 90.1]], { lat: 22.1, lng: 90.1 }],
  [
    'three towns in a row: the middle one',
    [
      [22.0, 90.0],
      [22.1, 90.1],
      [22.3, 90.3],
    ],
    { lat: 22.1, lng: 90.1 },
  ],
  [
    'an outlying town pulls the mean but is not taken',
    [
      [23.0, 89.0],
      [23.05, 89.05],
      [23.1, 89.0],
      [24.0, 90.0],
    ],
    { lat: 23.1, lng: 89.0 },
  ],
];

describe('places: the point of a district with no seat (centralTown)', () => {
  for (const [label, towns, expected] of CENTRAL)
    it(label, () => assert.deepEqual(centralTown(towns), expected, `${label}: ${JSON.stringify(towns)}`));
});
