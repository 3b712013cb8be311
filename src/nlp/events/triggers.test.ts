// Every rule of data/events/triggers.yaml runs on its own example and must produce what it expects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { extractEvents } from './events.stage.js';
import { buildDoc } from './testing.js';
import { WORLD } from './world.fixture.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);

for (const rule of lexicon.rules) {
  test(`rule ${rule.id}: ${rule.example}`, () => {
    rule.regex.lastIndex = 0;
    assert.ok(rule.regex.test(rule.example.toLowerCase()), `the rule's own patterns must match its example`);
    const { events } = extractEvents(buildDoc(rule.example, WORLD), lexicon, deaths);
    const event = events.find(
      (e) => e.subEventType === rule.expect.sub_event_type && (!rule.tag || e.tags.includes(rule.tag)),
    );
    assert.ok(
      event,
      `no ${rule.expect.sub_event_type} event in ${JSON.stringify(events.map((e) => [e.subEventType, e.trigger.text]))}`,
    );
    if (rule.expect.tag) assert.deepEqual(event.tags, [rule.expect.tag]);
    if (rule.expect.actor1) assert.equal(event.actor1, rule.expect.actor1);
    if (rule.expect.actor2) assert.equal(event.actor2, rule.expect.actor2);
    if (rule.expect.fatalities !== undefined) assert.equal(event.fatalities, rule.expect.fatalities);
    assert.equal(event.modality, rule.expect.modality ?? 'asserted');
  });
}
