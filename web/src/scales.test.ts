import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fatalityRadius,
  MAX_RADIUS,
  MIN_RADIUS,
  niceMax,
  OTHER_COLOUR,
  partyColour,
  REVIEW_RINGS,
  ringStyle,
  TYPE_COLOURS,
  typeColour,
} from './scales.js';
import { EVENT_TYPES, REVIEW_STATES } from './vocab.js';

describe('scales', () => {
  it('gives every event type its own colour, and unknown types the "other" grey', () => {
    const colours = EVENT_TYPES.map((t) => typeColour(t));
    assert.equal(new Set([...colours, OTHER_COLOUR]).size, EVENT_TYPES.length + 1);
    assert.equal(typeColour('Picnic'), OTHER_COLOUR);
    assert.equal(typeColour(null), OTHER_COLOUR);
    assert.equal(typeColour('constructor'), OTHER_COLOUR, 'no prototype keys');
    assert.equal(typeColour('Battles'), TYPE_COLOURS.Battles);
  });

  it('tells review states apart without colour: by dash pattern, weight or fill', () => {
    const looks = REVIEW_STATES.map((s) => {
      const r = REVIEW_RINGS[s];
      return `${r.dashArray}|${r.weight}|${r.fillOpacity}`;
    });
    assert.equal(new Set(looks).size, REVIEW_STATES.length);
    assert.deepEqual(ringStyle('nonsense'), REVIEW_RINGS.machine);
    assert.deepEqual(ringStyle(undefined), REVIEW_RINGS.machine);
  });

  const radii = [
    { f: null, want: MIN_RADIUS },
    { f: undefined, want: MIN_RADIUS },
    { f: 0, want: MIN_RADIUS },
    { f: -3, want: MIN_RADIUS },
    { f: Number.NaN, want: MIN_RADIUS },
    { f: 4, want: MIN_RADIUS + 5 },
    { f: 100_000, want: MAX_RADIUS },
  ];
  for (const r of radii) {
    it(`radius for ${r.f} fatalities is ${r.want}`, () => assert.equal(fatalityRadius(r.f), r.want));
  }

  it('grows with fatalities and never passes the cap', () => {
    let prev = 0;
    for (const f of [0, 1, 2, 5, 10, 20, 50, 70]) {
      const r = fatalityRadius(f);
      assert.ok(r > prev || r === MAX_RADIUS, `${f}: ${r} after ${prev}`);
      assert.ok(r <= MAX_RADIUS);
      prev = r;
    }
  });

  it('cycles party colours and rounds axis maxima up to 1, 2, 5 x 10^n', () => {
    assert.equal(partyColour(0), partyColour(7));
    assert.notEqual(partyColour(0), partyColour(1));
    assert.deepEqual([0, 1, 3, 7, 10, 11, 48, 51, 990].map(niceMax), [1, 1, 5, 10, 10, 20, 50, 100, 1000]);
  });
});
