import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryLabelPoint, overlaps, placeLabels, placeLabelsFor, type LabelRequest } from './label-placement.js';

const view = { x: 0, y: 0, w: 400, h: 300 };
const label = (id: string, x: number, y: number, more: Partial<LabelRequest> = {}): LabelRequest => ({
  id,
  x,
  y,
  r: 6,
  w: 60,
  h: 16,
  priority: 1,
  ...more,
});

describe('map labels', () => {
  it('puts a label to the right of its point when there is room', () => {
    const p = placeLabels([label('a', 100, 100)], [], view).get('a');
    assert.equal(p?.side, 'right');
    assert.deepEqual(p?.box, { x: 109, y: 92, w: 60, h: 16 });
  });

  it('never lets two labels overlap: the second moves to another side or is left out', () => {
    const placed = placeLabels(
      [label('big', 100, 100, { priority: 5 }), label('near', 104, 102), label('same', 100, 100)],
      [],
      view,
    );
    const boxes = [...placed.values()].filter((p) => p !== null).map((p) => p.box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        assert.ok(!overlaps(boxes[i]!, boxes[j]!), `labels ${i} and ${j} overlap`);
    assert.equal(placed.get('big')?.side, 'right', 'the most important keeps the best side');
    assert.ok([...placed.values()].filter(Boolean).length >= 2, 'the others find room around the point');
  });

  it('leaves out what does not fit in the view, and avoids circles when a side is free', () => {
    assert.equal(placeLabels([label('wide', 200, 150, { w: 420 })], [], view).get('wide'), null);
    assert.equal(placeLabels([label('corner', 395, 5, { w: 300 })], [], view).get('corner')?.side, 'bottom-left');
    const circle = { x: 105, y: 90, w: 70, h: 20 };
    assert.equal(placeLabels([label('a', 100, 100)], [circle], view).get('a')?.side, 'left');
    // Circles on every side: the side that covers the least of them (here its own big circle
    // everywhere, and on the right the edge of a wide one centred far off).
    const around = [
      { x: 60, y: 60, w: 80, h: 80 },
      { x: 150, y: 80, w: 200, h: 40 },
    ];
    const crowded = placeLabels([label('a', 100, 100)], around, { x: 0, y: 0, w: 600, h: 300 }).get('a');
    assert.ok(crowded, 'still named');
    assert.equal(crowded.side, 'left');
    // A country's name is centred and gives way to the circles instead.
    assert.equal(placeLabels([label('c', 140, 100, { centred: true })], [circle], view).get('c'), null);
  });

  it('never puts a name nearer another circle than its own point', () => {
    // A circle just right of the point: the right side would seem to name that circle.
    const neighbour = { x: 112, y: 94, w: 12, h: 12 };
    const own = { x: 94, y: 94, w: 12, h: 12 };
    const p = placeLabels([label('a', 100, 100)], [own, neighbour], view).get('a');
    assert.ok(p, 'still named');
    assert.notEqual(p.side, 'right');
    assert.notEqual(p.side, 'top-right');
    assert.notEqual(p.side, 'bottom-right');
  });

  it('labels each place once, the busiest first', () => {
    const at = (location: string | null, lat: number | null, fatalitiesBest = 0) => ({
      location,
      latitude: lat,
      longitude: 37.1,
      fatalitiesBest,
    });
    const places = placeLabelsFor([
      at('Hamdaniya', 36.18),
      at('Hamdaniya', 36.18, 4),
      at('eastern Aleppo', 36.2, 12),
      at(null, 36.2),
      at('Nowhere known', null),
    ]);
    assert.deepEqual(
      places.map((p) => [p.text, p.priority]),
      [
        ['Hamdaniya', 24],
        ['eastern Aleppo', 22],
      ],
    );
  });
});

describe("a country's label point", () => {
  it('is inside the largest polygon, even for a crescent', () => {
    const square = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const islet = [
      [20, 20],
      [21, 20],
      [21, 21],
      [20, 20],
    ];
    assert.deepEqual(countryLabelPoint({ type: 'MultiPolygon', coordinates: [[islet], [square]] }), [5, 5]);
    // A "C": its centroid falls in the hollow.
    const c = [
      [0, 0],
      [10, 0],
      [10, 2],
      [2, 2],
      [2, 8],
      [10, 8],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const [x, y] = countryLabelPoint({ type: 'Polygon', coordinates: [c] }) ?? [NaN, NaN];
    assert.ok(x >= 0 && x <= 2 && y > 0 && y < 10, `(${x}, ${y}) lies in the C's back`);
    assert.equal(countryLabelPoint(null), null);
  });
});
