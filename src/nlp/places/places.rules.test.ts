/** Every rule of data/places/rules.yaml runs on its own example. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDataFile } from '../../core/data-file.js';
import { RulesFileSchema, type Rule } from './places.schema.js';
import { marked, placesOf } from './test-helpers.js';

const rules = loadDataFile('places/rules.yaml', RulesFileSchema);

function placeAt(example: string) {
  const { body, start, end } = marked(example);
  const place = placesOf(body).places.find((p) => p.start === start && p.end === end);
  assert.ok(place, `no place at the bracketed span of: ${example}`);
  return place;
}

function each(group: string, list: readonly Rule[], check: (example: string) => void): void {
  describe(group, () => {
    for (const rule of list) it(`${rule.id}: ${rule.example}`, () => check(rule.example));
  });
}

each('near (before)', rules.near.before, (ex) => assert.equal(placeAt(ex).geoPrecision, 2));
each('near (after)', rules.near.after, (ex) => assert.equal(placeAt(ex).geoPrecision, 2));
each('region (before)', rules.region.before, (ex) => assert.equal(placeAt(ex).kind, 'admin1'));
each('region (after)', rules.region.after, (ex) => assert.equal(placeAt(ex).kind, 'admin1'));
const inDatelineTown = (ex: string) => {
  const [dateline, text] = ex.split(' - ') as [string, string];
  const { body, start, end } = marked(text);
  const place = placesOf(body, [], { place: dateline }).places.find((p) => p.start === start && p.end === end);
  assert.ok(place, `no place at the bracketed span of: ${ex}`);
  assert.equal(place.kind, 'district');
  assert.equal(place.geoPrecision, 2);
};
each('district (before)', rules.district.before, inDatelineTown);
each('district (after)', rules.district.after, inDatelineTown);
each('institution', rules.institution, (ex) => assert.equal(placeAt(ex).kind, 'city'));
each('demonym place', rules.demonymPlace, (ex) => assert.equal(placeAt(ex).kind, 'country'));
each('metonym (possessive)', rules.metonym.possessive, (ex) => assert.notEqual(placeAt(ex).metonymFor, null));
each('metonym (subject)', rules.metonym.subject, (ex) => assert.notEqual(placeAt(ex).metonymFor, null));
each('metonym blocked', rules.metonym.blockedBefore, (ex) => assert.equal(placeAt(ex).metonymFor, null));
for (const unit of rules.units)
  it(`unit ${unit.id}: ${unit.example}`, () => {
    const country = placeAt(unit.example).country ?? '';
    assert.ok(unit.countries.includes(country), `${unit.id}: placed in ${country}`);
  });
