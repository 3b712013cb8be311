import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createChrono } from './chrono.js';
import { createFastReader } from './fast.js';
import { loadDatesLexicon } from './lexicon.js';

const lexicon = loadDatesLexicon();
const fast = createFastReader(lexicon);
const chrono = createChrono(lexicon);
const reference = { instant: new Date('2016-09-04T12:00:00Z'), timezone: 0 };

// [sentence, whether the fast reader answers it]; invented sentences.
const ROWS: Array<[string, boolean]> = [
  ['Government troops shelled Daraya on Monday, a monitor said.', true],
  ['On Tuesday the convoy reached Madaya.', true],
  ['Rebels said last Friday they had lost the hill.', true],
  ['Militants attacked the base on Sunday and again on Wednesday.', true],
  ['He once worked at a Ruby Tuesday restaurant.', true],
  ['The Sunday Times said 12 fighters were killed.', true],
  ['Talks ran from Monday to Friday.', false],
  ['The strike came on Monday, Sept. 5.', false],
  ['Clashes erupted on Tuesday night.', true],
  ['Jets struck the ridge on Friday afternoon, and the shelling lasted most of the day.', true],
  ['Shells hit Marinka, a frontline town, on Sunday, wounding three, officials said.', true],
  ['The market opened on Thursday for the first time in weeks.', true],
  ['The town (on Monday) was quiet.', false],
  ['BAGHDAD - two days of talks ended on Monday.', false],
  ['Fighters left on Monday, three days ago.', false],
  ['Troops withdrew on Monday after two days of fighting.', false],
  ['The ceasefire began at 7 p.m. on Monday.', true],
  ['The army sat on its hands on Monday.', false],
  ['Officials met on Monday, UN sources said.', false],
];

for (const [sentence, answers] of ROWS) {
  test(`dates fast reader: ${sentence}`, () => {
    const quick = fast.read(sentence);
    assert.equal(quick !== null, answers);
    if (!quick) return;
    // Where it answers, it must say exactly what chrono with our refiner says.
    const slow = chrono.parse(sentence, reference, { forwardDate: false });
    assert.deepEqual(
      quick.map((r) => [r.index, r.text, r.start.get('weekday')]),
      slow.map((r) => [r.index, r.text, r.start.get('weekday')]),
    );
    assert.ok(slow.every((r) => !r.start.isCertain('day') && r.start.isCertain('weekday')));
  });
}
