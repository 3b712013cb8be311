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

// Notes that told no event before (invented sentences): a verb's irregular past, a noun said to have
// happened, a violent verb with a subject no actor list knows, purpose and preposition "to", a
// protest's duration, a reference that is the report's first event word where people were hurt.
const told: [string, string, string, string?][] = [
  ['University students went on a two-day strike in Nairobi to demand their fees.', 'Protests', 'strike'],
  ['Unknown men shot and seriously injured a shopkeeper in Kabul.', 'Violence against civilians', 'shot'],
  ['Clashes erupted in Maiduguri on Monday between two families.', 'Battles', 'Clashes'],
  ['A bus came under attack near Maiduguri on Monday.', 'Battles', 'attack'],
  ['The two clans clashed near Bentiu over grazing land.', 'Battles', 'clashed'],
  ['Urging the council to pay their wages, teachers staged a demonstration in Nairobi.', 'Protests', 'demonstration'],
  ['Party workers allegedly resorted to vandalism in Nairobi.', 'Riots', 'vandalism'],
  ['Lawyers in Nairobi have been on strike for two months demanding a new court.', 'Protests', 'strike'],
  ['On the 12th day of the nationwide blockade, traders kept their shops shut in Kabul.', 'Protests', 'blockade'],
  ['A man was injured following the explosion of a mine in Kabul.', 'Explosions/Remote violence', 'explosion'],
  ["Activists burnt the minister's effigy in Nairobi.", 'Protests', 'effigy'],
  ['A bomb planted by the Taliban injured 2 policemen in Kabul.', 'Explosions/Remote violence', 'bomb'],
  ['One civilian was wounded by army fire in Kabul.', 'Violence against civilians', 'wounded by'],
  ['Seven militants were killed in Maiduguri in raids following the market bombing.', 'Battles', 'killed'],
  ['Nurses organised a procession to the health office in Nairobi.', 'Protests', 'procession'],
  [
    'The most wanted militant commander was killed in a gun battle with Iraqi troops in Baghdad.',
    'Battles',
    'gun battle',
  ],
  [
    'Assailants hurled two petrol bombs at a bus in Kabul, injuring three passengers.',
    'Violence against civilians',
    'petrol',
  ],
  ['Unknown men hurled two crude bombs near the court in Kabul.', 'Riots', 'crude'],
  ['Rebels fired rockets and a bomb exploded in Kabul, killing three people.', 'Explosions/Remote violence', 'bomb'],
  // A crude bomb that hurt people (told in the sentence's other clause) is violence against them;
  // hyphenated words inside a pattern's gap; the manner of a killing; a crowd's rampage.
  [
    'Four passengers were injured as unknown men hurled a crude bomb at a bus in Kabul.',
    'Violence against civilians',
    'crude',
  ],
  ['Students took out a candle-light procession in Nairobi.', 'Protests', 'procession'],
  ['A trader was chopped to death by rivals in Kabul on Monday.', 'Violence against civilians', 'chopped'],
  ['Students went on a rampage in the college in Nairobi.', 'Riots', 'rampage'],
  // A protest in the progressive is that day's protest (ACLED codes each day); local forms of protest.
  ['Residents of Nairobi have been protesting for a week against a new dump.', 'Protests', 'protesting'],
  ['Party cadres staged a rasta roko in Nairobi on Monday.', 'Protests', 'roko'],
  ['Hundreds of teachers gathered in Nairobi, demanding regular jobs.', 'Protests', 'gathered'],
  ['Hundreds of teachers hit the streets in Nairobi demanding regular jobs.', 'Protests', 'hit the streets'],
  ['Unidentified men threw bombs at a church in Kabul on Monday night.', 'Explosions/Remote violence', 'threw'],
  // Force used on a gathering (a procession, a rally) is ACLED's excessive force against protesters.
  ['Police opened fire on a procession of party workers in Kabul.', 'Protests', 'opened fire'],
  // An acronym trigger inside a sentence is no name; an air force's or artillery's attack is remote violence.
  ['Four soldiers were killed by an IED in Kabul.', 'Explosions/Remote violence', 'IED'],
  ['Two civilians were wounded by a missile attack in Kabul.', 'Explosions/Remote violence', 'missile attack'],
  [
    'The air force carried out strikes on a rebel camp near Maiduguri, killing 15.',
    'Explosions/Remote violence',
    'air force',
  ],
];
for (const [text, type, word] of told) {
  test(`an event is told: ${text}`, () => {
    const { events } = extractEvents(buildDoc(text, WORLD), lexicon, deaths);
    const event = events.find((e) => e.trigger.text.includes(word));
    assert.ok(event, `no event on "${word}" in ${JSON.stringify(events.map((e) => [e.eventType, e.trigger.text]))}`);
    assert.equal(event.eventType, type, `the type of "${word}"`);
    assert.equal(event.modality, 'asserted', `the modality of "${word}"`);
  });
}

test('a weapon named, with nobody hurt, is no event', () => {
  const { events } = extractEvents(buildDoc('The army showed its new bombs in Kabul.', WORLD), lexicon, deaths);
  assert.deepEqual(events, []);
});

test('an outcome after a known event named as a time anchor is that event, no new one', () => {
  const text = 'Protests followed in Kabul after the market bombing that killed seven people last week.';
  const { events } = extractEvents(buildDoc(text, WORLD), lexicon, deaths);
  assert.deepEqual(
    events.filter((e) => e.trigger.text === 'killed'),
    [],
  );
});

test('a series of protests told before a protest word is a history, not an event', () => {
  const { events } = extractEvents(buildDoc('A series of protests has shaken Nairobi.', WORLD), lexicon, deaths);
  assert.deepEqual(events, []);
});
