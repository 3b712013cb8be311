import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bboxAround, distanceKm, splitAntimeridian } from './geo.js';

describe('geo', () => {
  it('measures great-circle distances', () => {
    assert.ok(Math.abs(distanceKm(36.2021, 37.1343, 35.9306, 36.6339) - 54.4) < 1, 'Aleppo to Idlib');
    assert.ok(Math.abs(distanceKm(0, 179.5, 0, -179.5) - 111.2) < 0.5, 'across the antimeridian');
  });

  it('builds a box that holds every point within the distance', () => {
    for (const [lat, lon, km] of [
      [36, 37, 50],
      [-17, 179.9, 100],
      [70, 10, 500],
    ] as const) {
      const box = bboxAround(lat, lon, km);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        const rad = (bearing * Math.PI) / 180;
        const pLat = lat + ((km * 0.999) / 111.195) * Math.cos(rad);
        const pLonRaw = lon + ((km * 0.999) / (111.195 * Math.cos((pLat * Math.PI) / 180))) * Math.sin(rad);
        const pLon = pLonRaw > 180 ? pLonRaw - 360 : pLonRaw;
        if (distanceKm(lat, lon, pLat, pLon) > km) continue;
        const inside = splitAntimeridian(box).some(
          (b) => pLat >= b.south && pLat <= b.north && pLon >= b.west && pLon <= b.east,
        );
        assert.ok(inside, `${pLat},${pLon} near ${lat},${lon}`);
      }
    }
  });

  it('spans every longitude near a pole', () => {
    const box = bboxAround(89.5, 0, 100);
    assert.deepEqual([box.west, box.east, box.north], [-180, 180, 90]);
    assert.ok(Math.abs(box.south - (89.5 - 100 / 111.195)) < 1e-4);
  });
});
