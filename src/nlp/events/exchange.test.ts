// Remote fire answered in kind is a battle (ACLED's exchange); fire nobody answered stays remote violence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { extractEvents } from './events.stage.js';
import { firedBack } from './exchange.js';
import { buildDoc } from './testing.js';
import { WORLD } from './world.fixture.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);

const answers: [string, boolean][] = [
  ['The army shelled the village. The rebels retaliated.', true],
  ['The army shelled the village, drawing retaliation from the rebels.', true],
  ['Troops returned fire after the shelling.', true],
  ['The other side responded accordingly.', true],
  ['The army shelled the village. The rebels did not retaliate.', false],
  ['The army shelled the village. [There were no reports on whether the rebels also retaliated.]', false],
  ['The army shelled the village without any retaliation.', false],
  ['The army shelled the village.', false],
  // "responded" alone is any answer (to a call, to a scene), not fire.
  ['Police responded to the scene.', false],
];

test('firedBack: the other side answered the fire, and no sentence says it did not', () => {
  for (const [text, want] of answers) assert.equal(firedBack(text, lexicon.cues), want, text);
});

const mainType = (text: string): string | undefined =>
  extractEvents(buildDoc(text, WORLD), lexicon, deaths).events[0]?.eventType;

const rows: [string, string][] = [
  ['Russian forces shelled rebel positions near Idlib on Monday. The rebels retaliated.', 'Battles'],
  [
    'Russian forces shelled rebel positions near Idlib on Monday. The rebels did not retaliate.',
    'Explosions/Remote violence',
  ],
  ['Russian forces shelled rebel positions near Idlib on Monday.', 'Explosions/Remote violence'],
  // Two sides firing at each other, with or without a weapon named: an armed clash.
  ["Russian forces and Islamic State militants targeted each other's positions near Idlib on Monday.", 'Battles'],
  ['A fire exchange broke out between Russian forces and Islamic State militants near Idlib on Monday.', 'Battles'],
];

test('extractEvents: answered shelling and fire exchanged are armed clashes, unanswered shelling remote violence', () => {
  for (const [text, want] of rows) assert.equal(mainType(text), want, text);
});

const types = (text: string): string[] =>
  extractEvents(buildDoc(text, WORLD), lexicon, deaths).events.map((e) => e.eventType);

// Remote fire in a paragraph that tells a clash by a word for fighting is the battle's fire; a battle
// read only from its dead ("militants were killed") tells no clash, so the air strike stays remote.
const paragraphs: [string, boolean][] = [
  ['Rebels and Russian forces clashed near Idlib on Monday. Russian forces shelled rebel positions near Idlib.', false],
  ['Islamic State militants fought Russian forces near Idlib on Monday. Russian jets bombed their positions.', false],
  ['Russian forces shelled rebel positions near Idlib on Monday.', true],
  ['Ten Islamic State militants were killed as Russian jets bombed their positions near Idlib on Monday.', true],
];

test('extractEvents: remote fire told beside a clash is the battle, beside only a toll it stays remote violence', () => {
  for (const [text, remote] of paragraphs)
    assert.equal(types(text).includes('Explosions/Remote violence'), remote, `${text} -> ${types(text).join(', ')}`);
});
