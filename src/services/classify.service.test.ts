// `truce classify` on short invented reports: the type of the event told, nulls when none is told.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClassifyService } from './classify.service.js';

const service = new ClassifyService();

const rows: [text: string, type: string | null, sub?: string][] = [
  [
    'Government warplanes struck a market in Idlib on Monday, killing nine people.',
    'Explosions/Remote violence',
    'Air/drone strike',
  ],
  ['Hundreds of teachers protested outside the education office in Lahore on Tuesday.', 'Protests', 'Peaceful protest'],
  [
    'A roadside bomb hit a police car in Kandahar, killing two policemen.',
    'Explosions/Remote violence',
    'Remote explosive/landmine/IED',
  ],
  ['Police arrested five men in Peshawar on Friday.', 'Strategic developments', 'Arrests'],
  // field notes with no place the gazetteer knows still tell their event
  ['Unknown gunmen shot dead a shopkeeper near his home.', 'Violence against civilians', 'Attack'],
  // nothing happened: a plan, a hope, a trend, a statement
  ['The rebels threatened to attack the town next week.', null],
  ['Both sides hope the truce will hold.', null],
  ['The minister met the ambassador to discuss trade.', null],
];

for (const [text, type, sub] of rows) {
  test(`classify: ${text}`, () => {
    const c = service.classify({ id: 'r1', text });
    assert.equal(c.id, 'r1');
    assert.equal(c.event_type, type);
    if (sub) assert.equal(c.sub_event_type, sub);
    if (type === null) assert.equal(c.confidence, null);
    else assert.ok(c.confidence! > 0 && c.confidence! <= 1);
  });
}
