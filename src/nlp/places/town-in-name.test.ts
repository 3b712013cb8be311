/** A report that places nothing may name its town inside a name. Invented sentences. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entity, placesOf } from './test-helpers.js';

describe('places: a town inside a name, when nothing else is placed', () => {
  it('a chapter named after its town', () => {
    const places = placesOf('The Karachi chapter of the party held a rally against price rises.').places;
    assert.deepEqual(
      places.map((p) => [p.name, p.country]),
      [['Karachi', 'PK']],
    );
  });

  it('an organisation entity named after its town', () => {
    const body = 'Teachers staged a sit-in at the Peshawar Teachers Association office.';
    const places = placesOf(body, [entity(body, 'Peshawar Teachers Association', 'organization')]).places;
    assert.equal(places[0]?.name, 'Peshawar');
  });

  it('not a word after another capitalised word, nor an acronym', () => {
    assert.deepEqual(placesOf('Members of the Lok Sabha walked out over the bill.').places, []);
    assert.deepEqual(placesOf('JI workers blocked the road for two hours.').places, []);
  });

  it('not when the report places something else', () => {
    const body = 'The Karachi Traders Union held a rally in Hyderabad, Pakistan.';
    const places = placesOf(body, [entity(body, 'Karachi Traders Union', 'organization')]).places;
    assert.ok(!places.some((p) => p.text === 'Karachi'), JSON.stringify(places.map((p) => p.text)));
  });
});
